import { describe, expect, it } from "@jest/globals";
import { deliverWebhook, FakeGitHub } from "../../fake-github/index.js";
import { startNovaServer } from "../../integration/start-nova-server.js";
import { overHttp, useNovaWorld } from "../../integration/use-nova-world.js";

const PLAN = "docs/dgx-spark-plan.md";
const CHECKLIST = `# DGX Spark

## Hardware

- [x] Order the DGX Spark
- [ ] Install the NVIDIA driver
- [ ] Run the CUDA samples
`;

const world = useNovaWorld({ repo: { files: {} }, nova: overHttp() });

/** The value of one sample line in Prometheus' text format, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").split(/,(?=[a-zA-Z_]\w*=")/);
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe("/healthz", () => {
  it("answers 200 while the process is up, even when GitHub is down", async () => {
    world.fake.failNext({ method: "GET", path: /^\/app$/, status: 500, times: 5 });
    const response = await fetch(`${world.nova.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(world.fake.requests.filter((request) => request.path === "/app")).toEqual([]);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(`${world.nova.url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(`${world.nova.url}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("/readyz", () => {
  it("is ready when an app JWT is accepted by GitHub (GET /app)", async () => {
    const response = await fetch(`${world.nova.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    const asked = world.fake.requests.filter((request) => request.path === "/app");
    expect(asked).toHaveLength(1);
    expect(asked[0]?.actor).toBe("app");
    expect(world.fake.violations).toEqual([]);
  });

  it("answers 503 with the reason when GitHub refuses, and reuses a result for a while", async () => {
    world.fake.failNext({ method: "GET", path: /^\/app$/, status: 401 });
    const first = await fetch(`${world.nova.url}/readyz`);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({
      status: "not ready",
      reason: "GitHub answered 401 to GET /app",
    });
    // Within the cache window the probe costs GitHub nothing.
    expect((await fetch(`${world.nova.url}/readyz`)).status).toBe(503);
    expect(world.fake.requests.filter((request) => request.path === "/app")).toHaveLength(1);
  });

  it("answers 503 when GitHub cannot be reached", async () => {
    const unreachable = await FakeGitHub.start();
    await unreachable.close();
    const other = await startNovaServer(unreachable);
    try {
      const response = await fetch(`${other.url}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { reason: string };
      expect(body.reason).toMatch(/^GitHub could not be asked: /);
    } finally {
      await other.close();
    }
  });
});

describe("/metrics", () => {
  it("counts the webhook, GitHub's requests and the sync's writes after a push", async () => {
    const push = world.repo.pushCommit({ files: { [PLAN]: CHECKLIST } });
    const status = await deliverWebhook(
      `${world.nova.url}/api/github/webhooks`,
      world.nova.secret,
      "push",
      push,
      {
        id: "delivery-1",
      },
    );
    expect(status).toBe(200);
    await world.nova.sync.settled();
    expect(world.repo.issues()).toHaveLength(4); // 3 tasks and their section's issue
    expect(world.fake.violations).toEqual([]);

    const response = await fetch(`${world.nova.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(sample(text, "nova_webhook_events_total", { event: "push", outcome: "handled" })).toBe(
      1,
    );
    expect(sample(text, "nova_webhook_handler_duration_seconds_count", { event: "push" })).toBe(1);
    const issueCreates = sample(text, "nova_github_requests_total", {
      method: "POST",
      route: "/repos/{owner}/{repo}/issues",
      status: "201",
    });
    expect(issueCreates).toBe(4);
    expect(
      sample(text, "nova_github_requests_total", {
        method: "POST",
        route: "/app/installations/{installation_id}/access_tokens",
        status: "201",
      }),
    ).toBeGreaterThanOrEqual(1);
    const writes = world.fake
      .writes()
      .filter((request) => !request.path.startsWith("/app/")).length;
    expect(sample(text, "nova_sync_writes_total")).toBeGreaterThanOrEqual(3);
    expect(sample(text, "nova_sync_writes_total")).toBeLessThanOrEqual(writes);
    expect(
      sample(text, "nova_github_rate_limit_remaining", { resource: "core", installation: "42" }),
    ).toBe(4999);
    expect(sample(text, "nova_sync_queue_depth")).toBe(0);
    // Declared before any upload arrives, so dashboards and alerts find the series.
    expect(text).toContain("# TYPE nova_runner_reports_total counter");
  });

  it("requires the bearer token when one is configured", async () => {
    const guarded = await startNovaServer(world.fake, { metricsToken: "s3cret-metrics-token" });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: "Bearer nope" },
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: "Bearer s3cret-metrics-token" },
      });
      expect(right.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
