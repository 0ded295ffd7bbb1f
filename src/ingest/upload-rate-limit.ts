/**
 * Uploads per repository in a sliding window (`gpu.rateLimit` in `.github/nova.yml`). `check`
 * only looks (it runs before any GitHub request, with the limit last read for the repository);
 * `admit` counts an upload that is about to be published. In memory here: a restart forgets the
 * window, which at worst lets one more window's worth through. With `REDIS_URL` the window is
 * shared by the replicas (`redis-upload-rate-limit.ts`).
 */

export interface RateLimit {
  uploads: number;
  windowMinutes: number;
}

export interface UploadRateLimiter {
  /** Seconds until an upload would be admitted; 0 when it would be now. Counts nothing. */
  check(repository: string, limit?: RateLimit): Promise<number>;
  /** Counts an upload when it fits (0) and remembers the limit; else the seconds to wait. */
  admit(repository: string, limit: RateLimit): Promise<number>;
}

/** Repositories remembered at once; the least recently seen is forgotten first. */
const MAX_REPOSITORIES = 10_000;

export function createUploadRateLimiter(now: () => number, fallback: RateLimit): UploadRateLimiter {
  const windows = new Map<string, { limit: RateLimit; times: number[] }>();

  const windowOf = (repository: string, limit: RateLimit | undefined) => {
    const key = repository.toLowerCase();
    let entry = windows.get(key);
    if (entry) {
      windows.delete(key); // re-inserted below: the map's order is recency
    } else {
      entry = { limit: limit ?? fallback, times: [] };
      if (windows.size >= MAX_REPOSITORIES) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
    }
    windows.set(key, entry);
    if (limit) entry.limit = limit;
    const windowMs = entry.limit.windowMinutes * 60_000;
    const start = now() - windowMs;
    entry.times = entry.times.filter((time) => time > start);
    return { entry, windowMs };
  };

  const waitSeconds = (times: number[], limit: RateLimit, windowMs: number): number => {
    if (times.length < limit.uploads) return 0;
    const freedAt = (times[times.length - limit.uploads] ?? now()) + windowMs;
    return Math.max(1, Math.ceil((freedAt - now()) / 1000));
  };

  return {
    check(repository, limit) {
      const { entry, windowMs } = windowOf(repository, limit);
      return Promise.resolve(waitSeconds(entry.times, entry.limit, windowMs));
    },
    admit(repository, limit) {
      const { entry, windowMs } = windowOf(repository, limit);
      const wait = waitSeconds(entry.times, entry.limit, windowMs);
      if (wait === 0) entry.times.push(now());
      return Promise.resolve(wait);
    },
  };
}
