import type { InstallationLookup } from "./github-api.js";
import { toGitHubError } from "./github-error.js";
import { orNotFound, type Octokit } from "./rest-context.js";
import { retrySecondaryLimit, type SecondaryRetryOptions } from "./retry-secondary-limit.js";

/**
 * The installation lookup over the app's own client (`app.auth()`, authenticated with the app's
 * JWT). `GET /repos/{owner}/{repo}/installation` answers 404 when the app is not installed on the
 * repository, or the repository does not exist; both are "not installed" here.
 * https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app
 */
export function createOctokitInstallationLookup(
  appOctokit: Octokit,
  retry: SecondaryRetryOptions,
): InstallationLookup {
  const call = <T>(request: () => Promise<T>): Promise<T> => retrySecondaryLimit(request, retry);
  return {
    async findRepoInstallation(repo) {
      const answer = await orNotFound(call, () =>
        appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo }),
      );
      return answer === null ? null : answer.data.id;
    },
  };
}

/**
 * The login of the account a token belongs to (`GET /user`); null for a token without a user
 * (an installation token, such as Actions' GITHUB_TOKEN, gets 403 there). Other failures throw
 * `GitHubError`.
 */
export async function findAuthenticatedLogin(octokit: Octokit): Promise<string | null> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const failure = toGitHubError(error);
    if (failure.status === 403) return null;
    throw failure;
  }
}
