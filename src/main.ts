/**
 * Nova's server entry (`npm start`, the Docker image): `node lib/main.js`.
 *
 * What it adds to `probot run ./lib/index.js`:
 * - startup safety: in production it refuses to start without a real WEBHOOK_SECRET or with a
 *   runner secret shorter than 32 bytes (src/app/ops/startup-checks.ts), exit code 1;
 * - a logger that redacts credentials (src/app/ops/create-log.ts);
 * - a time limit on every GitHub request (30 s, `NOVA_GITHUB_TIMEOUT_SECONDS`) and a token refresh
 *   on a 401 (src/github/github-request-policy.ts);
 * - metrics on every GitHub request (the Octokit class Probot builds its clients from) and the
 *   Node.js process metrics on `/metrics`;
 * - a graceful SIGTERM: stop taking webhooks, let running syncs finish (at most 25 s).
 *
 * Everything else is Probot's `run()`: the same environment variables (docs/setup.md), `.env`,
 * and setup mode when APP_ID is missing outside production.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { ProbotOctokit, run, type Server } from "probot";
import { Redis } from "ioredis";
import { createNova } from "./index.js";
import { sleepInBackground } from "./time/sleep.js";
import { createNovaLog } from "./app/ops/create-log.js";
import { withGitHubRequestMetrics } from "./app/ops/github-request-metrics.js";
import { withGitHubRequestPolicy } from "./github/github-request-policy.js";
import { createNovaMetrics } from "./app/ops/metrics.js";
import {
  findStartupProblems,
  isProduction,
  renderStartupProblems,
} from "./app/ops/startup-checks.js";

/** How long SIGTERM waits for running syncs; Docker's default stop timeout is 10 s, Kubernetes' 30 s. */
const SHUTDOWN_GRACE_MS = 25_000;

// Probot's run() copies .env over the environment (values in .env win); check what it will use.
const env = { ...process.env, ...readDotEnv(join(process.cwd(), ".env")) };
const problems = findStartupProblems(env);
if (problems.length > 0 && isProduction(env)) {
  process.stderr.write(renderStartupProblems(problems));
  process.exit(1);
}

const log = await createNovaLog({
  level: env.LOG_LEVEL,
  logFormat: env.LOG_FORMAT
    ? env.LOG_FORMAT === "pretty"
      ? "pretty"
      : "json"
    : isProduction(env)
      ? "json"
      : "pretty",
  logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
  logMessageKey: env.LOG_MESSAGE_KEY,
  sentryDsn: env.SENTRY_DSN,
});
for (const problem of problems) log.warn({ variable: problem.variable }, problem.message);

const metrics = createNovaMetrics({ processMetrics: true });
// Several replicas share locks, queue and counts through Redis (docs/operations.md, "Scaling").
const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
// ioredis reconnects on its own; without a listener it would print each failure to stderr.
redis?.on("error", (error: Error) => log.warn({ err: error }, "Redis: connection problem"));
const nova = createNova({
  metrics,
  ...(redis ? { redis } : {}),
  ...(env.NOVA_METRICS_TOKEN ? { metricsToken: env.NOVA_METRICS_TOKEN } : {}),
});
let server: Server;
try {
  server = await run(nova, {
    log,
    // Time limits and the 401 token refresh apply to every client Probot builds (docs/operations.md).
    Octokit: withGitHubRequestMetrics(
      withGitHubRequestPolicy(ProbotOctokit, readRequestPolicy(env)),
      metrics,
    ),
  });
} catch (error) {
  log.fatal({ err: error }, "Nova could not start");
  process.exit(1);
}

process.once("SIGTERM", () => {
  log.info("SIGTERM: no new webhooks; waiting for running syncs");
  const grace = sleepInBackground(SHUTDOWN_GRACE_MS);
  void (async () => {
    try {
      await server.stop();
      await Promise.race([nova.services.settled(), grace]);
      // Running syncs released their locks by now (or their time to live frees them).
      await redis?.quit().catch(() => undefined);
      log.info("stopped");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "error while stopping");
      process.exit(1);
    }
  })();
});

function readDotEnv(path: string): Record<string, string | undefined> {
  try {
    return parseEnv(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return {};
    throw error;
  }
}

/** `NOVA_GITHUB_TIMEOUT_SECONDS` (1–300), else the default 30 s. */
function readRequestPolicy(environment: Record<string, string | undefined>) {
  const seconds = Number(environment.NOVA_GITHUB_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 300
    ? { timeoutMs: seconds * 1000 }
    : {};
}
