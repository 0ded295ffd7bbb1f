import type { CommentApi } from "./github-api.js";
import type { RestContext } from "./rest-context.js";
import { NO_BLIND_RETRY } from "./retry-secondary-limit.js";
import type { ObservedComment } from "./vocabulary.js";

/** The REST comment fields Nova reads. */
interface RestComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
  html_url: string;
}

/** Issue and pull-request comments over Octokit's REST issues API. */
export function createCommentMethods({ octokit, repo, call }: RestContext): CommentApi {
  return {
    async listComments(number, since) {
      const comments = await call(() =>
        octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: number,
          ...(since ? { since } : {}),
          per_page: 100,
        }),
      );
      return (comments as RestComment[]).map(toObservedComment);
    },

    async createComment(number, body) {
      const { data } = await call(() =>
        octokit.rest.issues.createComment({
          ...repo,
          issue_number: number,
          body,
          ...NO_BLIND_RETRY,
        }),
      );
      return toObservedComment(data);
    },

    async updateComment(commentId, body) {
      const { data } = await call(() =>
        octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body }),
      );
      return toObservedComment(data);
    },

    async addCommentReaction(commentId, content) {
      await call(() =>
        octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content }),
      );
    },
  };
}

function toObservedComment(comment: RestComment): ObservedComment {
  return {
    id: comment.id,
    author: comment.user?.login ?? "",
    body: comment.body ?? "",
    htmlUrl: comment.html_url,
  };
}
