/**
 * Work in flight that `settled()` can await: every tracked promise, and any tracked while
 * waiting (a run that queues a follow-up, a job that queues a sync). No polling: it awaits the
 * promises themselves until none is left.
 */
export interface PendingWork {
  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Promises not yet settled. */
  size(): number;
  /** Resolves when every tracked promise has settled, those tracked meanwhile included. */
  settled(): Promise<void>;
}

export function createPendingWork(): PendingWork {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      pending.add(work);
      const forget = () => void pending.delete(work);
      work.then(forget, forget);
      return work;
    },
    size: () => pending.size,
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
