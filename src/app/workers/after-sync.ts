import type { SyncRepositoryResult } from "../../sync/sync-repository.js";
import { recordSync, type NovaMetrics } from "../ops/metrics.js";
import type { BoardService } from "./board-service.js";
import type { BotPrService } from "./bot-pr-service.js";
import type { SyncJob } from "./sync-service.js";

/**
 * After a sync, the board and the write-back pull request follow (docs/board.md,
 * docs/bot-prs.md). It runs after every applied sync (never a dry run), within the
 * repository's sync slot, so the two use the sync's observation instead of reading again.
 *
 * This is where "a closed issue ticks the box" ends: a person closes a task issue
 * (`handlers/issues.ts` queues a sync) → the sync proposes the box ticked
 * (`sync/plan-sync.ts`) → here the write-back pull request takes the proposal
 * (`bot-pr/run-write-back.ts`) and the board moves the task to Done (`board/sync-board.ts`).
 */
export function createAfterSync(deps: {
  metrics: NovaMetrics;
  board: Pick<BoardService, "afterSync">;
  botPrs: Pick<BotPrService, "afterSync">;
}): (job: SyncJob, result: SyncRepositoryResult) => Promise<void> {
  return async (job, result) => {
    recordSync(deps.metrics, result);
    await deps.board.afterSync(job, result);
    await deps.botPrs.afterSync(job, result);
  };
}
