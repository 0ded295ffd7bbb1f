import type { Probot } from "probot";
import {
  findBotLogin,
  listAppInstallations,
  listInstallationRepositories,
  probeApp,
  type InstallationRepository,
} from "../github/octokit-identity.js";
import type { Octokit } from "../github/octokit-port.js";

/**
 * Who Nova is on GitHub and where it is installed, in one place: the bot login every use-case
 * matches its own issues, comments and pull requests by, and the installations the reconcile
 * walks. The requests themselves are in `src/github/octokit-identity.ts`.
 */
export interface AppIdentity {
  /** The app's bot login, `<slug>[bot]`: asked once (`GET /app`), again only after a failure. */
  botLogin: () => Promise<string>;
  /**
   * Every repository of every installation that is not suspended, each with a client of its
   * installation (Probot's throttling and retry apply).
   */
  listInstalledRepositories: () => Promise<
    Array<{ octokit: Octokit; repository: InstallationRepository }>
  >;
  /** `GET /app` with the app's JWT, for `/readyz`: one attempt, ended by `signal`. */
  probe: (signal: AbortSignal) => Promise<void>;
}

export function createAppIdentity(app: Pick<Probot, "auth">): AppIdentity {
  let botLogin: Promise<string> | undefined;
  return {
    botLogin: () => {
      botLogin ??= (async () => findBotLogin(await app.auth()))().catch((error: unknown) => {
        botLogin = undefined; // try again next time
        throw error;
      });
      return botLogin;
    },
    listInstalledRepositories: async () => {
      const found: Array<{ octokit: Octokit; repository: InstallationRepository }> = [];
      for (const installation of await listAppInstallations(await app.auth())) {
        if (installation.suspended) continue;
        const octokit = await app.auth(installation.id);
        for (const repository of await listInstallationRepositories(octokit)) {
          found.push({ octokit, repository });
        }
      }
      return found;
    },
    probe: async (signal) => {
      await probeApp(await app.auth(), signal);
    },
  };
}
