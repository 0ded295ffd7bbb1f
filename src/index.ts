import type { Redis } from "ioredis";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { createAppIdentity, type AppIdentity } from "./app/app-identity.js";
import { registerHandlers } from "./app/handlers/register-handlers.js";
import { addNovaRoutes } from "./app/http/nova-routes.js";
import { reportOutcomeOf } from "./app/http/reports-route.js";
import { startReportsEndpoint, type RunnerEndpointOptions } from "./app/runner-endpoint.js";
import { guardWebhookBodies } from "./app/http/webhook-body-guard.js";
import { createNovaMetrics, type NovaMetrics } from "./app/ops/metrics.js";
import { instrumentWebhooks } from "./app/ops/webhook-metrics.js";
import { startReconcile } from "./app/reconcile.js";
import { createRedisReplyLimiter } from "./app/replicas/redis-reply-limiter.js";
import { createSharedState } from "./app/replicas/shared-state.js";
import { createAfterSync } from "./app/workers/after-sync.js";
import { createBoardService, type BoardService } from "./app/workers/board-service.js";
import { createBotPrService, type BotPrService } from "./app/workers/bot-pr-service.js";
import type { IngestService } from "./app/workers/ingest-service.js";
import {
  createSyncService,
  type SyncService,
  type SyncServiceOptions,
} from "./app/workers/sync-service.js";
import { createPendingWork } from "./app/workers/pending-work.js";
import { createWebhookWorker, type WebhookWorker } from "./app/workers/webhook-worker.js";
import { createOctokitPort } from "./github/octokit-port.js";
import { readLatestGpuReports } from "./ingest/read-latest-gpu-reports.js";
import { sleepInBackground } from "./time/sleep.js";

export interface NovaOptions extends Omit<
  SyncServiceOptions,
  "app" | "botLogin" | "afterSync" | "readPendingWriteBack" | "pending"
> {
  /** Start the periodic reconcile (off in tests, which call `reconcileOnce` themselves). */
  reconcile?: boolean;
  /** Start the status-report schedule's minute timer (default: as `reconcile`; tests tick it). */
  statusSchedule?: boolean;
  /** The metrics `/metrics` serves (default: a new registry; src/main.ts passes its own). */
  metrics?: NovaMetrics;
  /** Require this bearer token on `/metrics` (NOVA_METRICS_TOKEN). */
  metricsToken?: string;
  /**
   * The runner upload endpoint `POST /nova/v1/reports` (docs/ingest.md): on when
   * NOVA_RUNNER_SECRET is set; these settings override the environment (tests inject the secret).
   */
  runnerEndpoint?: RunnerEndpointOptions;
  /**
   * Shared state for several replicas (`REDIS_URL`, see docs/operations.md): the locks (syncs,
   * board projects, status reports, publishing runner reports, command replies), the sync
   * queue's tickets, the upload idempotency records and rate limit, the claims on scheduled
   * reports, and the spam guard's counts; `/readyz` then asks Redis too. Without it everything
   * stays in this process.
   */
  redis?: Redis;
}

/** Nova's Probot app: load it (`probot.load`, `run`), then `services` holds what it built. */
export interface NovaApp {
  (app: Probot, options?: Partial<ApplicationFunctionOptions>): void;
  /** The services of the last load (throws before the app was loaded). */
  readonly services: NovaServices;
}

/** What `createNova`'s app gives back: its services, so a caller (tests, shutdown) can await them. */
export interface NovaServices {
  sync: SyncService;
  board: BoardService;
  botPrs: BotPrService;
  /** The runner upload endpoint's service; null when the endpoint is off. */
  ingest: IngestService | null;
  /** The webhook handlers' worker (ack first, then work). */
  worker: WebhookWorker;
  identity: AppIdentity;
  /**
   * Resolves when nothing is left to do: no webhook job, sync, board run, status report or
   * upload running, waiting or due as a follow-up (tests, shutdown).
   */
  settled(): Promise<void>;
}

/**
 * Builds Nova's Probot app: it wires webhook handlers to use-cases and holds no logic.
 *
 * `npm start` builds Nova and runs `lib/main.js`, the production entry (startup checks, log
 * redaction), which loads this app from the standard Probot environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, …; see docs/setup.md). Probot's own server answers `GET /ping`
 * and verifies webhook signatures before any handler runs. The app adds `/healthz`, `/readyz`,
 * `/metrics` (docs/operations.md) and, when NOVA_RUNNER_SECRET is set, the runner upload route
 * `POST /nova/v1/reports` (docs/ingest.md).
 */
export function createNova(options: NovaOptions = {}): NovaApp {
  let services: NovaServices | undefined;
  const load = (app: Probot, { addHandler }: Partial<ApplicationFunctionOptions> = {}): void => {
    services = wireNova(app, options, addHandler);
  };
  return Object.defineProperty(load, "services", {
    get(): NovaServices {
      if (!services) throw new Error("Nova has not been loaded into a Probot app yet");
      return services;
    },
  }) as NovaApp;
}

/** Builds the services and connects them to Probot's webhooks and server; returns them. */
function wireNova(
  app: Probot,
  options: NovaOptions,
  addHandler: ApplicationFunctionOptions["addHandler"] | undefined,
): NovaServices {
  const metrics = options.metrics ?? createNovaMetrics();
  const sleep = options.sleep ?? sleepInBackground;
  // Every worker's work in flight, in one place: `settled()` awaits all of it, including
  // what one worker hands another meanwhile (a webhook job queues a sync, a sync a board run).
  const pending = createPendingWork();
  // Ack first, then work: handlers hand their work to this worker and return.
  const worker = createWebhookWorker({ log: app.log, sleep, pending });
  // Before Probot's own reader: a bounded body, refusals logged in one line (docs/operations.md);
  // the worker holds its jobs back while deliveries are arriving.
  guardWebhookBodies(app, { log: app.log, onDelivery: () => worker.receiving() });
  instrumentWebhooks(app, metrics);
  const shared = createSharedState(options.redis, options.now);
  const identity = createAppIdentity(app);
  const board = createBoardService({
    app,
    botLogin: identity.botLogin,
    lock: shared.lock,
    sleep,
    pending,
    ...(options.now ? { now: options.now } : {}),
    ...(options.followUpDelayMs !== undefined ? { followUpDelayMs: options.followUpDelayMs } : {}),
  });
  const botPrs = createBotPrService({
    app,
    botLogin: identity.botLogin,
    lock: shared.lock,
    once: shared.once,
    sleep,
    pending,
    ...(options.now ? { now: options.now } : {}),
    // The status report's GPU section: the latest runner report per host, read back from the
    // sticky comments the ingestion keeps on the `gpu.task` issue (docs/ingest.md).
    readGpuReports: (target, { issueNumber, lang, botLogin }) =>
      readLatestGpuReports(
        createOctokitPort(target.octokit, target.repo, { sleep }),
        issueNumber,
        botLogin,
        lang,
      ),
  });
  // The sync asks the write-back pull request which issues it holds.
  const sync = createSyncService({
    app,
    ...options,
    sleep,
    botLogin: identity.botLogin,
    lock: shared.lock,
    tickets: shared.syncTickets,
    pending,
    afterSync: createAfterSync({ metrics, board, botPrs }),
    readPendingWriteBack: (job, botLogin) => botPrs.readPendingWriteBack(job, botLogin),
  });
  metrics.watchQueueDepth(() => sync.size());
  registerHandlers(app, {
    sync,
    board,
    botPrs,
    identity,
    worker,
    lock: shared.lock,
    ...(options.now ? { now: options.now } : {}),
    ...(options.redis ? { limiter: createRedisReplyLimiter(options.redis) } : {}),
  });
  if (options.reconcile ?? true) {
    startReconcile({ identity, sync, log: app.log, once: shared.once });
  }
  if (options.statusSchedule ?? options.reconcile ?? true) botPrs.startSchedule();
  addNovaRoutes(addHandler, {
    app,
    identity,
    metrics,
    metricsToken: options.metricsToken,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  const ingest = startReportsEndpoint({
    app,
    addHandler,
    botLogin: identity.botLogin,
    now: options.now,
    sleep: options.sleep,
    options: options.runnerEndpoint,
    env: process.env,
    onAnswer: (status) => metrics.reportsReceived.inc({ outcome: reportOutcomeOf(status) }),
    lock: shared.lock,
    uploads: shared.uploads,
    rateLimiter: shared.uploadRates,
    pending,
  });
  app.log.info("Nova loaded");
  return {
    sync,
    board,
    botPrs,
    ingest,
    worker,
    identity,
    settled: () => pending.settled(),
  };
}

export default createNova();
