import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { withGitHubRequestPolicy } from "../../src/github/github-request-policy.js";
import type { FakeGitHub } from "./fake-github.js";

/**
 * ProbotOctokit with Octokit's throttling and retry plugins switched off, for tests.
 *
 * It must be the function form of `defaults`: Probot merges its own `throttle` options (without
 * `enabled`) over an object given to `ProbotOctokit.defaults({ throttle: { enabled: false } })`,
 * which turns throttling back on (retry does stay off), so every write then waits 1–3 s in the
 * throttling plugin's queues. The function runs after Probot's merge and wins.
 */
export function createTestOctokit(
  options: { throttle?: boolean; retry?: boolean; timeoutMs?: number } = {},
) {
  const throttle = options.throttle ?? false;
  const retry = options.retry ?? false;
  // Nova's request policy (time limits, 401 token refresh), as src/main.ts adds it.
  return withGitHubRequestPolicy(
    ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
      ...instanceOptions,
      throttle: { ...(instanceOptions.throttle as object | undefined), enabled: throttle },
      retry: { ...(instanceOptions.retry as object | undefined), enabled: retry },
    })),
    options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {},
  );
}

let privateKey: string | undefined;

/** An RSA key for the app's JWT (the fake does not check signatures); generated once per run. */
export function getTestPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return privateKey;
}

export interface TestProbotOptions {
  /** The webhook secret (default `test-secret`). */
  secret?: string;
  /** Default `info`; lines go to `logs`, not the console. */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** Keep Octokit's throttling / retry plugins on (both off by default). */
  throttle?: boolean;
  retry?: boolean;
  /** Nova's per-request time limit (default 30 s). */
  timeoutMs?: number;
}

export interface TestProbot {
  probot: Probot;
  /** The webhook secret Probot verifies deliveries with. */
  secret: string;
  /** Log records as parsed JSON objects (`msg`, `level`, …), in order. */
  logs: Record<string, unknown>[];
}

/**
 * A Probot instance that talks to the fake: app id and slug from the fake, `baseUrl` the fake's
 * URL, a throwaway private key, logs in memory, throttling and retry off. Load the app with
 * `await probot.load(nova)` and feed events with `probot.receive({ id, name, payload })`, or
 * serve `probot.getNodeMiddleware()` and use `deliverWebhook` for signed HTTP deliveries.
 */
export function createTestProbot(fake: FakeGitHub, options: TestProbotOptions = {}): TestProbot {
  const logs: Record<string, unknown>[] = [];
  const log = pino(
    { level: options.logLevel ?? "info" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n")) {
          if (line.trim() !== "") logs.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    }),
  );
  const secret = options.secret ?? "test-secret";
  const probot = new Probot({
    appId: fake.state.app.id,
    privateKey: getTestPrivateKey(),
    secret,
    baseUrl: fake.url,
    log,
    Octokit: createTestOctokit({
      throttle: options.throttle,
      retry: options.retry,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
  });
  return { probot, secret, logs };
}
