import type { Redis } from "ioredis";

/**
 * "Exactly one replica does this": the first to claim a key gets true, every other claim of it
 * within `ttlMs` gets false. The nightly status report uses it, so N replicas that all know a
 * repository still open one report per scheduled minute.
 */
export interface OnceClaims {
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** One replica: its own schedule already runs each minute once. */
export function createLocalOnceClaims(): OnceClaims {
  return { claim: () => Promise.resolve(true) };
}

/** `SET nova:once:<key> 1 NX PX ttl`: atomic, and gone after the time to live. */
export function createRedisOnceClaims(redis: Redis): OnceClaims {
  return {
    async claim(key, ttlMs) {
      return (await redis.set(`nova:once:${key}`, "1", "PX", ttlMs, "NX")) === "OK";
    },
  };
}
