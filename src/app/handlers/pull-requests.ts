import type { Context } from "probot";
import { WRITE_BACK_BRANCH } from "../../sync/write-back-branch.js";
import { parseClosingReferences } from "../../board/closing-references.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import { CONFIG_PATH } from "../../config/config-path.js";
import { createOctokitPort } from "../../github/octokit-port.js";
import type { AppIdentity } from "../app-identity.js";
import type { BoardService } from "../workers/board-service.js";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";

/** The `pull_request` actions Nova acts on, each registered once. */
export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.closed",
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

export interface PullRequestHandlerDeps {
  sync: Pick<SyncService, "requestSync" | "knownRepository">;
  board: Pick<BoardService, "lastStatus" | "knownTaskIssues" | "requestBoardSync">;
  identity: Pick<AppIdentity, "botLogin">;
  worker: WebhookWorker;
}

/**
 * A pull request opened, pushed to, reopened or closed: the jobs for every use-case it
 * concerns, handed to the worker.
 * - opened, pushed to, reopened: the sync preview (a check run on its head commit);
 * - opened, reopened, closed: a board run when its body closes a task issue;
 * - closed without merging: when it is Nova's write-back pull request, a sync.
 */
export function handlePullRequest(context: PullRequestContext, deps: PullRequestHandlerDeps): void {
  const action = context.payload.action;
  if (action !== "closed") queuePreview(context, deps);
  if (action !== "synchronize") queueBoardRun(context, deps);
  if (action === "closed") queueWriteBackRejected(context, deps);
}

/**
 * A pull request into the default branch that changes the checklist gets a check run
 * "Nova: Sync-Vorschau" on its head commit: what merging would do (a dry run of the real sync),
 * with lint problems as annotations; lint errors fail it. Which files it changes is read by the
 * worker, after the webhook is answered.
 */
function queuePreview(context: PullRequestContext, deps: PullRequestHandlerDeps): void {
  const { pull_request: pull, repository } = context.payload;
  if (pull.base.ref !== repository.default_branch) return;
  const repo = { owner: repository.owner.login, repo: repository.name };
  const checklist =
    deps.sync.knownRepository(repository.full_name)?.checklist ?? DEFAULT_CONFIG.checklist;
  deps.worker.run({
    key: `preview:${repository.full_name.toLowerCase()}`,
    name: `pull_request:preview:${context.id}`,
    work: async () => {
      const port = createOctokitPort(context.octokit, repo, {
        sleep: () => Promise.resolve(),
        maxAttempts: 1,
      });
      const files = await port.listPullRequestFiles(pull.number);
      if (!files.some((file) => file === checklist || file === CONFIG_PATH)) return;
      void deps.sync.requestSync({
        octokit: context.octokit,
        repo,
        reason: "preview",
        sha: pull.head.sha,
        repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
        reportOnCommit: true,
        dryRun: true,
      });
    },
  });
}

/**
 * A pull request whose body closes a task issue (closing keywords) opened, closed or reopened: a
 * board run, since "an open pull request closes it" means In Progress. Repositories whose last
 * run found no `project`, and pull requests that close none of the known task issues, cost
 * nothing.
 */
function queueBoardRun(context: PullRequestContext, deps: PullRequestHandlerDeps): void {
  const { pull_request: pull, repository } = context.payload;
  if (deps.board.lastStatus(repository.full_name)?.kind === "off") return;
  const closes = parseClosingReferences(pull.body, repository.full_name);
  if (closes.length === 0) return;
  const tasks = deps.board.knownTaskIssues(repository.full_name);
  if (tasks && !closes.some((number) => tasks.has(number))) return;
  deps.worker.run({
    key: `board:${repository.full_name.toLowerCase()}`,
    name: `pull_request:board:${context.id}`,
    work: () => {
      void deps.board.requestBoardSync({
        octokit: context.octokit,
        repo: { owner: repository.owner.login, repo: repository.name },
        reason: "pull_request",
        defaultBranch: repository.default_branch,
      });
    },
  });
}

/**
 * Nova's write-back pull request closed without merging, by a person: the proposals are
 * rejected and the checklist stays the source of truth, so a sync puts the issues back in line
 * with it now rather than at the next reconcile. A merge needs nothing here: its push syncs.
 */
function queueWriteBackRejected(context: PullRequestContext, deps: PullRequestHandlerDeps): void {
  const { pull_request: pull, repository, sender } = context.payload;
  if (pull.merged || pull.head.ref !== WRITE_BACK_BRANCH) return;
  deps.worker.run({
    key: `write-back:${repository.full_name.toLowerCase()}`,
    name: `pull_request:write-back:${context.id}`,
    work: async () => {
      const botLogin = (await deps.identity.botLogin()).toLowerCase();
      if (pull.user?.login.toLowerCase() !== botLogin || sender.login.toLowerCase() === botLogin) {
        return;
      }
      void deps.sync.requestSync({
        octokit: context.octokit,
        repo: { owner: repository.owner.login, repo: repository.name },
        reason: "issues",
        repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
      });
    },
  });
}
