import type { CommandPort, ObservedComment } from "./command-port.js";
import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-port.js";
import {
  NO_BLIND_RETRY,
  retrySecondaryLimit,
  type SecondaryRetryOptions,
} from "./retry-secondary-limit.js";

interface RestComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
}

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

  return {
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

    async listCommentsSince(issueNumber, since) {
      const comments = await call(() =>
        octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: issueNumber,
          since,
          per_page: 100,
        }),
      );
      return (comments as RestComment[]).map(toObservedComment);
    },

    async createReply(issueNumber, body) {
      const { data } = await call(() =>
        octokit.rest.issues.createComment({
          ...repo,
          issue_number: issueNumber,
          body,
          ...NO_BLIND_RETRY,
        }),
      );
      return toObservedComment(data);
    },
  };
}

function toObservedComment(comment: RestComment): ObservedComment {
  return { id: comment.id, author: comment.user?.login ?? "", body: comment.body ?? "" };
}
