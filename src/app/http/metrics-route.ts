import { timingSafeEqual } from "node:crypto";
import type { Registry } from "prom-client";
import { getRoute, send, type RouteHandler } from "./route.js";

export interface MetricsRouteOptions {
  /**
   * When set, scrapes must send `Authorization: Bearer <token>` (NOVA_METRICS_TOKEN); Nova's
   * port also takes webhooks from the internet, where the metrics need not be public.
   */
  token?: string;
}

/** `GET /metrics`: the registry in Prometheus' text format. */
export function createMetricsRoute(
  registry: Registry,
  options: MetricsRouteOptions = {},
): RouteHandler {
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  return getRoute("/metrics", async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.setHeader("www-authenticate", 'Bearer realm="nova-metrics"');
        send(req, res, 401, "text/plain; charset=utf-8", "unauthorized\n");
        return;
      }
    }
    send(req, res, 200, registry.contentType, await registry.metrics());
  });
}
