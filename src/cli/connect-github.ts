import type { RepoRef } from "../github/vocabulary.js";
import { findAuthenticatedLogin } from "../github/octokit-identity.js";
import { createOctokitPort } from "../github/octokit-port.js";
import { sleep } from "../time/sleep.js";
import { CliSetupError, type CliIo } from "./cli-io.js";
import { sayEach } from "../render/i18n.js";

/** The login GitHub gives Actions' GITHUB_TOKEN, which cannot read GET /user. */
const ACTIONS_BOT = "github-actions[bot]";

/**
 * Connects `nova sync` and `nova report` to GitHub with the token in `GITHUB_TOKEN` (`GITHUB_API_URL` for GitHub
 * Enterprise, as GitHub Actions sets it). The client is Probot's Octokit, with throttling and retry
 * (src/app/create-cli-octokit.ts).
 */
export function createConnectGitHub(env: NodeJS.ProcessEnv): CliIo["connectGitHub"] {
  return async (repo: RepoRef, botLogin: string | undefined) => {
    // Probot (in src/app) is loaded only by the commands that reach GitHub.
    const { createCliOctokit } = await import("../app/create-cli-octokit.js");
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token) {
      throw new CliSetupError(sayEach("cli.setup.noToken"));
    }
    const octokit = createCliOctokit({
      token,
      baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    });
    const retry = { sleep };
    const port = createOctokitPort(octokit, repo, retry);
    if (botLogin) return { port, botLogin, pulls: port };
    // An installation token (Actions) has no user; its issues are authored by the Actions bot.
    return { port, botLogin: (await findAuthenticatedLogin(octokit)) ?? ACTIONS_BOT, pulls: port };
  };
}
