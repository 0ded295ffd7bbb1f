/**
 * SIGKILL in the middle of a first sync, then a restart, and no redelivery (GitHub never
 * redelivers): the start-up reconcile finishes the sync. Nova runs as `npm start` runs it
 * (src/main.ts) in a child process; the fake GitHub lives in this process, so what the
 * killed process wrote is still there when the new one starts.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { FakeGitHub, signWebhookBody, type FakeRepo } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { CHILD_WEBHOOK_SECRET, startNovaProcess, type NovaProcess } from "./start-nova-process.js";

const PLAN_PATH = "docs/dgx-spark-plan.md";
let fake: FakeGitHub;
let nova: NovaProcess | undefined;

beforeAll(async () => {
  fake = await FakeGitHub.start();
});
// SIGTERM waits up to 25 s for running work (src/main.ts): the start-up pass may still run.
afterAll(async () => {
  await nova?.stop();
  await fake.close();
}, 40_000);

/** Task issues Nova wrote (by their marker), open or closed. */
function taskIssues(repo: FakeRepo): Array<{ body: string; state: string }> {
  return (repo.issues() as unknown as Array<{ body: string; state: string }>).filter((issue) =>
    String(issue.body).includes("<!-- nova:task id="),
  );
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

it("killed after 7 of 20 issues; restarted without a redelivery; all 20 within a minute", async () => {
  const plan = loadChecklist("bundled");
  const repo = fake.seedRepo({ owner: "acme", name: "dgx", installationId: 42 });
  // Slow enough that the kill lands in the middle of the sync.
  fake.setLatency(40);
  nova = await startNovaProcess(fake);
  const push = JSON.stringify(repo.pushCommit({ files: { [PLAN_PATH]: plan } }));
  const ack = await fetch(`${nova.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-github-delivery": "first-push",
      "x-hub-signature-256": signWebhookBody(push, CHILD_WEBHOOK_SECRET),
    },
    body: push,
  });
  expect(ack.status).toBe(200);

  expect(await waitFor(() => taskIssues(repo).length >= 7, 60_000)).toBe(true);
  await nova.kill();
  const left = taskIssues(repo).length;
  expect(left).toBeLessThan(20);

  const restarted = Date.now();
  nova = await startNovaProcess(fake);
  const done = await waitFor(() => taskIssues(repo).length >= 20, 60_000);
  if (!done) throw new Error(`not complete a minute after the restart:\n${nova.lines.join("\n")}`);
  expect(Date.now() - restarted).toBeLessThan(60_000);
  // Let the sync finish its last writes, then check nothing was made twice or closed.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const issues = taskIssues(repo);
  const ids = issues.map((issue) => /<!-- nova:task id=([^ ]+) -->/.exec(issue.body)?.[1]);
  expect(new Set(ids).size).toBe(20);
  expect(issues).toHaveLength(20);
  expect(issues.filter((issue) => issue.state !== "open")).toEqual([]);
  expect(fake.violations).toEqual([]);
}, 180_000);
