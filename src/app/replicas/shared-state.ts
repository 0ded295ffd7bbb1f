import type { Redis } from "ioredis";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import { createRedisUploadRateLimiter } from "./redis-upload-rate-limit.js";
import { createUploadRateLimiter, type UploadRateLimiter } from "../../ingest/upload-rate-limit.js";
import { createLocalOnceClaims, createRedisOnceClaims, type OnceClaims } from "./once-claims.js";
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
 * lock (syncs, the board's projects, bot pull requests, report publishing, command replies), the
 * sync queue's tickets, the upload idempotency records, the upload rate limit's window and the
 * claims on scheduled work. With `REDIS_URL` they live in Redis; without it, in this process. (The spam guard's counts are the commands' own:
 * `createRedisReplyLimiter`.)
 */
export interface SharedState {
  lock: SharedLock;
  syncTickets: SyncTickets;
  uploads: UploadRecords;
  uploadRates: UploadRateLimiter;
  /** Work only one replica may do (a scheduled status report). */
  once: OnceClaims;
}

export function createSharedState(redis?: Redis, now: () => number = Date.now): SharedState {
  const fallbackRate = DEFAULT_CONFIG.gpu.rateLimit;
  if (!redis) {
    return {
      lock: createLocalLock(),
      syncTickets: createLocalSyncTickets(),
      uploads: createMemoryUploadRecords(),
      uploadRates: createUploadRateLimiter(now, fallbackRate),
      once: createLocalOnceClaims(),
    };
  }
  return {
    lock: createRedisLock(redis),
    syncTickets: createRedisSyncTickets(redis),
    uploads: createRedisUploadRecords(redis),
    uploadRates: createRedisUploadRateLimiter(redis, now, fallbackRate),
    once: createRedisOnceClaims(redis),
  };
}
