/**
 * GitHub's request errors, wrapped once at the adapter so nothing outside `src/github/` needs
 * to know Octokit's error shape.
 */
export class GitHubError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** Seconds GitHub asked us to wait (`retry-after`), when it said so. */
    readonly retryAfter: number | null,
    readonly kind:
      | "secondary-rate-limit"
      | "rate-limit"
      | "not-found"
      | "unavailable"
      | "invalid"
      | "forbidden"
      /** 401: the installation token was refused even after a fresh one (revoked app, clock skew). */
      | "credentials"
      /** No answer in time (`GitHubTimeoutError`), or the caller aborted. */
      | "timeout"
      | "other",
  ) {
    super(message);
    this.name = "GitHubError";
  }

  /**
   * Worth trying again later (the run is repeated; the plan re-reads state first). A timeout and
   * a refused token are: both are GitHub's (or the installation's) state, not a user's mistake.
   */
  get transient(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }
}

const TRANSIENT_KINDS: ReadonlySet<GitHubError["kind"]> = new Set<GitHubError["kind"]>([
  "secondary-rate-limit",
  "rate-limit",
  "unavailable",
  "timeout",
  "credentials",
]);

interface RequestErrorLike {
  status?: number;
  timedOut?: boolean;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** Turns whatever Octokit threw into a `GitHubError`. */
export function toGitHubError(error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const {
    status = 0,
    message = String(error),
    response,
    timedOut,
  } = (error ?? {}) as RequestErrorLike;
  // `@octokit/request` gives an aborted request status 500; it is no answer, not a server error.
  if (timedOut === true) return new GitHubError(message, 0, null, "timeout");
  const headers = response?.headers ?? {};
  const retryAfterHeader = headers["retry-after"];
  const retryAfter = retryAfterHeader === undefined ? null : Number(retryAfterHeader);
  const secondary =
    /secondary rate limit/i.test(message) ||
    ((status === 403 || status === 429) && retryAfter !== null);
  const kind: GitHubError["kind"] = secondary
    ? "secondary-rate-limit"
    : (status === 403 || status === 429) && String(headers["x-ratelimit-remaining"]) === "0"
      ? "rate-limit"
      : status === 404
        ? "not-found"
        : status === 0 || status >= 500
          ? "unavailable"
          : status === 422
            ? "invalid"
            : status === 401
              ? "credentials"
              : status === 403
                ? "forbidden"
                : "other";
  return new GitHubError(message, status, Number.isFinite(retryAfter) ? retryAfter : null, kind);
}

/**
 * GitHub's answer when something already exists (a label of that name, in any case): for Nova
 * that is the outcome it wanted, so callers treat it as a result, not a failure.
 */
export function isAlreadyExists(error: unknown): boolean {
  const failure = toGitHubError(error);
  return failure.status === 422 && /already_exists|already exists/i.test(failure.message);
}
