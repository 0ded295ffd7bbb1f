import type { Redis } from "ioredis";
import { DEFAULT_CONFIG } from "../config/schema.js";
import { createRedisUploadRateLimiter } from "../ingest/redis-upload-rate-limit.js";
import { createUploadRateLimiter, type UploadRateLimiter } from "../ingest/upload-rate-limit.js";
import { createLocalLock, createRedisLock, type SharedLock } from "./shared-lock.js";
import {
  createLocalSyncTickets,
  createRedisSyncTickets,
  type SyncTickets,
} from "./sync-tickets.js";
import {
  createMemoryUploadRecords,
  createRedisUploadRecords,
  type UploadRecords,
} from "./upload-records.js";

/**
 * What replicas must share to act as one app (docs/operations.md, "Scaling"): the per-repository
 * lock, the sync queue's tickets, the upload idempotency records and the upload rate limit's
 * window. With `REDIS_URL` they live in Redis; without it, in this process. (The spam guard's counts are the commands' own:
 * `createRedisReplyLimiter`.)
 */
export interface SharedState {
  lock: SharedLock;
  syncTickets: SyncTickets;
  uploads: UploadRecords;
  uploadRates: UploadRateLimiter;
}

export function createSharedState(redis?: Redis, now: () => number = Date.now): SharedState {
  const fallbackRate = DEFAULT_CONFIG.gpu.rateLimit;
  if (!redis) {
    return {
      lock: createLocalLock(),
      syncTickets: createLocalSyncTickets(),
      uploads: createMemoryUploadRecords(),
      uploadRates: createUploadRateLimiter(now, fallbackRate),
    };
  }
  return {
    lock: createRedisLock(redis),
    syncTickets: createRedisSyncTickets(redis),
    uploads: createRedisUploadRecords(redis),
    uploadRates: createRedisUploadRateLimiter(redis, now, fallbackRate),
  };
}
