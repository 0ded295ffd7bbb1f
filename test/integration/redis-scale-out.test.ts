/**
 * Scale-out on Redis: two Nova instances behind one fake GitHub share a real `redis-server`
 * (Debian's package; `.ci/run` installs it). The fake answers each request after a few
 * milliseconds, as a distant GitHub does, so the instances' work really overlaps; the control
 * cases show that without Redis the same traffic does race.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createRedisReplyLimiter } from "../../src/app/replicas/redis-reply-limiter.js";
import { STATUS_BRANCH } from "../../src/bot-pr/bot-pr-names.js";
import { reconcileTick } from "../../src/app/reconcile.js";
import {
  createLocalOnceClaims,
  createRedisOnceClaims,
} from "../../src/app/replicas/once-claims.js";
import { parseSectionMarker, parseTaskMarker } from "../../src/github/hidden-markers.js";
import { projectStoreOf } from "../fake-github/graphql/index.js";
import { FakeGitHub, type FakeRepo } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { startNovaServer } from "./start-nova-server.js";
import { buildReport, postReport } from "../ingest/uploads.js";
import { startNova } from "./start-nova.js";
import { Redis } from "ioredis";
import { findFreePort } from "../fake-github/find-free-port.js";
import { hasRedis, startRedis, type TestRedis } from "../app/replicas/start-redis.js";

const describeWithRedis = hasRedis ? describe : describe.skip;

/** Milliseconds the fake takes to answer: enough for two instances' reads to overlap. */
const LATENCY_MS = 10;

/** A Projects board of the organisation, by title (`create:` is added per test). */
const BOARD = "project:\n  owner: acme\n  title: DGX Spark Vorbereitung\n";

describeWithRedis("two instances sharing Redis", () => {
  let redis: TestRedis;
  let fake: FakeGitHub;

  beforeAll(async () => {
    redis = await startRedis();
    fake = await FakeGitHub.start();
  });

  afterAll(async () => {
    await fake?.close();
    redis?.stop();
  });

  const seed = (name: string): FakeRepo => {
    fake.reset();
    fake.setLatency(LATENCY_MS);
    return fake.seedRepo({
      owner: "acme",
      name,
      installationId: 42,
      files: { "README.md": "x\n" },
    });
  };
  const issuesCreated = () =>
    fake.requests.filter((request) => request.method === "POST" && /\/issues$/.test(request.path));
  const commentsPosted = () =>
    fake.requests.filter(
      (request) => request.method === "POST" && /\/issues\/\d+\/comments$/.test(request.path),
    );
  /** One per sync run: a push sync reads the default branch's head exactly once. */
  const syncRuns = (repo: string) =>
    fake.requests.filter(
      (request) =>
        request.method === "GET" && request.path === `/repos/acme/${repo}/git/ref/heads/main`,
    ).length;

  async function pushFourTimes(shared: boolean, repoName: string): Promise<FakeRepo> {
    const repo = seed(repoName);
    const one = await startNova(fake, shared ? { redis: redis.connect() } : {});
    const two = await startNova(fake, shared ? { redis: redis.connect() } : {});
    const push = repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } });
    await Promise.all([
      one.receive({ id: "a", name: "push", payload: push }),
      two.receive({ id: "b", name: "push", payload: push }),
      one.receive({ id: "c", name: "push", payload: push }),
      two.receive({ id: "d", name: "push", payload: push }),
    ]);
    return repo;
  }

  it("concurrent pushes to both instances: one sync at a time, exactly 20 task and 6 section issues", async () => {
    const repo = await pushFourTimes(true, "dgx");
    expect(issuesCreated()).toHaveLength(26);
    const bodies = (repo.issues() as Array<{ body: string; number: number }>).map((issue) => issue);
    const markers = bodies.map((issue) => parseTaskMarker(issue.body)).filter(Boolean);
    expect(new Set(markers).size).toBe(20);
    const sections = bodies.filter((issue) => parseSectionMarker(issue.body) !== null);
    expect(sections).toHaveLength(6);
    // No sub-issue link twice: each task is in exactly one section, once.
    const children = sections.flatMap((section) => repo.subIssueNumbers(section.number));
    expect(children).toHaveLength(20);
    expect(new Set(children).size).toBe(20);
    expect(
      fake.requests.filter(
        (request) => request.method === "POST" && /sub_issues$/.test(request.path),
      ),
    ).toHaveLength(20);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis the same pushes race and duplicate issues (why REDIS_URL is needed)", async () => {
    await pushFourTimes(false, "dgx-alone");
    expect(issuesCreated().length).toBeGreaterThan(20);
  });

  it("a burst of pushes spread over both instances syncs once (the shared queue)", async () => {
    const repo = seed("dgx-burst");
    const client = redis.connect();
    const one = await startNova(fake, { redis: redis.connect() });
    const two = await startNova(fake, { redis: redis.connect() });
    const push = repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } });
    // Hold the repository's lock, as a running sync would, while the burst arrives.
    await client.set("nova:lock:sync:acme/dgx-burst", "a-running-sync", "PX", 60_000);
    const delivered = Promise.all([
      one.receive({ id: "a", name: "push", payload: push }),
      two.receive({ id: "b", name: "push", payload: push }),
      one.receive({ id: "c", name: "push", payload: push }),
      two.receive({ id: "d", name: "push", payload: push }),
    ]);
    for (let waited = 0; ; waited += 10) {
      const issued = await client.hget("nova:sync-tickets:acme/dgx-burst", "issued");
      if (issued === "4") break;
      if (waited > 5000) throw new Error(`only ${issued} of 4 requests were queued`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await client.del("nova:lock:sync:acme/dgx-burst");
    await delivered;
    expect(syncRuns("dgx-burst")).toBe(1);
    expect(issuesCreated()).toHaveLength(26);
    expect(fake.violations).toEqual([]);
  });

  async function uploadToBoth(shared: boolean, repoName: string) {
    const repo = seed(repoName);
    const one = await startNovaServer(fake, shared ? { redis: redis.connect() } : {});
    const two = await startNovaServer(fake, shared ? { redis: redis.connect() } : {});
    try {
      const push = repo.pushCommit({
        files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") },
      });
      // Both instances sync once first, so both hold a token and know the bot: they then
      // take the same steps at the same pace.
      await one.deliver("push", push);
      await two.deliver("push", push);
      const repository = `acme/${repoName}`;
      const body = JSON.stringify(buildReport({ repository }));
      // Several at once on each instance, so the two really overlap.
      return await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          postReport(i % 2 === 0 ? one.url : two.url, body, { repository }),
        ),
      );
    } finally {
      await one.close();
      await two.close();
    }
  }

  it("the same upload sent to both instances at once gives one comment", async () => {
    const answers = await uploadToBoth(true, "dgx-upload");
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);
    expect(commentsPosted()).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis the same uploads race and post twice", async () => {
    await uploadToBoth(false, "dgx-upload-alone");
    expect(commentsPosted().length).toBeGreaterThan(1);
  });

  it("an upload one instance published is answered by the other from Redis, without reading comments", async () => {
    const repo = seed("dgx-retry");
    const one = await startNovaServer(fake, { redis: redis.connect() });
    const two = await startNovaServer(fake, { redis: redis.connect() });
    try {
      await one.deliver(
        "push",
        repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } }),
      );
      const body = JSON.stringify(buildReport({ repository: "acme/dgx-retry" }));
      const first = await postReport(one.url, body, { repository: "acme/dgx-retry" });
      expect(first.status).toBe(201);
      const seen = fake.requests.length;
      const again = await postReport(two.url, body, { repository: "acme/dgx-retry" });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: "duplicate", commentUrl: first.body.commentUrl });
      const later = fake.requests.slice(seen).map((request) => `${request.method} ${request.path}`);
      expect(later.filter((line) => /comments|check-runs/.test(line))).toEqual([]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  async function commandToBoth(shared: boolean, repoName: string) {
    const repo = seed(repoName);
    const one = await startNova(fake, shared ? { redis: redis.connect() } : {});
    const two = await startNova(fake, shared ? { redis: redis.connect() } : {});
    const push = repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } });
    // Both sync once first, so both hold a token and know the bot: then they keep pace.
    await one.receive({ id: "p1", name: "push", payload: push });
    await two.receive({ id: "p2", name: "push", payload: push });
    const question = repo.addIssue({ title: "Wie weit sind wir?" }) as { number: number };
    const comment = repo.addComment(question.number, "/nova progress", { by: "alice" });
    const mark = fake.requests.length;
    // One delivery that GitHub redelivers while the first is still being answered: the load
    // balancer sends the two to different replicas.
    await Promise.all([
      one.receive({ id: "delivery", name: "issue_comment", payload: comment }),
      two.receive({ id: "delivery", name: "issue_comment", payload: comment }),
    ]);
    return fake.requests
      .slice(mark)
      .filter(
        (request) =>
          request.method === "POST" &&
          request.path === `/repos/acme/${repoName}/issues/${question.number}/comments`,
      ).length;
  }

  it("a command delivered to both instances at once is answered once", async () => {
    expect(await commandToBoth(true, "dgx-command")).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis both instances answer the same command", async () => {
    expect(await commandToBoth(false, "dgx-command-alone")).toBe(2);
  });

  it("/readyz asks Redis too: 503 with the reason while Redis cannot be reached", async () => {
    seed("dgx-ready");
    const live = await startNovaServer(fake, { redis: redis.connect() });
    // A client for a port where no Redis listens, failing at once instead of queueing.
    const deadPort = await findFreePort();
    const dead = new Redis(`redis://127.0.0.1:${deadPort}`, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    const cut = await startNovaServer(fake, { redis: dead });
    try {
      const ready = await fetch(`${live.url}/readyz`);
      expect(ready.status).toBe(200);
      const notReady = await fetch(`${cut.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: "not ready",
        reason: expect.stringMatching(/^Redis could not be asked: /) as unknown as string,
      });
    } finally {
      await live.close();
      await cut.close();
      dead.disconnect();
    }
  });

  async function boardRace(shared: boolean, repoName: string) {
    fake.reset();
    fake.setLatency(LATENCY_MS);
    const repo = fake.seedRepo({
      owner: "acme",
      name: repoName,
      installationId: 42,
      ownerType: "Organization",
      files: { "README.md": "x\n" },
    });
    const one = await startNovaServer(fake, shared ? { redis: redis.connect() } : {});
    const two = await startNovaServer(fake, shared ? { redis: redis.connect() } : {});
    try {
      // The tasks become issues; the board is configured but may not be created yet. Both
      // replicas sync once, so both keep the same pace after.
      const first = repo.pushCommit({
        files: {
          "docs/dgx-spark-plan.md": loadChecklist("bundled"),
          ".github/nova.yml": `${BOARD}  create: false\n`,
        },
      });
      await one.deliver("push", first);
      await two.deliver("push", first);
      // The board is switched on by a push GitHub never delivered; then a task is closed.
      repo.pushCommit({
        files: {
          ".github/nova.yml":
            "project:\n  owner: acme\n  title: DGX Spark Vorbereitung\n  create: true\n",
        },
      });
      const task = (repo.issues() as Array<{ number: number; body: string }>).find(
        (issue) => parseTaskMarker(issue.body) !== null,
      )!;
      const closed = repo.closeIssue(task.number, { by: "alice" });
      await Promise.all([one.deliver("issues", closed), two.deliver("issues", closed)]);
      return projectStoreOf(fake.state).projects;
    } finally {
      await one.close();
      await two.close();
    }
  }

  it("a board switched on while both replicas handle events is created once", async () => {
    const projects = await boardRace(true, "dgx-board");
    expect(projects.length).toBe(1);
    const names = projects[0]!.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis both replicas create the board", async () => {
    expect((await boardRace(false, "dgx-board-alone")).length).toBeGreaterThan(1);
  });

  async function scheduledReports(shared: boolean, repoName: string): Promise<number> {
    const repo = seed(repoName);
    // Monday 06:00 in Berlin: the default schedule (`0 6 * * 1-5`) is due.
    const now = () => Date.parse("2025-01-06T05:00:00Z");
    const start = () =>
      startNova(fake, {
        now,
        statusSchedule: false,
        ...(shared ? { redis: redis.connect() } : {}),
      });
    const one = await start();
    const two = await start();
    const push = repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } });
    // Both replicas synced the repository, so both know its schedule.
    await one.receive({ id: "p1", name: "push", payload: push });
    await two.receive({ id: "p2", name: "push", payload: push });
    const mark = fake.requests.length;
    await Promise.all([one, two].map((nova) => nova.botPrs.tick()));
    // Each status report run reads the configuration once, and nothing else here does.
    return fake.requests
      .slice(mark)
      .filter(
        (request) =>
          request.method === "GET" &&
          request.path === `/repos/acme/${repoName}/contents/.github/nova.yml`,
      ).length;
  }

  it("a scheduled status report runs on one replica only", async () => {
    expect(await scheduledReports(true, "dgx-report")).toBe(1);
    const pulls = (fake.repo("acme/dgx-report").pulls() as Array<{ head: { ref: string } }>).filter(
      (pull) => pull.head.ref === STATUS_BRANCH,
    );
    expect(pulls).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis every replica runs the scheduled report", async () => {
    expect(await scheduledReports(false, "dgx-report-alone")).toBe(2);
  });

  async function reconcilePasses(shared: boolean, repoName: string): Promise<number> {
    seed(repoName);
    const one = await startNova(fake);
    const two = await startNova(fake);
    const claims = () =>
      shared ? createRedisOnceClaims(redis.connect()) : createLocalOnceClaims();
    const now = () => Date.parse(`2025-01-06T0${shared ? 1 : 2}:00:00Z`); // a window per case
    const queued = await Promise.all(
      [one, two].map((nova) =>
        reconcileTick({ ...nova, log: nova.probot.log, once: claims(), now }),
      ),
    );
    await Promise.all([one.settled(), two.settled()]);
    expect(queued.filter((count) => count !== null).length).toBe(
      fake.requests.filter((request) => request.path === "/app/installations").length,
    );
    return queued.filter((count) => count !== null).length;
  }

  it("the periodic reconcile runs on one replica per window", async () => {
    expect(await reconcilePasses(true, "dgx-reconcile")).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it("control: without Redis every replica runs the reconcile pass", async () => {
    expect(await reconcilePasses(false, "dgx-reconcile-alone")).toBe(2);
  });

  it("the spam guard counts one person's replies across instances", async () => {
    const first = createRedisReplyLimiter(redis.connect());
    const second = createRedisReplyLimiter(redis.connect());
    const now = Date.now();
    const taken = [
      await first.tryTake("acme/dgx#7:alice", 2, 600_000, now),
      await second.tryTake("acme/dgx#7:alice", 2, 600_000, now + 1),
      await first.tryTake("acme/dgx#7:alice", 2, 600_000, now + 2),
      await second.tryTake("acme/dgx#7:bob", 2, 600_000, now + 3),
    ];
    expect(taken.map((take) => take.allowed)).toEqual([true, true, false, true]);
    expect(taken[2]).toEqual({ allowed: false, resetAt: now + 600_000, notify: true });
    // Only one replica tells the person; the others only react.
    expect(await second.tryTake("acme/dgx#7:alice", 2, 600_000, now + 5)).toEqual({
      allowed: false,
      resetAt: now + 600_000,
      notify: false,
    });
    // After the window the person may ask again.
    expect((await second.tryTake("acme/dgx#7:alice", 2, 600_000, now + 600_003)).allowed).toBe(
      true,
    );
  });
});
