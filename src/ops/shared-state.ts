import type { Redis } from "ioredis";
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
 * lock, the sync queue's tickets and the upload idempotency records. With `REDIS_URL` they live
 * in Redis; without it, in this process. (The spam guard's counts are the commands' own:
 * `createRedisReplyLimiter`.)
 */
export interface SharedState {
  lock: SharedLock;
  syncTickets: SyncTickets;
  uploads: UploadRecords;
}

export function createSharedState(redis?: Redis): SharedState {
  if (!redis) {
    return {
      lock: createLocalLock(),
      syncTickets: createLocalSyncTickets(),
      uploads: createMemoryUploadRecords(),
    };
  }
  return {
    lock: createRedisLock(redis),
    syncTickets: createRedisSyncTickets(redis),
    uploads: createRedisUploadRecords(redis),
  };
}
