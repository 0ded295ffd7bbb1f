/** Probot's fallback webhook secret when WEBHOOK_SECRET is unset (probot/lib/server/server.js). */
export const PROBOT_DEFAULT_WEBHOOK_SECRET = "development";

/** The runner secret's minimum: HMAC-SHA256 keys shorter than its block output add no strength. */
export const MIN_RUNNER_SECRET_BYTES = 32;

const RUNNER_SECRETS = ["NOVA_RUNNER_SECRET", "NOVA_RUNNER_SECRET_PREVIOUS"] as const;

export interface StartupProblem {
  variable: string;
  message: string;
}

/**
 * What stops Nova from starting in production (`NODE_ENV=production`); outside production the
 * same findings are only warnings. Pure: the environment in, problems out. Never repeats a
 * secret's value, only its length.
 *
 * - WEBHOOK_SECRET must be set, and not Probot's fallback `development`: anyone could sign
 *   webhooks with that.
 * - NOVA_RUNNER_SECRET (and _PREVIOUS during a rotation), when set, must be at least 32 bytes
 *   (docs/runner-protocol.md): every repository's runner key is derived from it.
 */
export function findStartupProblems(
  env: Readonly<Record<string, string | undefined>>,
): StartupProblem[] {
  const problems: StartupProblem[] = [];
  const secret = env.WEBHOOK_SECRET;
  if (secret === undefined || secret.trim() === "") {
    problems.push({
      variable: "WEBHOOK_SECRET",
      message:
        "WEBHOOK_SECRET is not set, so Probot would accept webhooks signed with its public default " +
        `"${PROBOT_DEFAULT_WEBHOOK_SECRET}". Set it to the app's webhook secret (GitHub → app settings → Webhook secret).`,
    });
  } else if (secret === PROBOT_DEFAULT_WEBHOOK_SECRET) {
    problems.push({
      variable: "WEBHOOK_SECRET",
      message: `WEBHOOK_SECRET is Probot's public default "${PROBOT_DEFAULT_WEBHOOK_SECRET}". Set a random secret (e.g. openssl rand -hex 32) here and in the app's settings.`,
    });
  }
  for (const name of RUNNER_SECRETS) {
    const value = env[name];
    if (value === undefined) continue;
    const bytes = Buffer.byteLength(value, "utf8");
    if (bytes < MIN_RUNNER_SECRET_BYTES) {
      problems.push({
        variable: name,
        message: `${name} has ${bytes} bytes; it needs at least ${MIN_RUNNER_SECRET_BYTES} (e.g. openssl rand -hex 32), or leave it unset to turn runner uploads off.`,
      });
    }
  }
  return problems;
}

/** Whether Nova runs in production, as Probot decides it. */
export function isProduction(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NODE_ENV === "production";
}

/** The refusal as printed on stderr: one line per problem. */
export function renderStartupProblems(problems: readonly StartupProblem[]): string {
  return `${[
    "nova: refusing to start in production (NODE_ENV=production):",
    ...problems.map((problem) => `  - ${problem.message}`),
  ].join("\n")}\n`;
}
