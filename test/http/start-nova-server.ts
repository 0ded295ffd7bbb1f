import { findFreePort } from "../fake-github/find-free-port.js";
import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot, Server } from "probot";
import type { SyncService } from "../../src/app/sync-service.js";
import { createNova, type NovaOptions } from "../../src/index.js";
import { withGitHubRequestMetrics } from "../../src/ops/github-request-metrics.js";
import { createNovaMetrics, type NovaMetrics } from "../../src/ops/metrics.js";
import { createTestOctokit, getTestPrivateKey, type FakeGitHub } from "../fake-github/index.js";

export interface NovaServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  secret: string;
  metrics: NovaMetrics;
  service: SyncService;
  /** Log records as parsed JSON. */
  logs: Record<string, unknown>[];
  stop: () => Promise<void>;
}

/**
 * Nova as production runs it: Probot's own `Server` (webhook route, /ping, Nova's routes) on a
 * free loopback port, the Octokit class with request metrics, talking to the fake GitHub.
 * No reconcile timer and no real waiting, as in `startNova`.
 */
export async function startNovaServer(
  fake: FakeGitHub,
  options: NovaOptions = {},
): Promise<NovaServer> {
  const logs: Record<string, unknown>[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n")) {
          if (line.trim() !== "") logs.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    }),
  );
  const metrics = options.metrics ?? createNovaMetrics();
  const secret = "test-secret";
  const port = await findFreePort();
  const server = new Server({
    host: "127.0.0.1",
    port,
    log,
    Probot: Probot.defaults({
      appId: fake.state.app.id,
      privateKey: getTestPrivateKey(),
      secret,
      baseUrl: fake.url,
      log,
      Octokit: withGitHubRequestMetrics(createTestOctokit(), metrics),
    }),
  });
  let service: SyncService | undefined;
  await server.load(
    createNova({
      reconcile: false,
      sleep: () => Promise.resolve(),
      followUpDelayMs: 0,
      ...options,
      metrics,
      onReady: (ready) => {
        service = ready;
      },
    }),
  );
  await server.start();
  if (!service) throw new Error("Nova did not start its sync service");
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    metrics,
    service,
    logs,
    stop: () => server.stop(),
  };
}
