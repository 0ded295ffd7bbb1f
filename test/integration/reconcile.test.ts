import { expect, it } from "@jest/globals";
import { reconcileAtStartup, reconcileOnce } from "../../src/app/reconcile.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { startNova } from "./start-nova.js";
import { useNovaWorld } from "./use-nova-world.js";

const world = useNovaWorld({
  repo: {
    files: {
      "docs/dgx-spark-plan.md": loadChecklist("bundled"),
      ".github/nova.yml": "sync:\n  reconcile: 2h\n",
    },
  },
});

it("reconcile syncs repositories no webhook reached, then again only after sync.reconcile", async () => {
  const { fake, repo } = world;
  let now = Date.parse("2026-11-24T08:00:00Z");
  const nova = await startNova(fake, { now: () => now });
  const reconcile = async () => {
    const queued = await reconcileOnce({ ...nova, log: nova.probot.log, now: () => now });
    await nova.settled();
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

it("the start-up pass syncs every installed repository, spread out, on one replica only", async () => {
  const { fake } = world;
  fake.reset();
  const plan = loadChecklist("bundled");
  const repos = [
    fake.seedRepo({
      owner: "acme",
      name: "one",
      installationId: 7,
      files: { "docs/dgx-spark-plan.md": plan },
    }),
    fake.seedRepo({
      owner: "acme",
      name: "two",
      installationId: 7,
      files: { "docs/dgx-spark-plan.md": plan },
    }),
    fake.seedRepo({
      owner: "lab",
      name: "three",
      installationId: 8,
      files: { "docs/dgx-spark-plan.md": plan },
    }),
  ];
  // Claims as Redis keeps them for all replicas: the first claim of a key wins.
  const taken = new Set<string>();
  const once = {
    claim: (key: string) => Promise.resolve(!taken.has(key) && Boolean(taken.add(key))),
  };
  const waits: number[] = [];
  const sleep = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  const first = await startNova(fake);
  const second = await startNova(fake);

  expect(
    await reconcileAtStartup({
      ...first,
      log: first.probot.log,
      once,
      sleep,
      spreadOverMs: 45_000,
    }),
  ).toBe(3);
  expect(await reconcileAtStartup({ ...second, log: second.probot.log, once, sleep })).toBeNull();
  await first.settled();
  // 20 tasks and 6 section issues each.
  expect(repos.map((repo) => repo.issues().length)).toEqual([26, 26, 26]);
  // One repository a second at most (45 s over three would be 15 s apart).
  expect(waits).toEqual([1_000, 1_000]);
  expect(fake.violations).toEqual([]);
});
