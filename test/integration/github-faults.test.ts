/**
 * GitHub on a bad day, through the real Probot server: a request that hangs, tokens revoked in
 * the middle of a sync, a readiness probe while GitHub hangs (docs/operations.md, "What Nova
 * survives").
 */
import { expect, it } from "@jest/globals";
import { loadChecklist } from "../fixtures/load-fixture.js";
import type { NovaServer } from "./start-nova-server.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";

const PLAN = "docs/dgx-spark-plan.md";
const bundled = loadChecklist("bundled");

const world = useNovaWorld<NovaServer>({ repo: { files: {} } });

const tokenRequests = () =>
  world.fake.requests.filter((request) =>
    /^\/app\/installations\/\d+\/access_tokens$/.test(request.path),
  );

it("a hung request ends the run after the time limit; a follow-up finishes it and a later push is processed", async () => {
  const nova = await world.start(overHttp({ timeoutMs: 300 }));
  // The issue listing hangs once: without a time limit the repository's queue waits for it forever.
  world.fake.hangNext({ method: "GET", path: /\/repos\/acme\/dgx\/issues$/ });
  await nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: bundled } }));

  expect(world.fake.requests.some((request) => request.status === 0)).toBe(true);
  expect(
    nova.logs.some(
      (line) =>
        line.msg === "sync stopped by a GitHub fault; a follow-up run is scheduled" &&
        line.kind === "timeout",
    ),
  ).toBe(true);
  expect(world.repo.issues()).toHaveLength(26); // 20 tasks, 6 section issues

  // The queue is free: the next push is synced.
  const edited = bundled.replace("- [ ] ", "- [x] ");
  await nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: edited } }));
  expect(world.repo.issues().filter((issue) => issue.state === "closed")).toHaveLength(1);
  expect(world.fake.violations).toEqual([]);
});

it("tokens revoked in the middle of a sync: one new token, and the sync completes", async () => {
  const nova = await world.start(overHttp());
  world.fake.revokeInstallationTokens({ afterRequests: 8 });
  await nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: bundled } }));

  expect(world.fake.requests.some((request) => request.status === 401)).toBe(true);
  // One token for the webhook, one refresh after the 401s.
  expect(tokenRequests()).toHaveLength(2);
  expect(world.repo.issues()).toHaveLength(26); // 20 tasks, 6 section issues
  expect(world.repo.issues().every((issue) => issue.state === "open")).toBe(true);

  // The next push uses the new token: no further token request, nothing refused.
  const mark = world.fake.requests.length;
  await nova.deliver(
    "push",
    world.repo.pushCommit({ files: { [PLAN]: bundled.replace("- [ ] ", "- [x] ") } }),
  );
  expect(world.fake.requests.slice(mark).filter((request) => request.status === 401)).toEqual([]);
  expect(tokenRequests()).toHaveLength(2);
  expect(world.fake.violations).toEqual([]);
}, 30_000);

it("/readyz answers 503 within its 5 s when GitHub hangs, retry plugin on as in production", async () => {
  const nova = await world.start(overHttp({ retry: true }));
  world.fake.hangNext({ method: "GET", path: /^\/app$/ });
  const started = Date.now();
  const response = await fetch(`${nova.url}/readyz`);
  const took = Date.now() - started;

  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    status: "not ready",
    reason: "GitHub did not answer in time",
  });
  // One attempt only (Probot's retry plugin would ask three more times, 14 s of waiting).
  expect(world.fake.requests.filter((request) => request.path === "/app")).toHaveLength(1);
  // A generous bound: the probe's own limit is 5 s; the old behaviour took about 19 s.
  expect(took).toBeLessThan(9_000);
}, 30_000);
