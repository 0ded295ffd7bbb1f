import type { Probot } from "probot";
import { createLocalOnceClaims, type OnceClaims } from "../replicas/once-claims.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import type { BotPrPort, GitHubPort } from "../../github/github-api.js";
import type { RepoRef } from "../../github/vocabulary.js";
import { createOctokitPort, type Octokit } from "../../github/octokit-port.js";
import type { PendingWriteBack } from "../../sync/plan-sync.js";
import type { Language } from "../../render/i18n.js";
import type { SyncRepositoryResult } from "../../sync/sync-repository.js";
import { findDueMinute, parseCron, type CronSchedule } from "../../config/cron-schedule.js";
import { findOpenWriteBack } from "../../bot-pr/find-write-back-pull.js";
import type { StatusTrigger } from "../../bot-pr/plan-status-pr.js";
import { runStatusReport, type StatusReportResult } from "../../bot-pr/run-status-report.js";
import { runWriteBack } from "../../bot-pr/run-write-back.js";
import type { LatestGpuReport } from "../../bot-pr/status-report-content.js";
import { sleepInBackground } from "../../time/sleep.js";
import type { PendingWork } from "./pending-work.js";
import { createRepoWorker, keyOf } from "./repo-worker.js";

/** A repository and the client that reaches it (a webhook's, or one from `app.auth(id)`). */
export interface BotPrTarget {
  octokit: Octokit;
  repo: RepoRef;
  /** Known from a webhook payload; read from GitHub otherwise. */
  repository?: { defaultBranch: string; htmlUrl: string };
}

export interface BotPrServiceOptions {
  app: Probot;
  /** The app's bot login (`<slug>[bot]`): only its pull requests and issues count. */
  botLogin: () => Promise<string>;
  /** The clock (ms); injected so tests drive the schedule. */
  now?: () => number;
  /** Waits (secondary rate limits); injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The hook for the status report's GPU section: the latest runner report per host of a
   * repository. Absent until runner reports are ingested; the section is then left out.
   */
  readGpuReports?: (
    target: BotPrTarget,
    where: { issueNumber: number; lang: Language; botLogin: string },
  ) => Promise<readonly LatestGpuReport[]>;
  /** A repository's status-report lock across replicas (Redis); in-process by default. */
  lock?: SharedLock;
  /** Which replica runs a scheduled report (Redis); every one of them without. */
  once?: OnceClaims;
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

export interface BotPrService {
  /**
   * After every applied sync, within the repository's sync slot: remember the repository's
   * schedule, and open, update or close the write-back pull request for the sync's proposals.
   * Never rejects (a failure is logged; the next sync tries again).
   */
  afterSync(target: BotPrTarget, result: SyncRepositoryResult): Promise<void>;
  /** What the open write-back pull request proposes (for the sync's hold rule); one request. */
  readPendingWriteBack(target: BotPrTarget, botLogin: string): Promise<PendingWriteBack>;
  /** Runs the status report now, one at a time per repository. */
  requestStatusReport(
    target: BotPrTarget & { trigger: StatusTrigger },
  ): Promise<StatusReportResult>;
  /**
   * Starts the status report of every known repository whose `status.schedule` has a minute
   * since the last tick (at most the last hour), each wall-clock minute once; resolves when
   * those runs finished, with how many ran.
   */
  tick(): Promise<number>;
  /** Calls `tick` every `tickMs` (default a minute); returns a stop function. */
  startSchedule(tickMs?: number): () => void;
  /** Resolves when no status report is running (tests, shutdown). */
  settled(): Promise<void>;
}

interface KnownRepository {
  target: BotPrTarget;
  expression: string;
  schedule: CronSchedule;
  timeZone: string;
  /** The wall-clock minute (`LocalMinute.key`) the schedule last ran. */
  lastRunKey?: string;
}

/** A tick looks back at most this far (a process that slept longer does not catch up a day). */
const MAX_LOOK_BACK_MS = 60 * 60_000;
/** How long a claim on one scheduled minute holds: longer than any replica looks back for it. */
const ONCE_TTL_MS = 2 * MAX_LOOK_BACK_MS;

/**
 * Nova's two pull requests per repository: the write-back after each sync, and the status
 * report on schedule, on `/nova report` and from the CLI. Known repositories (and their
 * schedules) are the ones the sync has seen; reconcile syncs every installed repository after a
 * restart, so the schedule learns them again.
 */
export function createBotPrService(options: BotPrServiceOptions): BotPrService {
  const { app } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepInBackground;
  const known = new Map<string, KnownRepository>();
  /** Whether the write-back pull request is open, as far as this process knows (absent: unknown). */
  const writeBackOpen = new Map<string, boolean>();
  // Status reports of one repository run one at a time (across replicas with Redis).
  const worker = createRepoWorker<never>({
    name: "status-report",
    log: app.log,
    lock: options.lock ?? createLocalLock(),
    ...(options.pending ? { pending: options.pending } : {}),
  });
  const once = options.once ?? createLocalOnceClaims();
  let lastTick: number | undefined;
  const portsFor = (target: BotPrTarget): { github: GitHubPort; pulls: BotPrPort } => {
    const log = app.log.child({ repository: keyOf(target.repo) });
    const retry = {
      sleep,
      onRetry: (wait: number) => log.warn({ wait }, "secondary rate limit: waiting"),
    };
    return {
      github: createOctokitPort(target.octokit, target.repo, retry),
      pulls: createOctokitPort(target.octokit, target.repo, retry),
    };
  };

  const remember = (target: BotPrTarget, status: { schedule: string; timezone: string }) => {
    const key = keyOf(target.repo);
    const previous = known.get(key);
    const sameSchedule =
      previous?.expression === status.schedule && previous.timeZone === status.timezone;
    known.set(key, {
      target,
      expression: status.schedule,
      schedule: sameSchedule ? previous.schedule : parseCron(status.schedule),
      timeZone: status.timezone,
      ...(previous?.lastRunKey ? { lastRunKey: previous.lastRunKey } : {}),
    });
  };

  const requestStatusReport: BotPrService["requestStatusReport"] = (target) => {
    const key = keyOf(target.repo);
    return worker.exclusive(key, async () => {
      const ports = portsFor(target);
      return runStatusReport({
        ...ports,
        botLogin: await options.botLogin(),
        now: now(),
        trigger: target.trigger,
        ...(target.repository ? { repository: target.repository } : {}),
        ...(options.readGpuReports
          ? {
              readGpuReports: async (where: { issueNumber: number; lang: Language }) =>
                options.readGpuReports!(target, { ...where, botLogin: await options.botLogin() }),
            }
          : {}),
        log: app.log.child({ repository: key, trigger: target.trigger }),
      });
    });
  };

  const tick = async (): Promise<number> => {
    const at = now();
    const after = Math.max(lastTick ?? at - 60_000, at - MAX_LOOK_BACK_MS);
    lastTick = at;
    const runs: Array<Promise<unknown>> = [];
    for (const [key, entry] of known) {
      const due = findDueMinute(entry.schedule, entry.timeZone, after, at);
      if (!due || entry.lastRunKey === due.key) continue;
      entry.lastRunKey = due.key;
      runs.push(
        (async () => {
          // Every replica that synced the repository knows its schedule; one of them runs it.
          if (!(await once.claim(`status-report:${key}:${due.key}`, ONCE_TTL_MS))) return;
          await requestStatusReport({ ...entry.target, trigger: "schedule" });
        })().catch((error: unknown) =>
          app.log.warn({ err: error, repository: key }, "scheduled status report failed"),
        ),
      );
    }
    await Promise.all(runs);
    return runs.length;
  };

  return {
    async afterSync(target, result) {
      if (result.status !== "synced") return;
      const key = keyOf(target.repo);
      remember(target, result.config.status);
      // No proposal and no write-back pull request known to be open: nothing to read.
      if (result.proposals.length === 0 && writeBackOpen.get(key) === false) return;
      const log = app.log.child({ repository: key });
      try {
        const ports = portsFor(target);
        // The sync knew the repository (from the webhook or its own read): no second read.
        const repository = target.repository ?? result.repository;
        const outcome = await runWriteBack({
          ...ports,
          botLogin: await options.botLogin(),
          config: result.config,
          defaultBranch: repository.defaultBranch,
          proposals: result.proposals,
          log,
        });
        writeBackOpen.set(key, outcome.open);
      } catch (error) {
        writeBackOpen.delete(key);
        log.warn({ err: error }, "write-back failed; the next sync tries again");
      }
    },

    async readPendingWriteBack(target, botLogin) {
      const open = await findOpenWriteBack(portsFor(target).pulls, botLogin);
      writeBackOpen.set(keyOf(target.repo), open !== null);
      return open ? open.body.pending() : new Map();
    },

    requestStatusReport,
    tick,

    startSchedule(tickMs = 60_000) {
      const timer = setInterval(() => {
        tick().catch((error: unknown) => app.log.warn({ err: error }, "schedule tick failed"));
      }, tickMs);
      timer.unref();
      return () => clearInterval(timer);
    },

    settled: () => worker.settled(),
  };
}
