import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SyncRepositoryResult } from "../../sync/sync-repository.js";

/**
 * Every metric Nova exports on `/metrics`, by name. The Grafana dashboards and alert rules in
 * `docs/grafana/` may only query these (and dcgm-exporter's counters); a test holds them to it.
 */
export const NOVA_METRICS = {
  webhookEvents: "nova_webhook_events_total",
  handlerDuration: "nova_webhook_handler_duration_seconds",
  githubRequests: "nova_github_requests_total",
  rateLimitRemaining: "nova_github_rate_limit_remaining",
  syncWrites: "nova_sync_writes_total",
  reportsReceived: "nova_runner_reports_total",
  queueDepth: "nova_sync_queue_depth",
} as const;

/** Prefix of the Node.js process metrics (`nova_process_cpu_seconds_total`, …) when enabled. */
export const PROCESS_METRICS_PREFIX = "nova_";

/** How a delivery ended: a Nova handler ran and succeeded, one failed, or none listens. */
export type WebhookOutcome = "handled" | "failed" | "ignored";

/**
 * How the runner upload route answered (docs/runner-protocol.md): `created` (201), `replayed`
 * (200, same id and body again), `rejected` (4xx: signature, schema, target, conflict),
 * `limited` (429), `failed` (GitHub unavailable, 5xx).
 */
export type ReportOutcome = "created" | "replayed" | "rejected" | "limited" | "failed";

export interface NovaMetrics {
  /** The registry `/metrics` renders; one per Nova instance, so tests can run several. */
  registry: Registry;
  webhookEvents: Counter<"event" | "action" | "outcome">;
  handlerDuration: Histogram<"event">;
  githubRequests: Counter<"method" | "route" | "status">;
  rateLimitRemaining: Gauge<"resource" | "installation">;
  syncWrites: Counter;
  reportsReceived: Counter<"outcome">;
  /** Where the queue depth gauge reads from (the sync service exists after the metrics). */
  watchQueueDepth(source: () => number): void;
}

export interface NovaMetricsOptions {
  /**
   * Also export Node.js process metrics (CPU, memory, event loop lag, GC), prefixed `nova_`.
   * On for the server (`src/main.ts`); off in tests, which create many instances.
   */
  processMetrics?: boolean;
}

/** Seconds: webhook handlers mostly enqueue and return; a slow one is GitHub being slow. */
const HANDLER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Creates Nova's metrics in a registry of their own. */
export function createNovaMetrics(options: NovaMetricsOptions = {}): NovaMetrics {
  const registry = new Registry();
  const registers = [registry];
  let queueDepthSource: () => number = () => 0;

  const metrics: NovaMetrics = {
    registry,
    webhookEvents: new Counter({
      name: NOVA_METRICS.webhookEvents,
      help: "Webhook deliveries by event, action and outcome (handled, failed, ignored).",
      labelNames: ["event", "action", "outcome"],
      registers,
    }),
    handlerDuration: new Histogram({
      name: NOVA_METRICS.handlerDuration,
      help: "Time from the first to the last of Nova's handlers finishing one delivery, in seconds.",
      labelNames: ["event"],
      buckets: HANDLER_BUCKETS,
      registers,
    }),
    githubRequests: new Counter({
      name: NOVA_METRICS.githubRequests,
      help: "Requests to GitHub's API by method, route template and final status (0: no answer).",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    rateLimitRemaining: new Gauge({
      name: NOVA_METRICS.rateLimitRemaining,
      help: "x-ratelimit-remaining of GitHub's latest answer, by resource and installation.",
      labelNames: ["resource", "installation"],
      registers,
    }),
    syncWrites: new Counter({
      name: NOVA_METRICS.syncWrites,
      help: "Writes (issues, labels, comments) that applied syncs made.",
      registers,
    }),
    reportsReceived: new Counter({
      name: NOVA_METRICS.reportsReceived,
      help: "Runner report uploads by outcome (created, replayed, rejected, limited, failed).",
      labelNames: ["outcome"],
      registers,
    }),
    watchQueueDepth(source) {
      queueDepthSource = source;
    },
  };
  new Gauge({
    name: NOVA_METRICS.queueDepth,
    help: "Repositories with a sync running or waiting.",
    registers,
    collect() {
      this.set(queueDepthSource());
    },
  });
  if (options.processMetrics) {
    collectDefaultMetrics({ register: registry, prefix: PROCESS_METRICS_PREFIX });
  }
  return metrics;
}

/** Counts what one finished sync wrote (called after every applied sync). */
export function recordSync(metrics: NovaMetrics, result: SyncRepositoryResult): void {
  if (result.status === "synced" && result.report.writes > 0) {
    metrics.syncWrites.inc(result.report.writes);
  }
}
