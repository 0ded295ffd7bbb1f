import type { CommandPort } from "./command-port.js";
import { createOctokitBotPrPort } from "./octokit-bot-pr-port.js";
import { listIssueComments, postIssueComment } from "./rest-comments.js";
import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-port.js";
import { retrySecondaryLimit, type SecondaryRetryOptions } from "./retry-secondary-limit.js";

/**
 * The command port over an Octokit client (a Probot context's), so Probot's throttling and retry
 * apply; secondary rate limits are waited out as in the sync's port, and every failure becomes a
 * `GitHubError`.
 */
export function createOctokitCommandPort(
  octokit: Octokit,
  repo: RepoRef,
  retry: SecondaryRetryOptions,
): CommandPort {
  const call = <T>(request: () => Promise<T>): Promise<T> => retrySecondaryLimit(request, retry);

  const pulls = createOctokitBotPrPort(octokit, repo, retry);
  return {
    listPullsForBranch: (branch, state, limit) => pulls.listPullsForBranch(branch, state, limit),

    async getCollaboratorPermission(login) {
      const { data } = await call(() =>
        octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login }),
      );
      return { roleName: data.role_name ?? null, permission: data.permission ?? "none" };
    },

    async addCommentReaction(commentId, content) {
      await call(() =>
        octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content }),
      );
    },

    listCommentsSince: (issueNumber, since) =>
      listIssueComments(octokit, repo, call, issueNumber, since),

    createReply: (issueNumber, body) => postIssueComment(octokit, repo, call, issueNumber, body),
  };
}
