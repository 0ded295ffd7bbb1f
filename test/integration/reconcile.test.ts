import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { reconcileOnce } from "../../src/app/reconcile.js";
import { FakeGitHub } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { startNova } from "./start-nova.js";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(() => fake.close());

it("reconcile syncs repositories no webhook reached, then again only after sync.reconcile", async () => {
  const repo = fake.seedRepo({
    owner: "acme",
    name: "dgx",
    installationId: 42,
    files: {
      "docs/dgx-spark-plan.md": loadChecklist("bundled"),
      ".github/nova.yml": "sync:\n  reconcile: 2h\n",
    },
  });
  let now = Date.parse("2026-11-24T08:00:00Z");
  const { probot, service } = await startNova(fake, { now: () => now });
  const reconcile = async () => {
    const queued = await reconcileOnce({ app: probot, sync: service, now: () => now });
    await service.settled();
    return queued;
  };

  // A webhook was lost: reconcile notices the repository and syncs it.
  expect(await reconcile()).toBe(1);
  expect(repo.issues()).toHaveLength(26); // 20 tasks, 6 section issues

  // Within the configured 2 h nothing is queued; after it, a sync that finds nothing to do.
  now += 60 * 60_000;
  expect(await reconcile()).toBe(0);
  now += 61 * 60_000;
  const mark = fake.requests.length;
  expect(await reconcile()).toBe(1);
  expect(
    fake.requests
      .slice(mark)
      .filter((request) => request.method !== "GET" && !request.path.startsWith("/app/")),
  ).toEqual([]);
  expect(fake.violations).toEqual([]);
});
