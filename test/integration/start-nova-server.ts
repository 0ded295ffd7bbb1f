import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot, Server } from "probot";
import type { RunnerEndpointOptions } from "../../src/app/runner-endpoint.js";
import type { IngestService } from "../../src/app/workers/ingest-service.js";
import { createNova, type NovaOptions, type NovaServices } from "../../src/index.js";
import { withGitHubRequestMetrics } from "../../src/app/ops/github-request-metrics.js";
import { createNovaMetrics, type NovaMetrics } from "../../src/app/ops/metrics.js";
import { findFreePort } from "../fake-github/find-free-port.js";
import { TEST_NOVA_OPTIONS } from "./start-nova.js";
import {
  createTestOctokit,
  deliverWebhook,
  getTestPrivateKey,
  type FakeGitHub,
  type WebhookName,
  type WebhookPayload,
} from "../fake-github/index.js";

/** The runner endpoint's secret in these tests: ≥ 32 bytes, as the protocol requires. */
export const RUNNER_SECRET = "nova-ingest-test-secret-0123456789abcdef";
export const PREVIOUS_SECRET = "nova-ingest-previous-secret-0123456789abc";
const WEBHOOK_SECRET = "test-secret";

export interface NovaServer extends Omit<NovaServices, "ingest"> {
  /** `http://127.0.0.1:<port>`: NOVA_URL for the runner. */
  url: string;
  /** The webhook secret, for tests that sign deliveries themselves. */
  secret: string;
  /** Log records as parsed JSON. */
  logs: Record<string, unknown>[];
  metrics: NovaMetrics;
  /** The runner upload endpoint's service. */
  ingest: IngestService;
  /** Delivers a signed webhook over HTTP and waits until everything it caused has finished. */
  deliver<N extends WebhookName>(name: N, payload: WebhookPayload<N>): Promise<void>;
  close(): Promise<void>;
}

export type NovaServerOptions = NovaOptions & {
  runnerEndpoint?: RunnerEndpointOptions;
  /** Octokit's retry plugin on, as in production (off by default, as in `createTestProbot`). */
  retry?: boolean;
  /** Nova's per-request time limit (default 30 s). */
  timeoutMs?: number;
};

let deliveries = 0;

/**
 * Nova as production runs it: Probot's own `Server` (webhook route, /ping, Nova's routes, the
 * runner upload endpoint with the test secret) on a free loopback port, the Octokit class with
 * request metrics, talking to the fake GitHub. No reconcile timer and no real waiting
 * (`TEST_NOVA_OPTIONS`, as in `startNova`).
 */
export async function startNovaServer(
  fake: FakeGitHub,
  options: NovaServerOptions = {},
): Promise<NovaServer> {
  const { retry, timeoutMs, ...novaOptions } = options;
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
  const port = await findFreePort();
  const server = new Server({
    host: "127.0.0.1",
    port,
    log,
    Probot: Probot.defaults({
      appId: fake.state.app.id,
      privateKey: getTestPrivateKey(),
      secret: WEBHOOK_SECRET,
      baseUrl: fake.url,
      log,
      Octokit: withGitHubRequestMetrics(
        createTestOctokit({ retry: retry ?? false, ...(timeoutMs ? { timeoutMs } : {}) }),
        metrics,
      ),
    }),
  });
  const nova = createNova({
    ...TEST_NOVA_OPTIONS,
    ...novaOptions,
    metrics,
    runnerEndpoint: {
      secret: RUNNER_SECRET,
      previousSecret: null,
      duplicateWaitMs: 5_000,
      ...novaOptions.runnerEndpoint,
    },
  });
  await server.load(nova);
  const services = nova.services;
  const ingest = services.ingest;
  if (!ingest) throw new Error("Nova did not start its runner endpoint");
  await server.start();
  const url = `http://127.0.0.1:${port}`;
  return {
    ...services,
    ingest,
    url,
    secret: WEBHOOK_SECRET,
    logs,
    metrics,
    async deliver(name, payload) {
      const status = await deliverWebhook(
        `${url}/api/github/webhooks`,
        WEBHOOK_SECRET,
        name,
        payload,
        { id: `delivery-${++deliveries}` },
      );
      if (status >= 300) throw new Error(`webhook ${name} answered ${status}`);
      await services.settled();
    },
    close: () => server.stop(),
  };
}
