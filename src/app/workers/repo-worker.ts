import type { RepoRef } from "../../github/vocabulary.js";
import type { Logger } from "../../logger.js";
import { sleepInBackground } from "../../time/sleep.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import type { SyncTickets } from "../replicas/sync-tickets.js";
import { createRepoQueue } from "./repo-queue.js";
import { createPendingWork, type PendingWork } from "./pending-work.js";

/**
 * The one per-repository worker every use-case runs on (sync, board, bot pull requests, runner
 * uploads), and under the webhook worker's jobs. Per key (a repository, lower case):
 * - `enqueue`: one run at a time; requests that arrive meanwhile coalesce into one next run
 *   (`merge`), and the request resolves when a run covering it has finished;
 * - `exclusive`: work that must not coalesce (it returns its own result) runs alone;
 * - both hold the lock `<name>:<key>` while they run (across replicas with a Redis lock); with
 *   `tickets`, a queued run that a later run on another replica already covered is dropped;
 * - `followUp`: GitHub does not redeliver, so a run that could not finish queues itself again
 *   after a delay that doubles with each run in a row that ended on a GitHub fault;
 * - `settled`: awaits every run, waiting request and follow-up (tests, shutdown).
 */
export interface RepoWorker<J> {
  /** Queues a run; resolves when a run covering it has finished. Never rejects. */
  enqueue(key: string, job: J, options?: { ticket?: boolean }): Promise<void>;
  /** Runs `work` alone for the key (under the lock), after the key's earlier exclusive work. */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Queues `job` again after the follow-up delay (not awaited: the run that calls it first
   * releases the key). `failed`: the run ended on a GitHub fault, so the delay doubles; any
   * other finished run resets the count.
   */
  followUp(key: string, job: J, outcome: { failed: boolean }): void;
  /** Keys with a run going or waiting. */
  size(): number;
  /** Resolves when nothing is running, waiting or due as a follow-up. */
  settled(): Promise<void>;
}

export interface RepoWorkerOptions<J> {
  /** Names the work: the lock's key is `<name>:<key>`. */
  name: string;
  /** The log message of a run that threw (default "<name> failed"). */
  failedMessage?: string;
  /** One queued run (`enqueue`); a throw is logged and does not stop later runs. */
  run?: (key: string, job: J) => Promise<void>;
  /** `debug`, when there, hears requests a later run covered. */
  log: Pick<Logger, "error" | "warn"> & { debug?: (data: object, message?: string) => void };
  /** Combines a waiting job with a newer one; by default the newer replaces it. */
  merge?: (waiting: J, newer: J) => J;
  /** Holds `<name>:<key>` while a run goes, across replicas with Redis; default: this process. */
  lock?: SharedLock;
  /** The queue's tickets shared by replicas, so a burst spread over them runs once. */
  tickets?: SyncTickets;
  /** A job that must run even when a later run covered it (someone waits for its own result). */
  runsWhenCovered?: (job: J) => boolean;
  /** Waits before a follow-up; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** The delay before a follow-up (default 60 s), doubled per fault in a row. */
  followUpDelayMs?: number;
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

/** Follow-ups waiting at once, per worker; more would only pile up behind GitHub's limits. */
export const MAX_PENDING_FOLLOW_UPS = 100;

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

/** A repository's key in every worker and service: `owner/name`, lower case. */
export function keyOf(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

interface Ticketed<J> {
  job: J;
  /** The request's place in the queue shared by replicas; none: it runs whatever came before. */
  ticket?: number;
}

export function createRepoWorker<J>(options: RepoWorkerOptions<J>): RepoWorker<J> {
  const { name, log } = options;
  const sleep = options.sleep ?? sleepInBackground;
  const followUpDelay = options.followUpDelayMs ?? 60_000;
  const pending = options.pending ?? createPendingWork();
  let followUps = 0;
  /** Runs in a row per key that ended on a GitHub fault (for the back-off). */
  const failuresInARow = new Map<string, number>();
  /** Keys whose current run asked for a follow-up after a fault (so its end keeps the count). */
  const faulted = new Set<string>();

  const lock = options.lock ?? createLocalLock();
  const locked = <T>(key: string, work: () => Promise<T>): Promise<T> =>
    lock.run(`${name}:${key}`, work);

  const runOne = (key: string, entry: Ticketed<J>): Promise<void> =>
    locked(key, async () => {
      const fresh =
        entry.ticket === undefined ||
        !options.tickets ||
        (await options.tickets.claim(key, entry.ticket));
      if (!fresh && !(options.runsWhenCovered?.(entry.job) ?? false)) {
        log.debug?.({ repository: key }, `${name} request covered by a run that started later`);
        return;
      }
      faulted.delete(key);
      let finished = false;
      try {
        await options.run?.(key, entry.job);
        finished = true;
      } finally {
        // A run that finished without a fault ends the key's run of faults; one that threw
        // for another reason leaves the count as it was.
        if (!faulted.delete(key) && finished) failuresInARow.delete(key);
      }
    });

  const queue = createRepoQueue<Ticketed<J>>(
    runOne,
    (key, error) =>
      log.error({ repository: key, err: error }, options.failedMessage ?? `${name} failed`),
    (waiting, newer) => {
      const job = options.merge ? options.merge(waiting.job, newer.job) : newer.job;
      // One without a ticket must run: so must the merged one.
      return waiting.ticket !== undefined && newer.ticket !== undefined
        ? { job, ticket: Math.max(waiting.ticket, newer.ticket) }
        : { job };
    },
  );

  const enqueue = async (key: string, job: J, ticketed: boolean): Promise<void> => {
    let ticket: number | null = null;
    if (ticketed && options.tickets) {
      try {
        ticket = await options.tickets.take(key);
      } catch (error) {
        // Without a ticket the request simply runs: a redundant run writes nothing.
        log.warn({ repository: key, err: error }, `${name} queue: no ticket, running anyway`);
      }
    }
    return queue.enqueue(key, ticket === null ? { job } : { job, ticket });
  };

  return {
    enqueue: (key, job, { ticket = true } = {}) => pending.track(enqueue(key, job, ticket)),
    exclusive: (key, work) => pending.track(locked(key, work)),
    followUp(key, job, { failed }) {
      if (followUps >= MAX_PENDING_FOLLOW_UPS) return;
      const failures = failed ? (failuresInARow.get(key) ?? 0) + 1 : 0;
      if (failed) {
        failuresInARow.set(key, failures);
        faulted.add(key);
      }
      followUps++;
      void pending.track(
        sleep(planFollowUpDelay(followUpDelay, failures)).then(() => {
          followUps--;
          return enqueue(key, job, true);
        }),
      );
    },
    size: () => queue.size(),
    settled: () => pending.settled(),
  };
}
