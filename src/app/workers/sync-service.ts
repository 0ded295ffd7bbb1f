import type { Probot } from "probot";
import { toGitHubError } from "../../github/github-error.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import { createLocalSyncTickets, type SyncTickets } from "../replicas/sync-tickets.js";
import { createOctokitPort, type Octokit } from "../../github/octokit-port.js";
import type { RepoRef } from "../../github/vocabulary.js";
import type { Logger } from "../../logger.js";
import { createRepoQueue, type RepoQueue } from "./repo-queue.js";
import {
  syncRepository,
  type SyncRepositoryInput,
  type SyncRepositoryResult,
} from "../../sync/sync-repository.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import type { PendingWriteBack } from "../../sync/plan-sync.js";
import type { WebhookWorker } from "./webhook-worker.js";

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
  /** The request's place in the queue shared by replicas (`SyncTickets`); set by the service. */
  ticket?: number;
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
  /** The webhook handlers' worker: `settled()` waits for its jobs too (they queue syncs). */
  worker?: Pick<WebhookWorker, "settled" | "size">;
}

export interface SyncService {
  /** Queues a sync; resolves when a run covering it has finished. */
  requestSync(job: SyncJob): Promise<void>;
  /** What Nova last learned of a repository's configuration (for cheap push filtering). */
  knownRepository(
    fullName: string,
  ): { checklist: string; reconcileMs: number | null; lastSync: number } | undefined;
  /** The app's bot login, `<slug>[bot]`. */
  botLogin(): Promise<string>;
  /**
   * Resolves when no sync is running or waiting, follow-ups included, and the webhook worker
   * has no job left (commands, push comparisons): tests, shutdown.
   */
  settled(): Promise<void>;
  queue: RepoQueue<SyncJob>;
}

/**
 * A burst of requests becomes one run at the newest commit; every requester still hears the
 * result, and a check run is left if any of them asked for one.
 */
function mergeJobs(waiting: SyncJob, newer: SyncJob): SyncJob {
  const listeners = [waiting.onResult, newer.onResult].filter((listener) => listener !== undefined);
  const ticket =
    waiting.ticket !== undefined && newer.ticket !== undefined
      ? Math.max(waiting.ticket, newer.ticket)
      : undefined; // one without a ticket must run: so must the merged one
  const merged: SyncJob = { ...newer };
  delete merged.ticket;
  return {
    ...merged,
    ...(ticket !== undefined ? { ticket } : {}),
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

/** Follow-ups waiting at once, across repositories; more would only pile up behind GitHub's limits. */
const MAX_PENDING_FOLLOW_UPS = 100;

/** The longest wait before a follow-up, however often the repository's runs failed in a row. */
const MAX_FOLLOW_UP_DELAY_MS = 30 * 60_000;

/**
 * The wait before the next follow-up: the base delay, doubled for each run in a row that ended
 * on a GitHub fault (a hang, an outage, refused credentials), up to half an hour.
 */
export function planFollowUpDelay(baseMs: number, failuresInARow: number): number {
  const exponent = Math.min(Math.max(failuresInARow - 1, 0), 10);
  return Math.min(baseMs * 2 ** exponent, Math.max(baseMs, MAX_FOLLOW_UP_DELAY_MS));
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs syncs one at a time per repository, remembers each repository's checklist path and
 * reconcile interval, and schedules a follow-up run when a sync could not finish (write budget
 * spent, GitHub unavailable): GitHub does not redeliver failed webhooks, so Nova must converge
 * on its own.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { app } = options;
  const sleep = options.sleep ?? delay;
  const now = options.now ?? Date.now;
  const followUpDelay = options.followUpDelayMs ?? 60_000;
  const known = new Map<
    string,
    { checklist: string; reconcileMs: number | null; lastSync: number }
  >();
  let botLogin: Promise<string> | undefined;
  let followUps = 0;
  /** Runs in a row per repository that ended on a transient GitHub fault (for the back-off). */
  const failuresInARow = new Map<string, number>();
  /** Requests between arriving and being queued (taking a ticket). */
  let taking = 0;

  const resolveBotLogin = () => {
    botLogin ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error("GitHub did not name the app (GET /app)");
      return `${data.slug}[bot]`;
    })().catch((error: unknown) => {
      botLogin = undefined; // try again next time
      throw error;
    });
    return botLogin;
  };

  const lock = options.lock ?? createLocalLock();
  const tickets = options.tickets ?? createLocalSyncTickets();
  const queue: RepoQueue<SyncJob> = createRepoQueue<SyncJob>(
    (key, job) =>
      lock.run(`sync:${key}`, async () => {
        const fresh = job.ticket === undefined || (await tickets.claim(key, job.ticket));
        // Someone waits for this run's own result (a command's reply): it runs even if covered.
        if (!fresh && !job.onResult) {
          app.log.debug({ repository: key }, "sync request covered by a run that started later");
          return;
        }
        await runJob(key, job);
      }),
    (key, error) => app.log.error({ repository: key, err: error }, "sync failed"),
    mergeJobs,
  );

  /** Queues a real (not dry-run) sync with a ticket of the shared queue. */
  const enqueue = async (key: string, job: SyncJob): Promise<void> => {
    let ticket: number | null = null;
    taking++;
    try {
      ticket = await tickets.take(key);
    } catch (error) {
      // Without a ticket the request simply runs: a redundant sync writes nothing.
      app.log.warn({ repository: key, err: error }, "sync queue: no ticket, running anyway");
    } finally {
      taking--;
    }
    return queue.enqueue(key, ticket === null ? job : { ...job, ticket });
  };

  async function runJob(key: string, job: SyncJob): Promise<void> {
    const log: Logger = app.log.child({ repository: key, reason: job.reason });
    const port = createOctokitPort(job.octokit, job.repo, {
      sleep,
      onRetry: (wait) => log.warn({ wait }, "secondary rate limit: waiting before retrying"),
    });
    const scheduleFollowUp = (failed: boolean) => {
      if (followUps >= MAX_PENDING_FOLLOW_UPS) return;
      const failures = failed ? (failuresInARow.get(key) ?? 0) + 1 : 0;
      if (failed) failuresInARow.set(key, failures);
      // Not awaited: the follow-up runs after this run released the repository's slot.
      followUps++;
      void sleep(planFollowUpDelay(followUpDelay, failures)).then(() => {
        followUps--;
        return enqueue(key, {
          octokit: job.octokit,
          repo: job.repo,
          reason: job.reason,
          reportOnCommit: job.reportOnCommit ?? false,
          ...(job.repository ? { repository: job.repository } : {}),
        });
      });
    };
    let result: SyncRepositoryResult;
    try {
      const botLogin = await resolveBotLogin();
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
        scheduleFollowUp(true);
      }
      throw error;
    }
    if (job.dryRun) {
      await job.onResult?.(result);
      return;
    }
    if (result.status !== "synced" || result.stoppedByFault !== true) failuresInARow.delete(key);
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
      scheduleFollowUp(result.stoppedByFault === true);
    }
  }

  return {
    // Dry runs (previews) queue apart: coalescing must never swap a real sync for a preview.
    requestSync: (job) => {
      const key = `${job.repo.owner}/${job.repo.repo}`.toLowerCase();
      return job.dryRun ? queue.enqueue(`${key}#dry-run`, job) : enqueue(key, job);
    },
    knownRepository: (fullName) => known.get(fullName.toLowerCase()),
    botLogin: resolveBotLogin,
    async settled() {
      // A follow-up is enqueued only after its delay, so idle() alone can resolve too early.
      const worker = options.worker;
      for (;;) {
        await worker?.settled();
        await queue.idle();
        const working = worker?.size() ?? 0;
        if (followUps === 0 && taking === 0 && queue.size() === 0 && working === 0) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    queue,
  };
}
