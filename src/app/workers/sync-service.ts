import type { Probot } from "probot";
import { toGitHubError } from "../../github/github-error.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import { createLocalSyncTickets, type SyncTickets } from "../replicas/sync-tickets.js";
import { createOctokitPort, type Octokit } from "../../github/octokit-port.js";
import type { RepoRef } from "../../github/vocabulary.js";
import type { Logger } from "../../logger.js";
import { sleepInBackground } from "../../time/sleep.js";
import type { PendingWork } from "./pending-work.js";
import { createRepoWorker, keyOf } from "./repo-worker.js";
import {
  syncRepository,
  type SyncRepositoryInput,
  type SyncRepositoryResult,
} from "../../sync/sync-repository.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import type { PendingWriteBack } from "../../sync/plan-sync.js";

/** A request for a sync of one repository. */
export interface SyncJob {
  octokit: Octokit;
  repo: RepoRef;
  reason: SyncRepositoryInput["reason"];
  sha?: string;
  repository?: { defaultBranch: string; htmlUrl: string };
  reportOnCommit?: boolean;
  dryRun?: boolean;
  /** Receives the result (a `/nova sync` reply, tests). */
  onResult?: (result: SyncRepositoryResult) => void | Promise<void>;
}

export interface SyncServiceOptions {
  app: Probot;
  /** Waits (secondary rate limits, follow-up runs); injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Delay before a follow-up run when a sync could not finish (budget, GitHub errors). */
  followUpDelayMs?: number;
  now?: () => number;
  /** Runs after every applied sync (not a dry run), within the repository's slot: the board. */
  afterSync?: (job: SyncJob, result: SyncRepositoryResult) => Promise<void>;
  /** Reads the open write-back pull request's proposals when a sync needs them (bot PRs). */
  readPendingWriteBack?: (job: SyncJob, botLogin: string) => Promise<PendingWriteBack>;
  /**
   * Serialises syncs of one repository across instances (Redis when `REDIS_URL` is set); the
   * in-process queue already does so within one instance.
   */
  lock?: SharedLock;
  /** The queue's tickets shared by replicas (Redis), so a burst spread over them syncs once. */
  tickets?: SyncTickets;
  /** The app's bot login, `<slug>[bot]` (see `app-identity.ts`). */
  botLogin: () => Promise<string>;
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

export interface SyncService {
  /** Queues a sync; resolves when a run covering it has finished. */
  requestSync(job: SyncJob): Promise<void>;
  /** What Nova last learned of a repository's configuration (for cheap push filtering). */
  knownRepository(
    fullName: string,
  ): { checklist: string; reconcileMs: number | null; lastSync: number } | undefined;
  /** Repositories with a sync going or waiting (`nova_sync_queue_depth`). */
  size(): number;
  /**
   * Resolves when no sync is running or waiting, follow-ups included (tests, shutdown); in the
   * app, whose workers share one `pending`, when none of its work is left.
   */
  settled(): Promise<void>;
}

/**
 * A burst of requests becomes one run at the newest commit; every requester still hears the
 * result, and a check run is left if any of them asked for one.
 */
function mergeJobs(waiting: SyncJob, newer: SyncJob): SyncJob {
  const listeners = [waiting.onResult, newer.onResult].filter((listener) => listener !== undefined);
  return {
    ...newer,
    reportOnCommit: (waiting.reportOnCommit ?? false) || (newer.reportOnCommit ?? false),
    ...(listeners.length > 0
      ? {
          onResult: async (result: SyncRepositoryResult) => {
            for (const listener of listeners) await listener(result);
          },
        }
      : {}),
  };
}

/**
 * Runs syncs one at a time per repository, remembers each repository's checklist path and
 * reconcile interval, and schedules a follow-up run when a sync could not finish (write budget
 * spent, GitHub unavailable): GitHub does not redeliver failed webhooks, so Nova must converge
 * on its own.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { app } = options;
  const sleep = options.sleep ?? sleepInBackground;
  const now = options.now ?? Date.now;
  const known = new Map<
    string,
    { checklist: string; reconcileMs: number | null; lastSync: number }
  >();

  const worker = createRepoWorker<SyncJob>({
    name: "sync",
    run: (key, job) => runJob(key, job),
    log: app.log,
    merge: mergeJobs,
    lock: options.lock ?? createLocalLock(),
    tickets: options.tickets ?? createLocalSyncTickets(),
    // Someone waits for this run's own result (a command's reply): it runs even if covered.
    runsWhenCovered: (job) => job.onResult !== undefined,
    sleep,
    ...(options.pending ? { pending: options.pending } : {}),
    ...(options.followUpDelayMs !== undefined ? { followUpDelayMs: options.followUpDelayMs } : {}),
  });

  async function runJob(key: string, job: SyncJob): Promise<void> {
    const log: Logger = app.log.child({ repository: key, reason: job.reason });
    const port = createOctokitPort(job.octokit, job.repo, {
      sleep,
      onRetry: (wait) => log.warn({ wait }, "secondary rate limit: waiting before retrying"),
    });
    const followUp = (failed: boolean) =>
      worker.followUp(
        key,
        {
          octokit: job.octokit,
          repo: job.repo,
          reason: job.reason,
          reportOnCommit: job.reportOnCommit ?? false,
          ...(job.repository ? { repository: job.repository } : {}),
        },
        { failed },
      );
    let result: SyncRepositoryResult;
    try {
      const botLogin = await options.botLogin();
      const readPending = options.readPendingWriteBack;
      result = await syncRepository({
        port,
        botLogin,
        ...(readPending ? { readPendingWriteBack: () => readPending(job, botLogin) } : {}),
        reason: job.reason,
        log,
        ...(job.sha ? { sha: job.sha } : {}),
        ...(job.repository ? { repository: job.repository } : {}),
        reportOnCommit: job.reportOnCommit ?? false,
        dryRun: job.dryRun ?? false,
      });
    } catch (error) {
      const failure = toGitHubError(error);
      if (failure.transient && !job.dryRun) {
        log.warn(
          { kind: failure.kind, status: failure.status },
          "sync stopped by a GitHub fault; a follow-up run is scheduled",
        );
        followUp(true);
      }
      throw error;
    }
    if (job.dryRun) {
      await job.onResult?.(result);
      return;
    }
    if (result.status === "synced") {
      known.set(key, {
        checklist: result.config.checklist,
        reconcileMs: result.config.sync.reconcile,
        lastSync: now(),
      });
    } else {
      const previous = known.get(key);
      known.set(key, {
        checklist: previous?.checklist ?? DEFAULT_CONFIG.checklist,
        reconcileMs: previous?.reconcileMs ?? DEFAULT_CONFIG.sync.reconcile,
        lastSync: now(),
      });
    }
    await job.onResult?.(result);
    if (result.status === "synced") await options.afterSync?.(job, result);
    if (result.status === "synced" && result.needsFollowUp) {
      followUp(result.stoppedByFault === true);
    }
  }

  return {
    // Dry runs (previews) queue apart and without a ticket: coalescing must never swap a real
    // sync for a preview.
    requestSync: (job) =>
      job.dryRun
        ? worker.enqueue(`${keyOf(job.repo)}#dry-run`, job, { ticket: false })
        : worker.enqueue(keyOf(job.repo), job),
    knownRepository: (fullName) => known.get(fullName.toLowerCase()),
    size: () => worker.size(),
    settled: () => worker.settled(),
  };
}
