import type { Redis } from "ioredis";
import type { UploadAnswer } from "../../ingest/upload-answer.js";

/** What an upload got the first time: its body's hash (to tell a changed body) and its answer. */
export interface UploadRecord {
  hash: string;
  answer: UploadAnswer;
}

/**
 * The upload idempotency records: `<repository>#<report id>` → the first successful answer.
 * A runner that retries (a lost response, a second replica) gets the same answer back without a
 * request to GitHub; beyond the records, the comment's hidden marker still answers "duplicate".
 */
export interface UploadRecords {
  get(key: string): Promise<UploadRecord | null>;
  put(key: string, record: UploadRecord): Promise<void>;
}

/** In this process only: the newest `limit` records (one replica, no `REDIS_URL`). */
export function createMemoryUploadRecords(limit = 1000): UploadRecords {
  const records = new Map<string, UploadRecord>();
  return {
    get: (key) => Promise.resolve(records.get(key) ?? null),
    put(key, record) {
      records.delete(key); // re-inserted as the newest
      records.set(key, record);
      if (records.size > limit) {
        const oldest = records.keys().next().value;
        if (oldest !== undefined) records.delete(oldest);
      }
      return Promise.resolve();
    },
  };
}

/** A week: longer than any runner keeps retrying one report (docs/runner-protocol.md). */
const RECORD_TTL_MS = 7 * 24 * 3600_000;

/**
 * In Redis, shared by every replica: one JSON value per upload that expires after a week. A
 * record that does not parse (written by another version) counts as absent: the marker decides.
 */
export function createRedisUploadRecords(redis: Redis, ttlMs = RECORD_TTL_MS): UploadRecords {
  const name = (key: string) => `nova:upload:${key}`;
  return {
    async get(key) {
      const raw = await redis.get(name(key));
      if (raw === null) return null;
      try {
        const value = JSON.parse(raw) as Partial<UploadRecord>;
        if (typeof value.hash !== "string" || typeof value.answer?.httpStatus !== "number")
          return null;
        return value as UploadRecord;
      } catch {
        return null;
      }
    },
    async put(key, record) {
      await redis.set(name(key), JSON.stringify(record), "PX", ttlMs);
    },
  };
}
