/**
 * The runner upload endpoint, turned on: when `NOVA_RUNNER_SECRET` is set (and long enough) the
 * ingest service (src/app/workers/ingest-service.ts) is built and served by the route
 * (src/app/http/reports-route.ts); either way the log says so (docs/ingest.md).
 */
import type { Probot } from "probot";
import { parseRunnerSecrets } from "../ingest/runner-secrets.js";
import type { UploadRateLimiter } from "../ingest/upload-rate-limit.js";
import { createReportsRoute, REPORTS_PATH, type RouteHandler } from "./http/reports-route.js";
import type { SharedLock } from "./replicas/shared-lock.js";
import type { UploadRecords } from "./replicas/upload-records.js";
import {
  createIngestService,
  type IngestService,
  type IngestServiceOptions,
} from "./workers/ingest-service.js";
import type { PendingWork } from "./workers/pending-work.js";

/** The endpoint's settings; each defaults to its environment variable. */
export interface RunnerEndpointOptions {
  /** `NOVA_RUNNER_SECRET`; null turns the endpoint off whatever the environment says. */
  secret?: string | null;
  /** `NOVA_RUNNER_SECRET_PREVIOUS`, accepted during a rotation. */
  previousSecret?: string | null;
  /** `NOVA_RUNBOOK_BASE_URL`: where runbook links point (default: Nova's published runbooks). */
  runbookBaseUrl?: string | null;
  bodyTimeoutMs?: number;
  duplicateWaitMs?: number;
}

/**
 * Turns the endpoint on when `NOVA_RUNNER_SECRET` is set (and long enough), and says so in the
 * log either way. Returns the service, or null when the endpoint is off.
 */
export function startReportsEndpoint(input: {
  app: Probot;
  /** Probot's `addHandler` (absent when the app is loaded without a server). */
  addHandler: ((handler: RouteHandler) => void) | undefined;
  botLogin: () => Promise<string>;
  now?: (() => number) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  options?: RunnerEndpointOptions | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Hears every answer's HTTP status (the `/metrics` counter). */
  onAnswer?: ((httpStatus: number) => void) | undefined;
  /** Cross-instance lock (Redis) for publishing; see `IngestServiceOptions.lock`. */
  lock?: SharedLock | undefined;
  /** Upload idempotency records (Redis); see `IngestServiceOptions.uploads`. */
  uploads?: UploadRecords | undefined;
  /** The upload rate limit's window (Redis); see `IngestServiceOptions.rateLimiter`. */
  rateLimiter?: UploadRateLimiter | undefined;
  /** Where `settled()` looks for uploads in flight (see `IngestServiceOptions.pending`). */
  pending?: PendingWork | undefined;
}): IngestService | null {
  const { app, env } = input;
  const options = input.options ?? {};
  const pick = <T>(value: T | null | undefined, fallback: T | undefined): T | null =>
    value === undefined ? (fallback ?? null) : value;
  const secrets = parseRunnerSecrets(
    pick(options.secret, env.NOVA_RUNNER_SECRET),
    pick(options.previousSecret, env.NOVA_RUNNER_SECRET_PREVIOUS),
  );
  if (!secrets.ok) {
    app.log.info(`runner report endpoint off: ${secrets.reason}`);
    return null;
  }
  for (const warning of secrets.warnings) app.log.warn(warning);
  const service = createIngestService({
    app,
    secrets: secrets.previous ? [secrets.current, secrets.previous] : [secrets.current],
    botLogin: input.botLogin,
    runbookBaseUrl: pick(options.runbookBaseUrl, env.NOVA_RUNBOOK_BASE_URL),
    ...optional<IngestServiceOptions>({
      now: input.now,
      sleep: input.sleep,
      duplicateWaitMs: options.duplicateWaitMs,
      lock: input.lock,
      uploads: input.uploads,
      rateLimiter: input.rateLimiter,
      pending: input.pending,
    }),
  });
  const route = createReportsRoute(service, {
    log: app.log.child({ name: "nova-reports-route" }),
    onAnswer: input.onAnswer,
    ...(options.bodyTimeoutMs !== undefined ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
  });
  try {
    if (!input.addHandler) throw new Error("No server instance");
    input.addHandler(route);
  } catch (error) {
    // `probot.load()` without a server (tests, scripts) has nowhere to serve the route.
    app.log.warn({ err: error }, "runner report endpoint not served: no HTTP server");
    return null;
  }
  app.log.info(
    `runner report endpoint on: POST ${REPORTS_PATH}${secrets.previous ? " (keys of the previous secret accepted too)" : ""}`,
  );
  return service;
}

/** The options that are set, so `undefined` never overrides a default. */
function optional<T>(values: Partial<Record<keyof T, unknown>>): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
