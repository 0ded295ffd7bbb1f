import type { CollaboratorApi } from "./github-api.js";
import { sleep } from "../time/sleep.js";
import { toGitHubError } from "./github-error.js";
import type { RestContext } from "./rest-context.js";

/**
 * The permission check answers a person who waits for a reply: each attempt may take 1 s and
 * Probot's retry plugin is off for it (it would wait 1 + 4 + 9 s on a 5xx); one more attempt
 * after 300 ms, then Nova denies (fail closed) and says to try again, within 3 s in all.
 */
export const PERMISSION_ATTEMPT_MS = 1_000;
export const PERMISSION_RETRY_WAIT_MS = 300;

/** The commenter's permission, for slash commands. */
export function createCollaboratorMethods({ octokit, repo }: RestContext): CollaboratorApi {
  return {
    async getCollaboratorPermission(login) {
      const ask = () =>
        octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: login,
          request: { retries: 0, signal: AbortSignal.timeout(PERMISSION_ATTEMPT_MS) },
        });
      let answer: Awaited<ReturnType<typeof ask>>;
      try {
        answer = await ask();
      } catch (error) {
        const failure = toGitHubError(error);
        if (!(failure.kind === "unavailable" || failure.kind === "timeout")) throw failure;
        // A real pause (the port's `sleep` is for rate limits, which commands do not wait out).
        await sleep(PERMISSION_RETRY_WAIT_MS);
        answer = await ask().catch((again: unknown) => {
          throw toGitHubError(again);
        });
      }
      const { data } = answer;
      return { roleName: data.role_name ?? null, permission: data.permission ?? "none" };
    },
  };
}
