import type { GitHubApi } from "./github-api.js";
import { createCheckMethods } from "./rest-checks.js";
import { createCollaboratorMethods } from "./rest-collaborators.js";
import { createCommentMethods } from "./rest-comments.js";
import type { Octokit, RestContext } from "./rest-context.js";
import { createIssueMethods } from "./rest-issues.js";
import { createPullMethods } from "./rest-pulls.js";
import { createRepositoryMethods } from "./rest-repository.js";
import { createStructureMethods } from "./rest-structure.js";
import { retrySecondaryLimit, type SecondaryRetryOptions } from "./retry-secondary-limit.js";
import type { RepoRef } from "./vocabulary.js";

export type { Octokit } from "./rest-context.js";

/**
 * Nova's GitHub API over an Octokit client for one repository (a Probot context's, or one from
 * `app.auth(installationId)`), so Probot's throttling and retry apply; secondary rate limits are
 * waited out around each request, creates are not retried blindly, and every failure leaves as a
 * `GitHubError`. The answer serves every narrow port (`GitHubPort`, `BotPrPort`, …).
 */
export function createOctokitPort(
  octokit: Octokit,
  repo: RepoRef,
  retry: SecondaryRetryOptions,
): GitHubApi {
  const context: RestContext = {
    octokit,
    repo,
    call: (request) => retrySecondaryLimit(request, retry),
  };
  return {
    ...createIssueMethods(context),
    ...createStructureMethods(context),
    ...createCommentMethods(context),
    ...createCheckMethods(context),
    ...createPullMethods(context),
    ...createRepositoryMethods(context),
    ...createCollaboratorMethods(context),
  };
}
