import { sleep } from "../util/sleep.js";
import type { CommandPort } from "./command-port.js";
import { createOctokitBotPrPort } from "./octokit-bot-pr-port.js";
import { listIssueComments, postIssueComment } from "./rest-comments.js";
import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-port.js";
import { toGitHubError } from "./github-error.js";
import { retrySecondaryLimit, type SecondaryRetryOptions } from "./retry-secondary-limit.js";

/**
 * The permission check answers a person who waits for a reply: each attempt may take 1 s and
 * Probot's retry plugin is off for it (it would wait 1 + 4 + 9 s on a 5xx); one more attempt
 * after 300 ms, then Nova denies (fail closed) and says to try again, within 3 s in all.
 */
export const PERMISSION_ATTEMPT_MS = 1_000;
export const PERMISSION_RETRY_WAIT_MS = 300;

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
      const ask = () =>
        octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: login,
          request: { retries: 0, signal: AbortSignal.timeout(PERMISSION_ATTEMPT_MS) },
        });
      let answer: Awaited<ReturnType<typeof ask>>;
      try {
        answer = await ask();
      } catch (error) {
        const failure = toGitHubError(error);
        if (!(failure.kind === "unavailable" || failure.kind === "timeout")) throw failure;
        // A real pause (the port's `sleep` is for rate limits, which commands do not wait out).
        await sleep(PERMISSION_RETRY_WAIT_MS);
        answer = await ask().catch((again: unknown) => {
          throw toGitHubError(again);
        });
      }
      const { data } = answer;
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
