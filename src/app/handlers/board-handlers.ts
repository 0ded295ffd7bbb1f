import type { Context } from "probot";
import type { WebhookWorker } from "../workers/webhook-worker.js";
import { parseTaskMarker } from "../../github/hidden-markers.js";
import type { BoardService } from "../workers/board-service.js";
import { parseClosingReferences } from "../../board/closing-references.js";

/** The `issues` actions that change a task's `Status` on the board. */
export const BOARD_ISSUE_EVENTS = [
  "issues.closed",
  "issues.reopened",
  "issues.assigned",
  "issues.unassigned",
] as const;

/** The `pull_request` actions that start or end "an open pull request closes this task". */
export const BOARD_PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.closed",
  "pull_request.reopened",
] as const;

/**
 * A task issue (written by the bot, with a task marker) closed, reopened, assigned or unassigned:
 * a board run. Other issues, and repositories whose last run found no `project`, cost nothing.
 */
export function createBoardIssuesHandler(board: BoardService, worker: WebhookWorker) {
  return (context: Context<(typeof BOARD_ISSUE_EVENTS)[number]>): void => {
    const { issue, repository } = context.payload;
    if (board.lastStatus(repository.full_name)?.kind === "off") return;
    if (!parseTaskMarker(issue.body ?? "")) return;
    // The bot login may need `GET /app`: the worker asks, after the webhook is answered.
    worker.run({
      key: `board:${repository.full_name.toLowerCase()}`,
      name: `issues:board:${context.id}`,
      work: async () => {
        const botLogin = await board.botLogin();
        if (issue.user?.login.toLowerCase() !== botLogin.toLowerCase()) return;
        // Not awaited: the run happens in the board's queue.
        void board.requestBoardSync({
          octokit: context.octokit,
          repo: { owner: repository.owner.login, repo: repository.name },
          reason: "issues",
          defaultBranch: repository.default_branch,
        });
      },
    });
  };
}

/**
 * A pull request whose body closes a task issue (closing keywords) opened, closed or reopened: a
 * board run, since "an open pull request closes it" means In Progress.
 */
export function createBoardPullRequestHandler(board: BoardService, worker: WebhookWorker) {
  return (context: Context<(typeof BOARD_PULL_REQUEST_EVENTS)[number]>): void => {
    const { pull_request: pull, repository } = context.payload;
    if (board.lastStatus(repository.full_name)?.kind === "off") return;
    const closes = parseClosingReferences(pull.body, repository.full_name);
    if (closes.length === 0) return;
    const tasks = board.knownTaskIssues(repository.full_name);
    if (tasks && !closes.some((number) => tasks.has(number))) return;
    worker.run({
      key: `board:${repository.full_name.toLowerCase()}`,
      name: `pull_request:board:${context.id}`,
      work: () => {
        void board.requestBoardSync({
          octokit: context.octokit,
          repo: { owner: repository.owner.login, repo: repository.name },
          reason: "pull_request",
          defaultBranch: repository.default_branch,
        });
      },
    });
  };
}
