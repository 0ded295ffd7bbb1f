import type { ProbotOctokit } from "probot";
import type { NovaMetrics } from "./metrics.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

interface RequestOptions {
  method?: string;
  url?: string;
}

type Headers = Record<string, string | number | undefined>;

/**
 * The Octokit class Probot builds every client from, with Nova's request metrics: the app's own
 * client (`app.auth()`), installation clients (`app.auth(id)`, reconcile) and each webhook's
 * `context.octokit` all come from it, so one plugin sees every request. Pass it to Probot as
 * `Octokit` (src/main.ts does).
 *
 * The hooks are registered after Probot's throttling and retry plugins, so they wrap them: one
 * count per request as the caller saw it, after any retries.
 */
export function withGitHubRequestMetrics<T extends typeof ProbotOctokit>(
  Base: T,
  metrics: NovaMetrics,
): T {
  const Extended: T = Base.plugin((octokit: Pick<Octokit, "hook">, options: { auth?: unknown }) => {
    observeGitHubRequests(octokit, metrics, installationOf(options.auth));
  });
  return Extended;
}

/** Counts one client's requests by route and status and keeps the rate limit it was told. */
export function observeGitHubRequests(
  octokit: Pick<Octokit, "hook">,
  metrics: NovaMetrics,
  installation = "app",
): void {
  const record = (options: RequestOptions, status: number, headers: Headers | undefined) => {
    metrics.githubRequests.inc({
      method: (options.method ?? "GET").toUpperCase(),
      route: routeTemplate(options.url),
      status: String(status),
    });
    const remaining = Number(headers?.["x-ratelimit-remaining"]);
    if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) {
      const resource = headers["x-ratelimit-resource"];
      metrics.rateLimitRemaining.set(
        { resource: typeof resource === "string" ? resource : "core", installation },
        remaining,
      );
    }
  };
  octokit.hook.after("request", (response, options) => {
    record(options, response.status, response.headers);
  });
  octokit.hook.error("request", (error: unknown, options) => {
    const failure = error as { status?: unknown; response?: { headers?: Headers } };
    record(
      options,
      typeof failure.status === "number" ? failure.status : 0,
      failure.response?.headers,
    );
    throw error;
  });
}

/**
 * A route template for a metric label: Octokit passes templates (`/repos/{owner}/{repo}/issues`)
 * for its own methods, but pagination follows full URLs from `Link` headers. Those are cut back
 * to a template, so a label never carries a repository name, a number or a query.
 */
export function routeTemplate(url: string | undefined): string {
  if (!url) return "unknown";
  let path = url.replace(/^https?:\/\/[^/]+/i, "").replace(/^\/api\/v3(?=\/)/, "");
  path = path.split("?")[0] ?? path;
  if (path.includes("{")) return path;
  return path
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{owner}/{repo}")
    .replace(/^\/repositories\/\d+/, "/repositories/{repository_id}")
    .replace(/\/[0-9a-f]{40}(?=\/|$)/gi, "/{sha}")
    .replace(/\/\d+(?=\/|$)/g, "/{id}");
}

function installationOf(auth: unknown): string {
  const id = (auth as { installationId?: unknown } | undefined)?.installationId;
  return typeof id === "number" || typeof id === "string" ? String(id) : "app";
}
