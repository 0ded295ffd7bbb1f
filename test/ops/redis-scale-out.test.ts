/**
 * Scale-out on Redis: two Nova instances behind one (fake) GitHub share a real `redis-server`
 * (Debian's package; `.ci/run` installs it). Concurrent pushes for one repository sync one at
 * a time and create no duplicate issue; one upload sent to both instances at once gives one
 * comment; the spam guard counts across instances.
 */
import { findFreePort } from "../fake-github/find-free-port.js";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { createRedisReplyLimiter } from "../../src/commands/redis-reply-limiter.js";
import { readTaskMarker } from "../../src/sync/task-marker.js";
import { FakeGitHub } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { startNovaServer } from "../ingest/start-nova-server.js";
import { buildReport, postReport } from "../ingest/uploads.js";
import { startNova } from "../integration/start-nova.js";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis) {
  console.warn(
    "SKIPPED: redis-server is not installed (apt-get install redis-server); .ci/run installs it.",
  );
}
const describeWithRedis = hasRedis ? describe : describe.skip;

describeWithRedis("two instances sharing Redis", () => {
  let server: ChildProcess;
  let url: string;
  let fake: FakeGitHub;
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(url, { maxRetriesPerRequest: 3 });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const port = await findFreePort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    // Wait until the server answers (it starts in a few milliseconds).
    for (let attempt = 0; ; attempt++) {
      const probe = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        break;
      } catch (error) {
        probe.disconnect();
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    fake = await FakeGitHub.start();
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await fake?.close();
    server?.kill();
  });

  it("concurrent pushes to both instances: one sync at a time, exactly 20 issues", async () => {
    fake.reset();
    const repo = fake.seedRepo({
      owner: "acme",
      name: "dgx",
      installationId: 42,
      files: { "README.md": "x\n" },
    });
    const one = await startNova(fake, { redis: connect() });
    const two = await startNova(fake, { redis: connect() });
    const push = repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } });
    await Promise.all([
      one.receive({ id: "a", name: "push", payload: push }),
      two.receive({ id: "b", name: "push", payload: push }),
      one.receive({ id: "c", name: "push", payload: push }),
      two.receive({ id: "d", name: "push", payload: push }),
    ]);
    const created = fake.requests.filter(
      (request) => request.method === "POST" && /\/issues$/.test(request.path),
    );
    expect(created).toHaveLength(20);
    const markers = (repo.issues() as Array<{ body: string }>).map((issue) =>
      readTaskMarker(issue.body),
    );
    expect(new Set(markers).size).toBe(20);
    expect(fake.violations).toEqual([]);
  });

  it("the same upload sent to both instances at once gives one comment", async () => {
    fake.reset();
    const repo = fake.seedRepo({
      owner: "acme",
      name: "dgx",
      installationId: 42,
      files: { "README.md": "x\n" },
    });
    const one = await startNovaServer(fake, { redis: connect() });
    const two = await startNovaServer(fake, { redis: connect() });
    try {
      await one.deliver(
        "push",
        repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } }),
      );
      const body = JSON.stringify(buildReport());
      // Several at once on each instance, so the two really overlap.
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => postReport(i % 2 === 0 ? one.url : two.url, body)),
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);
      const comments = fake.requests.filter(
        (request) => request.method === "POST" && /\/issues\/\d+\/comments$/.test(request.path),
      );
      expect(comments).toHaveLength(1);
      expect(fake.violations).toEqual([]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("the spam guard counts one person's replies across instances", async () => {
    const first = createRedisReplyLimiter(connect());
    const second = createRedisReplyLimiter(connect());
    const now = Date.now();
    const taken = [
      await first.tryTake("acme/dgx#7:alice", 2, 600_000, now),
      await second.tryTake("acme/dgx#7:alice", 2, 600_000, now + 1),
      await first.tryTake("acme/dgx#7:alice", 2, 600_000, now + 2),
      await second.tryTake("acme/dgx#7:bob", 2, 600_000, now + 3),
    ];
    expect(taken).toEqual([true, true, false, true]);
    // After the window the person may ask again.
    expect(await second.tryTake("acme/dgx#7:alice", 2, 600_000, now + 600_003)).toBe(true);
  });
});
