import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ReplyLimiter } from "./reply-limiter.js";

// A sliding window in a sorted set, atomically: drop entries older than the window, count, and
// add this reply only when under the limit. The set expires with the window.
const TAKE = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1] - ARGV[2])
if redis.call("zcard", KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call("zadd", KEYS[1], ARGV[1], ARGV[4])
redis.call("pexpire", KEYS[1], ARGV[2])
return 1`;

/**
 * The spam guard's counts in Redis, shared by every Nova instance (`REDIS_URL`), so a person
 * cannot get more replies by landing on another replica.
 */
export function createRedisReplyLimiter(redis: Redis): ReplyLimiter {
  return {
    async tryTake(key, limit, windowMs, now) {
      // Unique across replicas (in containers every process is pid 1).
      const member = `${now}:${randomUUID()}`;
      const taken = await redis.eval(TAKE, 1, `nova:replies:${key}`, now, windowMs, limit, member);
      return taken === 1;
    },
  };
}
