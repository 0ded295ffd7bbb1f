import type { Octokit, OctokitClass } from "./octokit-client.js";

type Fetch = typeof globalThis.fetch;

/** How long one attempt of a GitHub request may take before Nova gives up on it. */
export const DEFAULT_GITHUB_TIMEOUT_MS = 30_000;

export interface GitHubRequestPolicy {
  /** One attempt's limit (default 30 s); a request's own `request.signal` may end it sooner. */
  timeoutMs?: number;
}

/**
 * A request GitHub did not answer in time (or that its caller aborted). It is named
 * `AbortError` on purpose: `@octokit/request` passes such errors through unchanged, so Probot's
 * retry plugin does not repeat a request that already waited its full time (four attempts of
 * 30 s would hold a repository's queue for two minutes). The run ends; the caller's follow-up
 * comes back later (see `GitHubError.transient`).
 */
export class GitHubTimeoutError extends Error {
  override name = "AbortError";
  readonly timedOut = true;
  status = 0;
  constructor(
    message: string,
    /** True when the timeout fired, false when the caller's own signal ended the request. */
    readonly byTimeout: boolean,
  ) {
    super(message);
  }
}

const TIMED = Symbol("nova.timedFetch");

/**
 * `fetch` with a time limit per attempt: the innermost layer of every request, below Probot's
 * retry and throttling, so each attempt has its own limit and an aborted one is never retried.
 */
export function createTimedFetch(base: Fetch, timeoutMs: number): Fetch {
  if ((base as { [TIMED]?: boolean })[TIMED]) return base;
  const timed = async (input: Parameters<Fetch>[0], init: RequestInit = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await base(input, { ...init, signal });
    } catch (error) {
      if (!signal.aborted) throw error;
      const byTimeout = timeout.aborted;
      throw new GitHubTimeoutError(
        byTimeout
          ? `GitHub did not answer within ${Math.round(timeoutMs / 1000)} s`
          : "the request to GitHub was aborted",
        byTimeout,
      );
    }
  };
  return Object.assign(timed, { [TIMED]: true });
}

interface RequestFunction {
  defaults(options: { baseUrl?: string; request: { fetch: Fetch } }): RequestFunction;
  endpoint: { DEFAULTS: { request?: { fetch?: Fetch } } };
}

/**
 * The Octokit class Probot builds every client from (the app's, `app.auth(id)`, each webhook's
 * `context.octokit`), with Nova's request policy; the CLI builds its client from it too:
 * - every attempt of every request has a time limit (`createTimedFetch`), including the
 *   installation-token requests Probot's auth makes with its own `request`;
 * - an installation client that gets a 401 drops its cached token, gets a new one and repeats
 *   the request once (`refreshTokenOnUnauthorized`). A second 401 stays a 401, which
 *   `toGitHubError` calls a credentials problem.
 */
export function withGitHubRequestPolicy<T extends OctokitClass>(
  Base: T,
  policy: GitHubRequestPolicy = {},
): T {
  const timeoutMs = policy.timeoutMs ?? DEFAULT_GITHUB_TIMEOUT_MS;
  const WithTimeouts = Base.defaults((instanceOptions: Record<string, unknown>) => {
    const request: { fetch?: Fetch } = instanceOptions.request ?? {};
    const auth = instanceOptions.auth as { request?: RequestFunction } | undefined;
    const authRequest = auth?.request;
    return {
      ...instanceOptions,
      request: { ...request, fetch: createTimedFetch(request.fetch ?? fetch, timeoutMs) },
      ...(authRequest && typeof authRequest.defaults === "function"
        ? {
            auth: {
              ...auth,
              // The client's base URL too: a token asked for outside a request (the refresh
              // below) would otherwise go to api.github.com, not to GitHub Enterprise.
              request: authRequest.defaults({
                ...(typeof instanceOptions.baseUrl === "string"
                  ? { baseUrl: instanceOptions.baseUrl }
                  : {}),
                request: {
                  fetch: createTimedFetch(
                    authRequest.endpoint.DEFAULTS.request?.fetch ?? fetch,
                    timeoutMs,
                  ),
                },
              }),
            },
          }
        : {}),
    };
  });
  const Extended: T = WithTimeouts.plugin(
    (octokit: Pick<Octokit, "hook" | "auth" | "log">, options: { auth?: unknown }) => {
      const installationId = (options.auth as { installationId?: unknown } | undefined)
        ?.installationId;
      if (typeof installationId === "number" || typeof installationId === "string") {
        refreshTokenOnUnauthorized(octokit);
      }
    },
  );
  return Extended;
}

/** Set on a request's options once it was repeated with a fresh token. */
const REFRESHED = "novaTokenRefreshed";

/**
 * A revoked or expired installation token makes every request answer 401, and Probot's cache
 * would keep handing out the same token for up to an hour. On a 401 this asks the auth strategy
 * for a new token (`refresh: true` replaces the cached one, so every client of the installation
 * gets it) and repeats the request once.
 */
export function refreshTokenOnUnauthorized(octokit: Pick<Octokit, "hook" | "auth" | "log">): void {
  octokit.hook.wrap("request", async (request, options) => {
    try {
      return await request(options);
    } catch (error) {
      const requestOptions = (options.request ?? {}) as Record<string, unknown>;
      if ((error as { status?: unknown }).status !== 401 || requestOptions[REFRESHED]) throw error;
      octokit.log.warn(
        `GitHub answered 401 to ${options.method} ${options.url}: getting a new installation token and trying once more`,
      );
      await octokit.auth({ type: "installation", refresh: true });
      return request({ ...options, request: { ...requestOptions, [REFRESHED]: true } });
    }
  });
}
