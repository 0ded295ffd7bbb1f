import type { Redis } from "ioredis";
import { checkSlidingWindow } from "../ops/redis-sliding-window.js";
import type { ReplyLimiter } from "./reply-limiter.js";

/**
 * The spam guard's counts in Redis, shared by every Nova instance (`REDIS_URL`), so a person
 * cannot get more replies by landing on another replica.
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
      return wait === 0;
    },
  };
}
