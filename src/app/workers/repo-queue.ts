/**
 * The queue inside the per-repository worker (`repo-worker.ts`): one run at a time per key,
 * with bursts coalesced: while a run is going, any number of new requests for that key collapse
 * into ONE next run that uses the newest request (the latest commit wins), or what `merge` makes
 * of them.
 */
export interface RepoQueue<T> {
  /** Queues a run; resolves when a run that covers this request has finished. */
  enqueue(key: string, job: T): Promise<void>;
  /** Resolves when nothing is running or waiting (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Keys with a run going or waiting. */
  size(): number;
}

interface Slot<T> {
  running: Promise<void>;
  next: { job: T; waiters: Array<() => void> } | null;
}

/**
 * Creates the queue. `run` must not throw for expected failures; an exception is passed to
 * `onError` and does not stop later runs.
 */
export function createRepoQueue<T>(
  run: (key: string, job: T) => Promise<void>,
  onError: (key: string, error: unknown) => void,
  /** Combines a waiting job with a newer one; by default the newer replaces it. */
  merge: (waiting: T, newer: T) => T = (_waiting, newer) => newer,
): RepoQueue<T> {
  const slots = new Map<string, Slot<T>>();
  let idleWaiters: Array<() => void> = [];

  const start = (key: string, job: T, waiters: Array<() => void>): void => {
    const running = (async () => {
      try {
        await run(key, job);
      } catch (error) {
        onError(key, error);
      }
    })().then(() => {
      for (const resolve of waiters) resolve();
      const slot = slots.get(key);
      const next = slot?.next;
      if (slot && next) {
        slot.next = null;
        start(key, next.job, next.waiters);
        return;
      }
      slots.delete(key);
      if (slots.size === 0) {
        const waiting = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiting) resolve();
      }
    });
    const slot = slots.get(key);
    if (slot) slot.running = running;
    else slots.set(key, { running, next: null });
  };

  return {
    enqueue(key, job) {
      return new Promise<void>((resolve) => {
        const slot = slots.get(key);
        if (!slot) {
          start(key, job, [resolve]);
          return;
        }
        // Coalesce: one waiting run covers every request that arrived meanwhile.
        slot.next = {
          job: slot.next ? merge(slot.next.job, job) : job,
          waiters: [...(slot.next?.waiters ?? []), resolve],
        };
      });
    },
    idle() {
      if (slots.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    size() {
      return slots.size;
    },
  };
}
