import { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/github-port.js";
import { createOctokitBotPrPort } from "../github/octokit-bot-pr-port.js";
import { createOctokitPort } from "../github/octokit-port.js";
import { toGitHubError } from "../github/github-error.js";
import { withGitHubRequestPolicy } from "../github/github-request-policy.js";
import { CliSetupError, type CliIo } from "./cli-io.js";
import { sayEach } from "../render/i18n.js";

/** The login GitHub gives Actions' GITHUB_TOKEN, which cannot read GET /user. */
const ACTIONS_BOT = "github-actions[bot]";

/**
 * Connects `nova sync` and `nova report` to GitHub with the token in `GITHUB_TOKEN` (`GITHUB_API_URL` for GitHub
 * Enterprise, as GitHub Actions sets it). Probot's Octokit brings throttling and retry.
 */
export function createConnectGitHub(env: NodeJS.ProcessEnv): CliIo["connectGitHub"] {
  return async (repo: RepoRef, botLogin: string | undefined) => {
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token) {
      throw new CliSetupError(sayEach("cli.setup.noToken"));
    }
    // The same time limit per request as the server (src/github/github-request-policy.ts).
    const NovaOctokit = withGitHubRequestPolicy(ProbotOctokit);
    const octokit = new NovaOctokit({
      auth: { token },
      baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    const retry = {
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };
    const port = createOctokitPort(octokit, repo, retry);
    const pulls = createOctokitBotPrPort(octokit, repo, retry);
    if (botLogin) return { port, botLogin, pulls };
    try {
      const { data } = await octokit.rest.users.getAuthenticated();
      return { port, botLogin: data.login, pulls };
    } catch (error) {
      // An installation token (Actions) has no user; its issues are authored by the Actions bot.
      if (toGitHubError(error).status === 403) return { port, botLogin: ACTIONS_BOT, pulls };
      throw toGitHubError(error);
    }
  };
}
