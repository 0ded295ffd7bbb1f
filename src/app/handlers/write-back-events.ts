import type { Context } from "probot";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";
import { WRITE_BACK_BRANCH } from "../../bot-pr/bot-pr-names.js";
import { parseTaskMarker } from "../../github/hidden-markers.js";

/** A person closing or reopening a task issue: what the write-back pull request is about. */
export const WRITE_BACK_ISSUE_EVENTS = ["issues.closed", "issues.reopened"] as const;

/**
 * A task issue (bot-written, with a task marker) closed or reopened by someone other than Nova:
 * a sync, whose proposals keep the write-back pull request current. Nova's own closes and
 * reopens (it follows the checklist) start nothing, so they cannot loop.
 */
export function createWriteBackIssuesHandler(sync: SyncService, worker: WebhookWorker) {
  return (context: Context<(typeof WRITE_BACK_ISSUE_EVENTS)[number]>): void => {
    const { issue, repository, sender } = context.payload;
    if (!parseTaskMarker(issue.body ?? "")) return;
    // The bot login may need `GET /app`: the worker asks, after the webhook is answered.
    worker.run({
      key: `write-back:${repository.full_name.toLowerCase()}`,
      name: `issues:write-back:${context.id}`,
      work: async () => {
        const botLogin = (await sync.botLogin()).toLowerCase();
        if (issue.user?.login.toLowerCase() !== botLogin) return;
        if (sender.login.toLowerCase() === botLogin) return;
        // Not awaited: the sync runs in the repository's queue.
        void sync.requestSync({
          octokit: context.octokit,
          repo: { owner: repository.owner.login, repo: repository.name },
          reason: "issues",
          repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
        });
      },
    });
  };
}

/**
 * Nova's write-back pull request closed without merging, by a person: the proposals are
 * rejected and the checklist stays the source of truth, so a sync puts the issues back in line
 * with it now rather than at the next reconcile. A merge needs nothing here: its push syncs.
 */
export function createWriteBackClosedHandler(sync: SyncService, worker: WebhookWorker) {
  return (context: Context<"pull_request.closed">): void => {
    const { pull_request: pull, repository, sender } = context.payload;
    if (pull.merged || pull.head.ref !== WRITE_BACK_BRANCH) return;
    worker.run({
      key: `write-back:${repository.full_name.toLowerCase()}`,
      name: `pull_request:write-back:${context.id}`,
      work: async () => {
        const botLogin = (await sync.botLogin()).toLowerCase();
        if (
          pull.user?.login.toLowerCase() !== botLogin ||
          sender.login.toLowerCase() === botLogin
        ) {
          return;
        }
        void sync.requestSync({
          octokit: context.octokit,
          repo: { owner: repository.owner.login, repo: repository.name },
          reason: "issues",
          repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
        });
      },
    });
  };
}
