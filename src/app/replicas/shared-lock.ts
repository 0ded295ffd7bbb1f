import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { sleep } from "../../time/sleep.js";

/**
 * Mutual exclusion per key: work under one key runs one at a time, other keys in parallel.
 * Nova's syncs, board projects, status reports, report publishing and command replies run under
 * it, so a webhook redelivered while the first delivery is still being handled waits, then finds
 * the first one's effects (their markers) instead of repeating them. With Redis (`REDIS_URL`)
 * the key is held across every replica; without it, within this process.
 */
export interface SharedLock {
  /** Runs `work` while holding `key`; waits while another holder has it, even after a failure. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** The lock within this process: a chain of promises per key, forgotten when idle. */
export function createLocalLock(): SharedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work, work);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

export interface RedisLockOptions {
  /**
   * A holder that died releases the key after this long (default 1 minute). A living holder
   * renews it every third of that, so work may take longer than the time to live.
   */
  ttlMs?: number;
  /** How often a waiter asks again (default 50 ms). */
  pollMs?: number;
  /** Give up waiting after this long (default 15 minutes) and fail the work (it is retried later). */
  maxWaitMs?: number;
}

// Deletes the key only if this holder still owns it: an expired lock taken over by another
// instance must not be released by the one that lost it.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
// Extends the key's life only while this holder still owns it.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * The lock on Redis: `SET key token NX PX ttl`, renewed while the work runs and released with a
 * compare-and-delete script. Holders in this process queue locally first, so only one of them
 * at a time polls Redis.
 */
export function createRedisLock(redis: Redis, options: RedisLockOptions = {}): SharedLock {
  const local = createLocalLock();
  const ttlMs = options.ttlMs ?? 60_000;
  const pollMs = options.pollMs ?? 50;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const holdAcrossReplicas = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const name = `nova:lock:${key}`;
    const token = randomUUID();
    const deadline = Date.now() + maxWaitMs;
    while ((await redis.set(name, token, "PX", ttlMs, "NX")) !== "OK") {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${key}`);
      await sleep(pollMs);
    }
    // A renewal that fails (Redis briefly away) is retried at the next tick; a lock lost for
    // good cannot stop work already running, so it only shortens the exclusion.
    const renewal = setInterval(
      () => {
        redis.eval(RENEW, 1, name, token, ttlMs).catch(() => undefined);
      },
      Math.max(1, Math.floor(ttlMs / 3)),
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await redis.eval(RELEASE, 1, name, token);
    }
  };
  return { run: (key, work) => local.run(key, () => holdAcrossReplicas(key, work)) };
}
