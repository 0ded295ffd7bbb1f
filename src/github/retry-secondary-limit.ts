import { toGitHubError } from "./github-error.js";

/**
 * Per-request options that switch Octokit's retry plugin off. Creates must not be repeated
 * blindly: a 502 may hide an issue or comment that was created; the caller re-reads instead.
 */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

export interface SecondaryRetryOptions {
  /** Waits; injected so tests need not sleep. */
  sleep: (ms: number) => Promise<void>;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** Never wait longer than this for one retry; a longer wait fails the request (the run is repeated later). */
  maxWaitSeconds?: number;
  onRetry?: (waitSeconds: number, attempt: number) => void;
}

/**
 * Probot 14's throttling only logs a secondary rate limit (403/429 with `retry-after`) and lets
 * the request fail. GitHub asks clients to wait that long and try again
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit),
 * so Nova does exactly that around each request. Every failure leaves as a `GitHubError`.
 */
export async function retrySecondaryLimit<T>(
  request: () => Promise<T>,
  options: SecondaryRetryOptions,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 3;
  const maxWait = options.maxWaitSeconds ?? 120;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const failure = toGitHubError(error);
      if (failure.kind !== "secondary-rate-limit" || attempt >= maxAttempts) throw failure;
      // Without retry-after GitHub says: wait at least a minute.
      const wait = failure.retryAfter ?? 60;
      if (wait > maxWait) throw failure;
      options.onRetry?.(wait, attempt);
      await options.sleep(wait * 1000);
    }
  }
}
