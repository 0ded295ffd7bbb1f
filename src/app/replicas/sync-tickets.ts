import type { Redis } from "ioredis";

/**
 * The per-repository sync queue shared by replicas: every sync request takes a numbered ticket
 * when it arrives; a run, once it holds the repository's lock, claims every ticket issued so
 * far. A request whose ticket an earlier run already claimed is covered (that run started after
 * the request arrived and read GitHub afresh), so it is dropped instead of syncing again. This
 * coalesces a burst of pushes spread over several replicas the way the in-process queue
 * coalesces one replica's burst.
 */
export interface SyncTickets {
  /** A ticket for a request that just arrived; `null` when none can be had (run it anyway). */
  take(key: string): Promise<number | null>;
  /**
   * Called while holding the lock, just before a run: `false` when a run that started after
   * `ticket` was issued has already covered it; otherwise claims every ticket issued so far.
   */
  claim(key: string, ticket: number): Promise<boolean>;
}

/** One replica: the in-process queue already coalesces, so every run goes ahead. */
export function createLocalSyncTickets(): SyncTickets {
  return { take: () => Promise.resolve(null), claim: () => Promise.resolve(true) };
}

/** Idle repositories' counters expire; both live in one hash so they expire together. */
const TICKETS_TTL_MS = 24 * 3600_000;

const TAKE = `
local ticket = redis.call("hincrby", KEYS[1], "issued", 1)
redis.call("pexpire", KEYS[1], ARGV[1])
return ticket`;

// Atomic: a ticket at or below `claimed` is covered; otherwise claim up to the newest issued.
const CLAIM = `
local claimed = tonumber(redis.call("hget", KEYS[1], "claimed") or "0")
if claimed >= tonumber(ARGV[1]) then return 0 end
local issued = redis.call("hget", KEYS[1], "issued") or ARGV[1]
redis.call("hset", KEYS[1], "claimed", issued)
redis.call("pexpire", KEYS[1], ARGV[2])
return 1`;

/** The tickets in a Redis hash per repository: `issued` and `claimed` counters. */
export function createRedisSyncTickets(redis: Redis, ttlMs = TICKETS_TTL_MS): SyncTickets {
  const name = (key: string) => `nova:sync-tickets:${key}`;
  return {
    async take(key) {
      return Number(await redis.eval(TAKE, 1, name(key), ttlMs));
    },
    async claim(key, ticket) {
      return (await redis.eval(CLAIM, 1, name(key), ticket, ttlMs)) === 1;
    },
  };
}
