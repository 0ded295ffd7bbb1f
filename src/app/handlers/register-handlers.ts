import type { Probot } from "probot";
import type { AppIdentity } from "../app-identity.js";
import type { BoardService } from "../workers/board-service.js";
import type { BotPrService } from "../workers/bot-pr-service.js";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";
import type { ReplyLimiter } from "../../commands/reply-limiter.js";
import type { SharedLock } from "../replicas/shared-lock.js";
import { createIssueCommentHandler } from "./comments.js";
import { handleInstallation } from "./installation.js";
import { handleIssues, ISSUE_EVENTS } from "./issues.js";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./pull-requests.js";
import { handlePush } from "./push.js";

export interface HandlerDeps {
  sync: SyncService;
  board: BoardService;
  botPrs: BotPrService;
  identity: AppIdentity;
  /** Every handler hands its jobs to this worker and returns (ack first). */
  worker: WebhookWorker;
  /** Command replies are answered under it (across replicas with Redis). */
  lock: SharedLock;
  /** The commands' spam guard store (Redis with `REDIS_URL`). */
  limiter?: ReplyLimiter;
  now?: () => number;
}

/** The `installation` and `installation_repositories` actions that bring new repositories. */
export const INSTALLATION_EVENTS = [
  "installation.created",
  "installation_repositories.added",
] as const;

/**
 * Every webhook Nova listens to, each registered once: one handler per event family, which
 * only reads its payload and hands the jobs of every use-case the event concerns to the worker.
 * GitHub gets its answer before Nova makes any request for the delivery
 * (docs/architecture.md, "Ack first").
 */
export function registerHandlers(app: Pick<Probot, "on">, deps: HandlerDeps): void {
  app.on("push", (context) => handlePush(context, deps.sync, deps.worker));
  app.on([...INSTALLATION_EVENTS], (context) =>
    handleInstallation(context, deps.sync, deps.worker),
  );
  app.on([...ISSUE_EVENTS], (context) => handleIssues(context, deps));
  app.on([...PULL_REQUEST_EVENTS], (context) => handlePullRequest(context, deps));
  // Only new comments: an edited comment is never re-run (docs/commands.md).
  app.on(
    "issue_comment.created",
    createIssueCommentHandler({
      sync: deps.sync,
      identity: deps.identity,
      worker: deps.worker,
      botPrs: deps.botPrs,
      board: deps.board,
      now: deps.now,
      lock: deps.lock,
      ...(deps.limiter ? { limiter: deps.limiter } : {}),
    }),
  );
}
