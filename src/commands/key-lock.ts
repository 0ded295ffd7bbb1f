/** Runs tasks with the same key one after another; other keys run in parallel. */
export interface KeyLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * An in-process lock per key. Nova answers a comment's commands under the comment's key, so a
 * webhook redelivered while the first delivery is still being answered waits and then finds the
 * replies (their markers) instead of posting them again. Keys are forgotten when idle.
 */
export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
