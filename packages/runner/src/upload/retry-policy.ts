/**
 * When to try an upload again and how long to wait: exponential backoff with jitter on network
 * errors and on 409, 429 and 5xx, honouring the server's `Retry-After`. Pure, so the timing is
 * tested without waiting.
 */
export interface RetryPolicy {
  /** Attempts per upload in one run (the spool keeps the report for the next run). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this ends the run's attempts; the spool keeps the report. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
};

/**
 * 429 (too many uploads) and 5xx (503: GitHub unavailable) are temporary by definition; so is
 * 409, "the same id is being processed": asking again yields the finished result (200).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 409 || status === 429 || (status >= 500 && status <= 599);
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from now; null if absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/**
 * The wait before attempt `attempt + 1` (after `attempt` failures), or null to stop for this
 * run. `random` in [0, 1) spreads retries (half the delay fixed, half random) so several
 * runners do not hit a recovering server at once.
 */
export function nextDelay(input: {
  attempt: number;
  retryAfterMs: number | null;
  policy: RetryPolicy;
  random: () => number;
}): number | null {
  const { attempt, retryAfterMs, policy } = input;
  if (attempt >= policy.maxAttempts) return null;
  if (retryAfterMs !== null) return retryAfterMs > policy.maxRetryAfterMs ? null : retryAfterMs;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * input.random());
}
