import type { Probot } from "probot";
import { startReconcile } from "./app/reconcile.js";
import {
  BOARD_ISSUE_EVENTS,
  BOARD_PULL_REQUEST_EVENTS,
  createBoardIssuesHandler,
  createBoardPullRequestHandler,
} from "./board/board-handlers.js";
import { createBoardService, type BoardService } from "./board/board-service.js";
import {
  createSyncService,
  type SyncService,
  type SyncServiceOptions,
} from "./app/sync-service.js";
import { handleInstallation } from "./handlers/installation.js";
import { createIssueCommentHandler } from "./handlers/issue-comment.js";
import { handlePullRequestPreview } from "./handlers/pull-request-preview.js";
import { handlePush } from "./handlers/push.js";

export interface NovaOptions extends Omit<SyncServiceOptions, "app"> {
  /** Start the periodic reconcile (off in tests, which call `reconcileOnce` themselves). */
  reconcile?: boolean;
  /** Receives the sync service (tests await its queue). */
  onReady?: (service: SyncService) => void;
  /** Receives the board service (tests await board runs that issue events start). */
  onBoardReady?: (board: BoardService) => void;
}

/**
 * Builds Nova's Probot app: it wires webhook handlers to use-cases and holds no logic.
 *
 * `npm start` builds this file to `lib/index.js` and runs it with `probot run`, which reads the
 * standard Probot environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, …; see
 * docs/setup.md). Probot's own server answers `GET /ping` and verifies webhook signatures
 * before any handler runs.
 *
 * Planned (later issues): bot pull requests, the runner upload route, `/healthz` and
 * `/metrics`.
 */
export function createNova(options: NovaOptions = {}) {
  return (app: Probot): void => {
    const board = createBoardService({
      app,
      botLogin: () => sync.botLogin(),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.followUpDelayMs !== undefined
        ? { followUpDelayMs: options.followUpDelayMs }
        : {}),
    });
    // The board follows every applied sync (docs/board.md).
    const sync = createSyncService({
      app,
      ...options,
      afterSync: (job, result) => board.afterSync(job, result),
    });
    app.on("push", (context) => handlePush(context, sync));
    app.on(["installation.created", "installation_repositories.added"], (context) => {
      handleInstallation(context, sync);
    });
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      (context) => handlePullRequestPreview(context, sync),
    );
    app.on([...BOARD_ISSUE_EVENTS], createBoardIssuesHandler(board));
    app.on([...BOARD_PULL_REQUEST_EVENTS], createBoardPullRequestHandler(board));
    // Only new comments: an edited comment is never re-run (docs/commands.md).
    app.on("issue_comment.created", createIssueCommentHandler({ sync, now: options.now }));
    if (options.reconcile ?? true) startReconcile({ app, sync });
    options.onReady?.(sync);
    options.onBoardReady?.(board);
    app.log.info("Nova loaded");
  };
}

export default createNova();
