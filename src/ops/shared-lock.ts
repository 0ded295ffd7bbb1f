import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Mutual exclusion for one key across every Nova instance that shares a Redis (`REDIS_URL`):
 * the per-repository sync and the publishing of runner reports run under it, so two replicas
 * behind a load balancer never sync one repository at once or post one report twice. Without
 * Redis the lock is the process itself (`createLocalLock`), where the in-process queues already
 * serialise the work.
 */
export interface SharedLock {
  /** Runs `work` while holding `key`; waits (polling) while another instance holds it. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** No cross-process lock: one instance only. */
export function createLocalLock(): SharedLock {
  return { run: (_key, work) => work() };
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
 * compare-and-delete script.
 */
export function createRedisLock(redis: Redis, options: RedisLockOptions = {}): SharedLock {
  const ttlMs = options.ttlMs ?? 60_000;
  const pollMs = options.pollMs ?? 50;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  return {
    async run(key, work) {
      const name = `nova:lock:${key}`;
      const token = randomUUID();
      const deadline = Date.now() + maxWaitMs;
      while ((await redis.set(name, token, "PX", ttlMs, "NX")) !== "OK") {
        if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${key}`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
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
    },
  };
}
