import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimit, UploadRateLimiter } from "./upload-rate-limit.js";

// A sliding window in a sorted set, atomically: drop uploads older than the window; when one
// more fits, count it (only if asked to) and answer 0; otherwise answer the milliseconds until
// the oldest upload that blocks it leaves the window.
const WINDOW = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1] - ARGV[2])
local count = redis.call("zcard", KEYS[1])
local limit = tonumber(ARGV[3])
if count < limit then
  if ARGV[5] == "1" then
    redis.call("zadd", KEYS[1], ARGV[1], ARGV[4])
    redis.call("pexpire", KEYS[1], ARGV[2])
  end
  return 0
end
local blocking = redis.call("zrange", KEYS[1], count - limit, count - limit, "WITHSCORES")
return tonumber(blocking[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])`;

/** Repositories whose last-read limit this replica remembers for `check`. */
const MAX_REMEMBERED = 10_000;

/**
 * The upload rate limit (`gpu.rateLimit`) counted in Redis, so several replicas share one window
 * per repository instead of each admitting the full limit.
 */
export function createRedisUploadRateLimiter(
  redis: Redis,
  now: () => number,
  fallback: RateLimit,
): UploadRateLimiter {
  // `check` runs before the configuration is read: it uses the limit this replica last read.
  const limits = new Map<string, RateLimit>();
  const run = async (repository: string, limit: RateLimit | undefined, count: boolean) => {
    const key = repository.toLowerCase();
    if (limit) {
      limits.delete(key);
      limits.set(key, limit);
      if (limits.size > MAX_REMEMBERED) limits.delete(limits.keys().next().value!);
    }
    const effective = limit ?? limits.get(key) ?? fallback;
    const waitMs = Number(
      await redis.eval(
        WINDOW,
        1,
        `nova:upload-rate:${key}`,
        now(),
        effective.windowMinutes * 60_000,
        effective.uploads,
        randomUUID(),
        count ? "1" : "0",
      ),
    );
    return waitMs <= 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  };
  return {
    check: (repository, limit) => run(repository, limit, false),
    admit: (repository, limit) => run(repository, limit, true),
  };
}
