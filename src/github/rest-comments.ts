import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-client.js";
import { NO_BLIND_RETRY } from "./retry-secondary-limit.js";

/** A comment as Nova's ports return it. */
export interface RestCommentView {
  id: number;
  /** Login of the author; the app's bot user is `<slug>[bot]`. */
  author: string;
  body: string;
  htmlUrl: string;
}

interface RestComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
  html_url: string;
}

type Call = <T>(request: () => Promise<T>) => Promise<T>;

/** Every comment of an issue or pull request (since an instant, when given), oldest first. */
export async function listIssueComments(
  octokit: Octokit,
  repo: RepoRef,
  call: Call,
  issueNumber: number,
  since?: string,
): Promise<RestCommentView[]> {
  const comments = await call(() =>
    octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: issueNumber,
      ...(since ? { since } : {}),
      per_page: 100,
    }),
  );
  return (comments as RestComment[]).map(toCommentView);
}

/** Posts a comment. Not retried blindly: a 502 may hide a posted comment (callers re-read). */
export async function postIssueComment(
  octokit: Octokit,
  repo: RepoRef,
  call: Call,
  issueNumber: number,
  body: string,
): Promise<RestCommentView> {
  const { data } = await call(() =>
    octokit.rest.issues.createComment({
      ...repo,
      issue_number: issueNumber,
      body,
      ...NO_BLIND_RETRY,
    }),
  );
  return toCommentView(data);
}

/** Maps GitHub's comment JSON to what the ports return. */
export function toCommentView(comment: RestComment): RestCommentView {
  return {
    id: comment.id,
    author: comment.user?.login ?? "",
    body: comment.body ?? "",
    htmlUrl: comment.html_url,
  };
}
