/**
 * Who Nova is and where it is installed: the app's own requests, made with the app's JWT client
 * (`app.auth()`) or an installation's, and the CLI's `GET /user`. The app layer keeps the answers
 * (`src/app/app-identity.ts`); this module only asks.
 */
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

/** The app's bot login, `<slug>[bot]` (`GET /app`). */
export async function findBotLogin(appOctokit: Octokit): Promise<string> {
  const { data } = await appOctokit.rest.apps.getAuthenticated();
  if (!data?.slug) throw new Error("GitHub did not name the app (GET /app)");
  return `${data.slug}[bot]`;
}

/**
 * `GET /app` as a readiness probe: one attempt that `signal` ends. No retries: the probe's own
 * time limit is the whole budget (Probot's retry plugin would wait 1 + 4 + 9 s more after an
 * aborted attempt).
 */
export async function probeApp(appOctokit: Octokit, signal: AbortSignal): Promise<void> {
  await appOctokit.request("GET /app", { request: { signal, retries: 0 } });
}

/** An installation of the app, as far as Nova needs it. */
export interface AppInstallation {
  id: number;
  /** Suspended installations get no requests. */
  suspended: boolean;
}

/** Every installation of the app (`GET /app/installations`, all pages). */
export async function listAppInstallations(appOctokit: Octokit): Promise<AppInstallation[]> {
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
    per_page: 100,
  });
  return installations.map((installation) => ({
    id: installation.id,
    suspended: Boolean(installation.suspended_at),
  }));
}

/** A repository an installation can reach. */
export interface InstallationRepository {
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  htmlUrl: string;
}

/** Every repository an installation can reach (`GET /installation/repositories`, all pages). */
export async function listInstallationRepositories(
  octokit: Octokit,
): Promise<InstallationRepository[]> {
  const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repositories.map((repository) => ({
    owner: repository.owner.login,
    name: repository.name,
    fullName: repository.full_name,
    defaultBranch: repository.default_branch,
    htmlUrl: repository.html_url,
  }));
}
