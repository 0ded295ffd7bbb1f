/** A failure to inject instead of the next matching answer(s). */
export interface FailRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Tested against the request path (percent-decoded, without the query); any when omitted. */
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  /** The JSON body; a GitHub-like `{ message }` for the status when omitted. */
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
}

/** GitHub's message for a secondary rate limit (a 403 with `retry-after`). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
  "If you reach out to GitHub Support for help, please include the request ID.";

/**
 * A secondary rate limit as GitHub answers it, for `failNext({ ...secondaryRateLimit(), path })`.
 * See https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 */
export function secondaryRateLimit(retryAfterSeconds = 1): Omit<FailRule, "method" | "path"> {
  return {
    status: 403,
    headers: { "retry-after": String(retryAfterSeconds) },
    body: {
      message: SECONDARY_RATE_LIMIT_MESSAGE,
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      status: "403",
    },
  };
}

const DEFAULT_MESSAGES: Record<number, string> = {
  500: "Internal Server Error",
  502: "Server Error",
  503: "Service Unavailable",
  403: "Forbidden",
  404: "Not Found",
};

/** The injected answer for one request. */
export interface InjectedFailure {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A queue of failure rules, consumed first-in first-out among those that match. */
export class FailureInjector {
  readonly #rules: { rule: FailRule; remaining: number }[] = [];

  /** Queues a rule. */
  add(rule: FailRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? 1 });
  }

  /** The failure for this request, if a rule matches (and counts it down), else undefined. */
  take(method: string, path: string): InjectedFailure | undefined {
    const entry = this.#rules.find(({ rule }) => {
      // A /g or /y regex keeps state between test() calls; start each match from the beginning.
      if (rule.path !== undefined) rule.path.lastIndex = 0;
      return (
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (rule.path === undefined || rule.path.test(path))
      );
    });
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#rules.splice(this.#rules.indexOf(entry), 1);
    const { rule } = entry;
    return {
      status: rule.status,
      headers: rule.headers ?? {},
      body: rule.body ?? {
        message: DEFAULT_MESSAGES[rule.status] ?? `Injected failure ${rule.status}`,
        status: String(rule.status),
      },
    };
  }

  /** Rules not used up yet (a test may assert that all injected failures happened). */
  pending(): FailRule[] {
    return this.#rules.map(({ rule, remaining }) => ({ ...rule, times: remaining }));
  }

  clear(): void {
    this.#rules.length = 0;
  }
}
