import type { ApplicationFunctionOptions, Probot } from "probot";
import type { AppIdentity } from "../app-identity.js";
import type { NovaMetrics } from "../ops/metrics.js";
import {
  checkAll,
  checkGitHubApp,
  checkRedis,
  createHealthzRoute,
  createReadyzRoute,
} from "./health-routes.js";
import { createMetricsRoute } from "./metrics-route.js";
import type { RouteHandler } from "./route.js";

export interface NovaRoutesOptions {
  app: Pick<Probot, "log">;
  /** `/readyz` asks GitHub who the app is. */
  identity: Pick<AppIdentity, "probe">;
  metrics: NovaMetrics;
  /** NOVA_METRICS_TOKEN: require it as a bearer token on `/metrics`. */
  metricsToken?: string;
  /** With `REDIS_URL`: `/readyz` also asks Redis. */
  redis?: { ping(): Promise<string> };
}

/** Nova's own HTTP routes, in the order they are tried (after Probot's webhook route and /ping). */
export function createNovaRoutes(options: NovaRoutesOptions): RouteHandler[] {
  return [
    createHealthzRoute(),
    createReadyzRoute(
      checkAll([
        checkGitHubApp(options.identity),
        ...(options.redis ? [checkRedis(options.redis)] : []),
      ]),
    ),
    createMetricsRoute(options.metrics.registry, {
      ...(options.metricsToken ? { token: options.metricsToken } : {}),
    }),
  ];
}

/**
 * Adds the routes to Probot's server. Without a server (an app loaded with `probot.load()` in a
 * test) Probot's `addHandler` throws "No server instance"; the app then simply has no routes.
 */
export function addNovaRoutes(
  addHandler: ApplicationFunctionOptions["addHandler"] | undefined,
  options: NovaRoutesOptions,
): void {
  if (!addHandler) return;
  try {
    for (const route of createNovaRoutes(options)) addHandler(route);
  } catch (error) {
    options.app.log.debug({ err: error }, "no HTTP server: /healthz, /readyz, /metrics not served");
  }
}
