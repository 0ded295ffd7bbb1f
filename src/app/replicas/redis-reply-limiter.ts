import type { Redis } from "ioredis";
import { checkSlidingWindow } from "./redis-sliding-window.js";
import type { ReplyLimiter } from "../../commands/reply-limiter.js";

/**
 * The spam guard's counts in Redis, shared by every Nova instance (`REDIS_URL`), so a person
 * cannot get more replies by landing on another replica. Whether a refusal was already told is a
 * second key set with `NX` until the window frees a slot: of several replicas refusing at once,
 * exactly one posts the short reply.
 */
export function createRedisReplyLimiter(redis: Redis): ReplyLimiter {
  return {
    async tryTake(key, limit, windowMs, now) {
      const wait = await checkSlidingWindow(redis, `nova:replies:${key}`, {
        now,
        windowMs,
        limit,
        take: true,
      });
      if (wait === 0) return { allowed: true };
      const told = await redis.set(`nova:replies-told:${key}`, String(now), "PX", wait, "NX");
      return { allowed: false, resetAt: now + wait, notify: told === "OK" };
    },
  };
}
