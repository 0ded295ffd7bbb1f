import type { Redis } from "ioredis";
import { checkSlidingWindow } from "./redis-sliding-window.js";
import type { RateLimit, UploadRateLimiter } from "../../ingest/upload-rate-limit.js";

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
    const waitMs = await checkSlidingWindow(redis, `nova:upload-rate:${key}`, {
      now: now(),
      windowMs: effective.windowMinutes * 60_000,
      limit: effective.uploads,
      take: count,
    });
    return waitMs <= 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  };
  return {
    check: (repository, limit) => run(repository, limit, false),
    admit: (repository, limit) => run(repository, limit, true),
  };
}
