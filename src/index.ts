import type { Redis } from "ioredis";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { startReconcile } from "./app/reconcile.js";
import {
  BOARD_ISSUE_EVENTS,
  BOARD_PULL_REQUEST_EVENTS,
  createBoardIssuesHandler,
  createBoardPullRequestHandler,
} from "./app/handlers/board-handlers.js";
import { createBoardService, type BoardService } from "./app/workers/board-service.js";
import { createBotPrService, type BotPrService } from "./app/workers/bot-pr-service.js";
import { createOctokitPort } from "./github/octokit-port.js";
import { readLatestGpuReports } from "./ingest/read-latest-gpu-reports.js";
import {
  createSyncService,
  type SyncService,
  type SyncServiceOptions,
} from "./app/workers/sync-service.js";
import { handleInstallation } from "./app/handlers/installation.js";
import { createWebhookWorker } from "./app/workers/webhook-worker.js";
import { createIssueCommentHandler } from "./app/handlers/issue-comment.js";
import { handlePullRequestPreview } from "./app/handlers/pull-request-preview.js";
import { handlePush } from "./app/handlers/push.js";
import { createRedisReplyLimiter } from "./app/replicas/redis-reply-limiter.js";
import { createSharedState } from "./app/replicas/shared-state.js";
import {
  createWriteBackClosedHandler,
  createWriteBackIssuesHandler,
  WRITE_BACK_ISSUE_EVENTS,
} from "./app/handlers/write-back-events.js";
import { addNovaRoutes } from "./app/http/nova-routes.js";
import { guardWebhookBodies } from "./app/http/webhook-body-guard.js";
import {
  reportOutcomeOf,
  startReportsEndpoint,
  type RunnerEndpointOptions,
} from "./app/http/reports-route.js";
import { createNovaMetrics, recordSync, type NovaMetrics } from "./app/ops/metrics.js";
import { instrumentWebhooks } from "./app/ops/webhook-metrics.js";

export interface NovaOptions extends Omit<SyncServiceOptions, "app" | "worker"> {
  /** Start the periodic reconcile (off in tests, which call `reconcileOnce` themselves). */
  reconcile?: boolean;
  /** Receives the sync service (tests await its queue). */
  onReady?: (service: SyncService) => void;
  /** Receives the board service (tests await board runs that issue events start). */
  onBoardReady?: (board: BoardService) => void;
  /** Start the status-report schedule's minute timer (default: as `reconcile`; tests tick it). */
  statusSchedule?: boolean;
  /** Receives the bot-PR service (tests tick the schedule and await status reports). */
  onBotPrsReady?: (botPrs: BotPrService) => void;
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

/** Waits, for secondary rate limits outside tests. */
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
export function createNova(options: NovaOptions = {}) {
  return (app: Probot, { addHandler }: Partial<ApplicationFunctionOptions> = {}): void => {
    const metrics = options.metrics ?? createNovaMetrics();
    // Ack first, then work: handlers hand their work to this worker and return.
    const worker = createWebhookWorker({
      log: app.log,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    // Before Probot's own reader: a bounded body, refusals logged in one line (docs/operations.md);
    // the worker holds its jobs back while deliveries are arriving.
    guardWebhookBodies(app, { log: app.log, onDelivery: () => worker.receiving() });
    instrumentWebhooks(app, metrics);
    const shared = createSharedState(options.redis, options.now);
    const board = createBoardService({
      app,
      botLogin: () => sync.botLogin(),
      lock: shared.lock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.followUpDelayMs !== undefined
        ? { followUpDelayMs: options.followUpDelayMs }
        : {}),
    });
    const botPrs = createBotPrService({
      app,
      botLogin: () => sync.botLogin(),
      lock: shared.lock,
      once: shared.once,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      // The status report's GPU section: the latest runner report per host, read back from the
      // sticky comments the ingestion keeps on the `gpu.task` issue (docs/ingest.md).
      readGpuReports: (target, { issueNumber, lang, botLogin }) =>
        readLatestGpuReports(
          createOctokitPort(target.octokit, target.repo, {
            sleep: options.sleep ?? sleepFor,
          }),
          issueNumber,
          botLogin,
          lang,
        ),
    });
    // The board and the write-back pull request follow every applied sync (docs/board.md,
    // docs/bot-prs.md); the sync asks the write-back pull request which issues it holds.
    const sync = createSyncService({
      app,
      ...options,
      worker,
      lock: shared.lock,
      tickets: shared.syncTickets,
      afterSync: async (job, result) => {
        recordSync(metrics, result);
        await board.afterSync(job, result);
        await botPrs.afterSync(job, result);
      },
      readPendingWriteBack: (job, botLogin) => botPrs.readPendingWriteBack(job, botLogin),
    });
    metrics.watchQueueDepth(() => sync.queue.size());
    // Every handler only reads its payload and hands a job to the worker: GitHub gets its answer
    // before Nova makes any request for the delivery (docs/architecture.md, "Ack first").
    app.on("push", (context) => handlePush(context, sync, worker));
    app.on(["installation.created", "installation_repositories.added"], (context) => {
      handleInstallation(context, sync, worker);
    });
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      (context) => handlePullRequestPreview(context, sync, worker),
    );
    app.on([...BOARD_ISSUE_EVENTS], createBoardIssuesHandler(board, worker));
    app.on([...BOARD_PULL_REQUEST_EVENTS], createBoardPullRequestHandler(board, worker));
    app.on([...WRITE_BACK_ISSUE_EVENTS], createWriteBackIssuesHandler(sync, worker));
    app.on("pull_request.closed", createWriteBackClosedHandler(sync, worker));
    // Only new comments: an edited comment is never re-run (docs/commands.md).
    app.on(
      "issue_comment.created",
      createIssueCommentHandler({
        sync,
        worker,
        botPrs,
        board,
        now: options.now,
        lock: shared.lock,
        ...(options.redis ? { limiter: createRedisReplyLimiter(options.redis) } : {}),
      }),
    );
    if (options.reconcile ?? true) startReconcile({ app, sync, once: shared.once });
    if (options.statusSchedule ?? options.reconcile ?? true) botPrs.startSchedule();
    addNovaRoutes(addHandler, {
      app,
      metrics,
      metricsToken: options.metricsToken,
      ...(options.redis ? { redis: options.redis } : {}),
    });
    startReportsEndpoint({
      app,
      addHandler,
      botLogin: () => sync.botLogin(),
      now: options.now,
      sleep: options.sleep,
      options: options.runnerEndpoint,
      env: process.env,
      onAnswer: (status) => metrics.reportsReceived.inc({ outcome: reportOutcomeOf(status) }),
      lock: shared.lock,
      uploads: shared.uploads,
      rateLimiter: shared.uploadRates,
    });
    options.onReady?.(sync);
    options.onBoardReady?.(board);
    options.onBotPrsReady?.(botPrs);
    app.log.info("Nova loaded");
  };
}

export default createNova();
