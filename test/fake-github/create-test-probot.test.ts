import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { createTestProbot } from "./create-test-probot.js";
import { FakeGitHub } from "./fake-github.js";
import type { FakeRepo } from "./fake-repo.js";

/**
 * The real Probot against the fake: installation token, webhook context, reads and writes.
 * This is the set-up the integration tests of Nova's handlers use.
 */
describe("a Probot app against the fake GitHub", () => {
  let fake: FakeGitHub;
  let repo: FakeRepo;
  let probot: Probot;
  const failures: unknown[] = [];

  beforeAll(async () => {
    fake = await FakeGitHub.start();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.reset();
    failures.length = 0;
    repo = fake.seedRepo({
      owner: "acme",
      name: "plan",
      installationId: 42,
      files: { "tasks.txt": "eins\nzwei\ndrei\n" },
    });
    ({ probot } = createTestProbot(fake));
    // A toy app: one issue per line of tasks.txt on every push.
    await probot.load((app: Probot) => {
      app.on("push", async (context) => {
        try {
          const { data } = await context.octokit.rest.repos.getContent(
            context.repo({ path: "tasks.txt", ref: context.payload.after }),
          );
          if (Array.isArray(data) || data.type !== "file") return;
          const lines = Buffer.from(data.content, "base64")
            .toString("utf8")
            .split("\n")
            .filter(Boolean);
          for (const title of lines) {
            await context.octokit.rest.issues.create(context.repo({ title }));
          }
        } catch (error) {
          failures.push(error);
        }
      });
    });
  });

  it("authenticates as the installation and writes as the bot", async () => {
    const push = repo.pushCommit({ files: { "tasks.txt": "eins\nzwei\nvier\n" } });
    await probot.receive({ id: "1", name: "push", payload: push });
    expect(failures).toEqual([]);
    expect(fake.violations).toEqual([]);
    expect(
      repo.issues().map((issue) => [issue.title, (issue.user as { login: string }).login]),
    ).toEqual([
      ["eins", "nova-test[bot]"],
      ["zwei", "nova-test[bot]"],
      ["vier", "nova-test[bot]"],
    ]);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.actor}`)).toEqual([
      "POST /app/installations/42/access_tokens app",
      "GET /repos/acme/plan/contents/tasks.txt nova-test[bot]",
      "POST /repos/acme/plan/issues nova-test[bot]",
      "POST /repos/acme/plan/issues nova-test[bot]",
      "POST /repos/acme/plan/issues nova-test[bot]",
    ]);
  });

  it("has Octokit's retry off (one 502, no second attempt)", async () => {
    fake.failNext({ method: "GET", path: /\/contents\//, status: 502 });
    await probot.receive({
      id: "2",
      name: "push",
      payload: repo.pushCommit({ files: { "x.txt": "x" } }),
    });
    expect(failures).toHaveLength(1);
    expect(fake.requests.filter((r) => r.operationId === "repos/get-content")).toHaveLength(1);
  });

  it("has Octokit's throttling off (writes are not spaced 1–3 s apart)", async () => {
    const started = Date.now();
    await probot.receive({
      id: "3",
      name: "push",
      payload: repo.pushCommit({ files: { "x.txt": "x" } }),
    });
    expect(repo.issues()).toHaveLength(3);
    // Throttled, three issue creations take at least 6 s (content-creating writes wait 3 s).
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
