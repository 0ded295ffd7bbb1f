import type { Context } from "probot";
import { parseTaskMarker } from "../../github/hidden-markers.js";
import type { AppIdentity } from "../app-identity.js";
import type { BoardService } from "../workers/board-service.js";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";

/** The `issues` actions Nova acts on, each registered once. */
export const ISSUE_EVENTS = [
  "issues.closed",
  "issues.reopened",
  "issues.assigned",
  "issues.unassigned",
] as const;

export interface IssueHandlerDeps {
  sync: Pick<SyncService, "requestSync">;
  board: Pick<BoardService, "lastStatus" | "requestBoardSync">;
  identity: Pick<AppIdentity, "botLogin">;
  worker: WebhookWorker;
}

/**
 * A task issue (written by the bot, with a task marker) changed: the jobs for every use-case it
 * concerns, handed to the worker (the bot login may need `GET /app`, asked after the webhook is
 * answered). Other issues cost nothing.
 * - closed, reopened, assigned, unassigned: the board's `Status` follows (a board run);
 * - closed or reopened by a person: a sync, whose proposals keep the write-back pull request
 *   current, so "a closed issue ticks the box" (see `after-sync.ts`). Nova's own closes and
 *   reopens (it follows the checklist) start no sync, so they cannot loop.
 */
export function handleIssues(
  context: Context<(typeof ISSUE_EVENTS)[number]>,
  deps: IssueHandlerDeps,
): void {
  const { issue, repository, sender } = context.payload;
  if (!parseTaskMarker(issue.body ?? "")) return;
  const fullName = repository.full_name.toLowerCase();
  const repo = { owner: repository.owner.login, repo: repository.name };
  const isBot = async (login: string | undefined) =>
    login?.toLowerCase() === (await deps.identity.botLogin()).toLowerCase();

  // Repositories whose last board run found no `project` cost nothing.
  if (deps.board.lastStatus(repository.full_name)?.kind !== "off") {
    deps.worker.run({
      key: `board:${fullName}`,
      name: `issues:board:${context.id}`,
      work: async () => {
        if (!(await isBot(issue.user?.login))) return;
        // Not awaited: the run happens in the board's queue.
        void deps.board.requestBoardSync({
          octokit: context.octokit,
          repo,
          reason: "issues",
          defaultBranch: repository.default_branch,
        });
      },
    });
  }
  const action = context.payload.action;
  if (action !== "closed" && action !== "reopened") return;
  deps.worker.run({
    key: `write-back:${fullName}`,
    name: `issues:write-back:${context.id}`,
    work: async () => {
      if (!(await isBot(issue.user?.login)) || (await isBot(sender.login))) return;
      // Not awaited: the sync runs in the repository's queue.
      void deps.sync.requestSync({
        octokit: context.octokit,
        repo,
        reason: "issues",
        repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
      });
    },
  });
}
