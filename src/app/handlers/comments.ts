import type { Context } from "probot";
import type { SyncService } from "../workers/sync-service.js";
import { RETRY_LATER, type WebhookWorker } from "../workers/webhook-worker.js";
import type { BoardService } from "../workers/board-service.js";
import type { BotPrService } from "../workers/bot-pr-service.js";
import { createMemoryReplyLimiter, type ReplyLimiter } from "../../commands/reply-limiter.js";
import { respondToComment } from "../../commands/respond-to-comment.js";
import { createOctokitPort } from "../../github/octokit-port.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import type { Language } from "../../render/i18n.js";
import type { SyncRepositoryResult } from "../../sync/sync-repository.js";
import type { AppIdentity } from "../app-identity.js";

export interface IssueCommentHandlerOptions {
  sync: Pick<SyncService, "requestSync">;
  /** The bot login: Nova's own replies and pull requests. */
  identity: Pick<AppIdentity, "botLogin">;
  /** Runs the commands after the webhook is answered (one repository's commands in order). */
  worker: WebhookWorker;
  /** Runs `/nova report` (the status pull request). */
  botPrs?: Pick<BotPrService, "requestStatusReport">;
  /** The board service, so `/nova help` can say why the board is not in step (user-owned project, …). */
  board?: Pick<BoardService, "describeBoard">;
  /** The spam guard's store; one in-process store per app by default. */
  limiter?: ReplyLimiter;
  /**
   * A comment's commands are answered under its lock (across replicas with Redis): a redelivery
   * that arrives meanwhile waits, then finds the first one's replies by their markers.
   */
  lock?: SharedLock;
  now?: () => number;
}

/**
 * `/nova …` in a new comment on an issue or pull request (`issue_comment.created` only: an
 * edited comment is never re-run, so fixing a typo cannot trigger a command twice). The handler
 * only reads the payload and hands the comment to the worker, so GitHub has its answer before
 * Nova makes a single request for it (a `/nova sync` would otherwise hold the webhook for the
 * whole sync). The job builds the ports and calls `respondToComment`; GitHub being unavailable
 * makes the worker run it again later. The spam guard and the per-comment lock live as long as
 * the app.
 */
export function createIssueCommentHandler(options: IssueCommentHandlerOptions) {
  const limiter = options.limiter ?? createMemoryReplyLimiter();
  const lock = options.lock ?? createLocalLock();
  const now = options.now ?? Date.now;
  return (context: Context<"issue_comment.created">): void => {
    const { comment, issue, repository } = context.payload;
    // Most comments are not commands: skip them before building anything.
    if (!/\/nova/i.test(comment.body ?? "")) return;
    const repo = { owner: repository.owner.login, repo: repository.name };
    // A command is answered while someone waits: no waiting out secondary rate limits here.
    const retry = { sleep: () => Promise.resolve(), maxAttempts: 1 };
    const repositoryInfo = {
      defaultBranch: repository.default_branch,
      htmlUrl: repository.html_url,
    };
    const key = `${repository.full_name.toLowerCase()}:${comment.id}`;
    function respond() {
      return respondToComment({
        github: createOctokitPort(context.octokit, repo, retry),
        commands: createOctokitPort(context.octokit, repo, retry),
        comment: {
          id: comment.id,
          body: comment.body ?? "",
          author: comment.user?.login ?? "",
          authorType: comment.user?.type ?? "User",
          createdAt: comment.created_at,
        },
        issue: { number: issue.number, body: issue.body ?? "", author: issue.user?.login ?? "" },
        repository: { fullName: repository.full_name, defaultBranch: repository.default_branch },
        botLogin: () => options.identity.botLogin(),
        ...(options.board
          ? {
              describeBoard: (lang: Language) =>
                options.board!.describeBoard(repository.full_name, lang),
            }
          : {}),
        ...(options.botPrs
          ? {
              runStatusReport: () =>
                options.botPrs!.requestStatusReport({
                  octokit: context.octokit,
                  repo,
                  repository: repositoryInfo,
                  trigger: "command",
                }),
            }
          : {}),
        runSync: async () => {
          let result: SyncRepositoryResult | null = null;
          await options.sync.requestSync({
            octokit: context.octokit,
            repo,
            reason: "command",
            repository: repositoryInfo,
            onResult: (outcome) => {
              result = outcome;
            },
          });
          return result;
        },
        limiter,
        now,
        log: context.log,
      });
    }
    options.worker.run({
      key: `command:${repository.full_name.toLowerCase()}`,
      name: `issue_comment:${context.id}`,
      work: async () =>
        (await lock.run(`command:${key}`, respond)).status === "unfinished"
          ? RETRY_LATER
          : undefined,
    });
  };
}
