import { ProbotOctokit } from "probot";
import type { Octokit } from "../github/octokit-client.js";
import { withGitHubRequestPolicy } from "../github/github-request-policy.js";

/**
 * The CLI's GitHub client (`nova sync`, `nova report`): Probot's Octokit, so throttling and retry
 * apply as on the server, with the same time limit per request
 * (src/github/github-request-policy.ts), authenticated with a token. It lives here because only
 * src/app imports Probot; the CLI loads this module lazily, so its offline commands never do.
 */
export function createCliOctokit(options: { token: string; baseUrl: string }): Octokit {
  const NovaOctokit = withGitHubRequestPolicy(ProbotOctokit);
  return new NovaOctokit({
    auth: { token: options.token },
    baseUrl: options.baseUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
