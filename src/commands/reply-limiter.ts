/**
 * The spam guard's memory: how many replies one person got on one issue lately. Behind an
 * interface so a shared store (Redis) can replace the in-process one when Nova runs on several
 * instances; the methods are async for that reason.
 */
export interface ReplyLimiter {
  /**
   * Counts one reply for `key` and answers true, or answers false (and counts nothing) when `limit`
   * replies were already counted within the last `windowMs` before `now`.
   */
  tryTake(key: string, limit: number, windowMs: number, now: number): Promise<boolean>;
}

export interface MemoryReplyLimiterOptions {
  /** Keys remembered at most; the least recently used are forgotten first. */
  maxKeys?: number;
}

/**
 * A sliding-window limiter in this process's memory. Restarting Nova forgets the counts, which
 * errs on the side of answering. Memory is bounded by `maxKeys` (default 10,000).
 */
export function createMemoryReplyLimiter(options: MemoryReplyLimiterOptions = {}): ReplyLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  const replies = new Map<string, number[]>();
  return {
    tryTake(key, limit, windowMs, now) {
      const recent = (replies.get(key) ?? []).filter((at) => at > now - windowMs);
      // Re-inserting moves the key to the end: Map order is then least recently used first.
      replies.delete(key);
      const allowed = recent.length < limit;
      if (allowed) recent.push(now);
      replies.set(key, recent);
      while (replies.size > maxKeys) {
        const oldest = replies.keys().next().value;
        if (oldest === undefined) break;
        replies.delete(oldest);
      }
      return Promise.resolve(allowed);
    },
  };
}
