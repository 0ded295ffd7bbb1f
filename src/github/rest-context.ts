import type { Octokit } from "./octokit-client.js";
import { toGitHubError } from "./github-error.js";
import type { RepoRef } from "./vocabulary.js";

export type { Octokit };

/** Runs one request with the secondary-limit retry around it; failures leave as `GitHubError`. */
export type Call = <T>(request: () => Promise<T>) => Promise<T>;

/** What every REST adapter part works with: the client, the repository and the retry wrapper. */
export interface RestContext {
  octokit: Octokit;
  repo: RepoRef;
  call: Call;
}

/** Runs a request through `call`; GitHub's 404 is the answer null, any other failure is thrown. */
export async function orNotFound<T>(call: Call, request: () => Promise<T>): Promise<T | null> {
  try {
    return await call(request);
  } catch (error) {
    const failure = toGitHubError(error);
    if (failure.kind === "not-found") return null;
    throw failure;
  }
}

/**
 * Runs a request through `call` whose 422 answer matching `refusal` means "already so" (a label
 * of that name, a relation a concurrent run made): true when it was done now, false when it
 * already was.
 */
export async function unlessAlready(
  call: Call,
  refusal: (failure: ReturnType<typeof toGitHubError>) => boolean,
  request: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await call(request);
    return true;
  } catch (error) {
    const failure = toGitHubError(error);
    if (refusal(failure)) return false;
    throw failure;
  }
}
