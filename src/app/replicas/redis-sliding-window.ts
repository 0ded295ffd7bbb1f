import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// A sliding window in a sorted set, atomically: drop entries older than the window; when one
// more fits, add it (only if asked to) and answer 0; otherwise answer the milliseconds until the
// oldest entry that blocks it leaves the window. The set expires with the window.
const WINDOW = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[1] - ARGV[2])
local count = redis.call("zcard", KEYS[1])
local limit = tonumber(ARGV[3])
if limit <= 0 then return tonumber(ARGV[2]) end
if count < limit then
  if ARGV[5] == "1" then
    redis.call("zadd", KEYS[1], ARGV[1], ARGV[4])
    redis.call("pexpire", KEYS[1], ARGV[2])
  end
  return 0
end
local blocking = redis.call("zrange", KEYS[1], count - limit, count - limit, "WITHSCORES")
return tonumber(blocking[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])`;

export interface WindowRequest {
  /** Now, in milliseconds. */
  now: number;
  windowMs: number;
  /** Entries allowed within the window. */
  limit: number;
  /** Count this one when it fits (false: only look). */
  take: boolean;
}

/**
 * One sliding-window limit shared by every replica (the spam guard, the upload rate limit):
 * 0 when one more fits now (and was counted if `take`), else the milliseconds until it would.
 */
export async function checkSlidingWindow(
  redis: Redis,
  key: string,
  request: WindowRequest,
): Promise<number> {
  // Entries are unique across replicas: in containers every process is pid 1.
  const entry = `${request.now}:${randomUUID()}`;
  const waitMs = Number(
    await redis.eval(
      WINDOW,
      1,
      key,
      request.now,
      request.windowMs,
      request.limit,
      entry,
      request.take ? "1" : "0",
    ),
  );
  return Math.max(0, waitMs);
}
