/**
 * The spam guard's memory: how many replies one person got on one issue lately. Behind an
 * interface so a shared store (Redis) can replace the in-process one when Nova runs on several
 * instances; the methods are async for that reason.
 */
export interface ReplyLimiter {
  /**
   * Counts one reply for `key` and answers `allowed`, or (counting nothing) refuses when `limit`
   * replies were already counted within the last `windowMs` before `now`. A refusal says when one
   * more reply fits again and whether it is the first refusal until then: the person is told
   * once per refused stretch, further commands only get a reaction.
   */
  tryTake(key: string, limit: number, windowMs: number, now: number): Promise<ReplyTake>;
}

export type ReplyTake =
  | { allowed: true }
  | {
      allowed: false;
      /** When one more reply fits (milliseconds since the epoch). */
      resetAt: number;
      /** True for the first refusal before `resetAt`: the one that gets a short reply. */
      notify: boolean;
    };

export interface MemoryReplyLimiterOptions {
  /** Keys remembered at most; the least recently used are forgotten first. */
  maxKeys?: number;
}

interface KeyState {
  replies: number[];
  /** Refusals before this instant were already told. */
  notifiedUntil: number;
}

/**
 * A sliding-window limiter in this process's memory. Restarting Nova forgets the counts, which
 * errs on the side of answering. Memory is bounded by `maxKeys` (default 10,000).
 */
export function createMemoryReplyLimiter(options: MemoryReplyLimiterOptions = {}): ReplyLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  const states = new Map<string, KeyState>();
  return {
    tryTake(key, limit, windowMs, now) {
      const previous = states.get(key);
      const state: KeyState = {
        replies: (previous?.replies ?? []).filter((at) => at > now - windowMs),
        notifiedUntil: previous?.notifiedUntil ?? 0,
      };
      // Re-inserting moves the key to the end: Map order is then least recently used first.
      states.delete(key);
      states.set(key, state);
      while (states.size > maxKeys) {
        const oldest = states.keys().next().value;
        if (oldest === undefined) break;
        states.delete(oldest);
      }
      if (state.replies.length < limit) {
        state.replies.push(now);
        return Promise.resolve({ allowed: true });
      }
      // The reply that blocks this one is the `limit`-th newest; when it leaves, one more fits.
      const blocking = state.replies[state.replies.length - limit] ?? now;
      const resetAt = blocking + windowMs;
      const notify = now >= state.notifiedUntil;
      if (notify) state.notifiedUntil = resetAt;
      return Promise.resolve({ allowed: false, resetAt, notify });
    },
  };
}
