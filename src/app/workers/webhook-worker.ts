import type { Logger } from "../../logger.js";
import { isTransientGitHubFailure } from "../../github/transient-failure.js";
import { sleepInBackground } from "../../time/sleep.js";
import { createPendingWork, type PendingWork } from "./pending-work.js";
import { createRepoWorker } from "./repo-worker.js";

/** What a job asks of the worker when it could not finish: run it again later. */
export const RETRY_LATER = "retry-later";

/** One piece of work a webhook handed over. */
export interface WebhookJob {
  /** Jobs with the same key run one at a time, in order (e.g. `command:acme/dgx`). */
  key: string;
  /**
   * Names the delivery and the handler (`issue_comment:<delivery id>`): a job whose name is
   * already queued or running is dropped, so a redelivery that arrives meanwhile adds nothing.
   */
  name: string;
  /**
   * The work. It may return `RETRY_LATER` (or throw a transient GitHub error) when GitHub could
   * not be reached: it is queued again after a back-off, so a command sent while GitHub answered
   * 503 is still answered once GitHub is back (its reply markers keep the retry from repeating a
   * reply that did get through).
   */
  work: () => unknown;
}

export interface WebhookWorker {
  /** Takes a job and returns at once; the job starts after the webhook has been answered. */
  run(job: WebhookJob): void;
  /**
   * A delivery is arriving (the webhook route calls it); the returned function says it has been
   * answered. Jobs wait while deliveries are arriving (at most `MAX_DEFER_MS`), so in a burst
   * the acks get the CPU first and the work comes after.
   */
  receiving(): () => void;
  /** Jobs queued, running or waiting for a retry. */
  size(): number;
  /** Resolves when no job is queued, running or waiting for a retry (tests, shutdown). */
  settled(): Promise<void>;
}

export interface WebhookWorkerOptions {
  log: Pick<Logger, "warn" | "error">;
  /** Waits before a retry; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** The waits before each retry (default: 5 s, 15 s, 1 min, 3 min, 5 min, about 10 min in all). */
  retryDelaysMs?: readonly number[];
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

const DEFAULT_RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 180_000, 300_000];

/** The longest a job waits for a stream of arriving deliveries to pause. */
const MAX_DEFER_MS = 100;

/**
 * "Ack first, then work": webhook handlers only read their payload and hand a job to this
 * worker, so Probot answers GitHub before any GitHub request is made for the delivery (GitHub
 * gives up after 10 s and never redelivers). Jobs start on a later turn of the event loop, after
 * the answer is written; jobs of one key run in order; a transient failure is retried with a
 * back-off instead of being lost.
 */
export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const sleep = options.sleep ?? sleepInBackground;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  /** Names of jobs queued, running or waiting for a retry, and how to say each one is done. */
  const active = new Map<string, () => void>();
  const pending = options.pending ?? createPendingWork();
  // The per-repository worker's exclusive lane: one key's jobs run one at a time, in order.
  const lanes = createRepoWorker<never>({ name: "webhook", log: options.log, pending });
  /** Deliveries arriving or being answered, and the jobs waiting for them to be done. */
  let arriving = 0;
  let quietWaiters: Array<() => void> = [];

  /** After the current turn (in which Probot writes an answer), and once no delivery arrives. */
  const whenQuiet = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (arriving === 0) {
        setImmediate(resolve);
        return;
      }
      const timer = setTimeout(resolve, MAX_DEFER_MS);
      quietWaiters.push(() => {
        clearTimeout(timer);
        setImmediate(resolve);
      });
    });

  const schedule = (job: WebhookJob, attempt: number): void => {
    void lanes.exclusive(job.key, async () => {
      await whenQuiet();
      await attemptJob(job, attempt);
    });
  };

  const attemptJob = async (job: WebhookJob, attempt: number): Promise<void> => {
    let retry = false;
    try {
      retry = (await job.work()) === RETRY_LATER;
    } catch (error) {
      if (isTransientGitHubFailure(error)) retry = true;
      else options.log.error({ job: job.name, err: error }, "webhook work failed");
    }
    const wait = retryDelays[attempt];
    if (retry && wait !== undefined) {
      options.log.warn(
        { job: job.name, attempt: attempt + 1, wait },
        "GitHub unavailable: retrying",
      );
      // Not awaited: the key's queue goes on while this job waits for its retry.
      void sleep(wait).then(() => schedule(job, attempt + 1));
      return;
    }
    if (retry) options.log.error({ job: job.name }, "webhook work gave up after its retries");
    active.get(job.name)?.();
    active.delete(job.name);
  };

  return {
    run(job) {
      if (active.has(job.name)) return; // the same delivery, still being handled
      void pending.track(new Promise<void>((done) => active.set(job.name, done)));
      schedule(job, 0);
    },
    receiving() {
      arriving++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        arriving--;
        if (arriving > 0) return;
        const waiters = quietWaiters;
        quietWaiters = [];
        for (const wake of waiters) wake();
      };
    },
    size: () => active.size,
    settled: () => pending.settled(),
  };
}
