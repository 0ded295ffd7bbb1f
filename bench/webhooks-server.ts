/**
 * The receiving side of `npm run bench:webhooks` (bench/webhooks.ts starts it as a child
 * process, so the sender's work does not slow the server it measures): the fake GitHub and
 * Nova in Probot's real server (the tests' `startNovaServer`).
 *
 * Protocol over stdio, one JSON line each: it prints `{ url, warmUps, deliveries }` (signed
 * bodies ready to send; `warmUps` are one delivery of each kind) when ready; on the line `settle`
 * it waits until the warm-ups' work is done and prints `{ settled: true }`; on the line `start` it notes its CPU time, on `acked` (the sender has every ack) the CPU time spent
 * since; on `count` it waits until all work is done and prints
 * `{ answers, workMs, ackCpuMs, violations }`, then exits.
 */
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { parseReplyMarkers } from "../src/github/hidden-markers.js";
import { FakeGitHub, signWebhookBody } from "../test/fake-github/index.js";
import { loadChecklist } from "../test/fixtures/load-fixture.js";
import { startNovaServer } from "../test/integration/start-nova-server.js";

const PUSHES = 25;
const COMMANDS = 25;
const GITHUB_LATENCY_MS = 50;

export interface BenchDelivery {
  event: string;
  id: string;
  body: string;
  signature: string;
}

const PLAN = "docs/dgx-spark-plan.md";
const fake = await FakeGitHub.start();
const plan = loadChecklist("bundled");
const repo = fake.seedRepo({
  owner: "acme",
  name: "dgx",
  installationId: 7,
  files: { [PLAN]: plan },
});
const nova = await startNovaServer(fake);
// The first sync, so the pushes below are real (small) syncs of existing issues.
await nova.deliver("push", repo.pushCommit({ files: { [PLAN]: plan } }));

const deliveries: BenchDelivery[] = [];
const sign = (event: string, payload: unknown): BenchDelivery => {
  const body = JSON.stringify(payload);
  const id = `bench-${deliveries.length + 1}`;
  return { event, id, body, signature: signWebhookBody(body, nova.secret) };
};
// Each push changes the checklist (a comment line at its end), as a person editing it does.
const pushes = Array.from({ length: PUSHES }, (_, index) =>
  sign("push", repo.pushCommit({ files: { [PLAN]: `${plan}\n<!-- edit ${index} -->\n` } })),
);
// 25 people on 5 issues, so the spam guard stays out of it.
const issues = Array.from({ length: 5 }, (_, index) =>
  Number(repo.addIssue({ title: `Frage ${index + 1}` }).number),
);
const comments = Array.from({ length: COMMANDS }, (_, index) => {
  const issue = issues[index % issues.length]!;
  return { issue, payload: repo.addComment(issue, "/nova progress", { by: `person-${index}` }) };
});
const commands = comments.map(({ payload }) => sign("issue_comment", payload));
// Interleaved: push, command, push, …
for (let index = 0; index < PUSHES; index++) deliveries.push(pushes[index]!, commands[index]!);
deliveries.forEach((delivery, index) => (delivery.id = `bench-${index + 1}`));

// A long-running server has run each handler before: one delivery of each kind warms its code
// paths (V8 compiles functions on first use), so the burst measures acks, not compilation.
const warmIssue = Number(repo.addIssue({ title: "Aufwärmen" }).number);
const warmUps = [
  { ...sign("issues", repo.addIssue({ title: "Frage" })), id: "bench-warm-up-1" },
  {
    ...sign("push", repo.pushCommit({ files: { [PLAN]: `${plan}\n<!-- warm-up -->\n` } })),
    id: "bench-warm-up-2",
  },
  {
    ...sign("issue_comment", repo.addComment(warmIssue, "/nova progress", { by: "warm-up" })),
    id: "bench-warm-up-3",
  },
];

fake.setLatency(GITHUB_LATENCY_MS);
const url = `${nova.url}/api/github/webhooks`;
process.stdout.write(`${JSON.stringify({ url, warmUps, deliveries })}\n`);

const lines = createInterface({ input: process.stdin });
let cpuAtStart = process.cpuUsage();
let ackCpuMs = 0;
for await (const line of lines) {
  if (line.trim() === "settle") {
    // The warm-ups' work is done before the burst starts.
    await nova.settled();
    process.stdout.write(`${JSON.stringify({ settled: true })}\n`);
  }
  if (line.trim() === "start") cpuAtStart = process.cpuUsage();
  if (line.trim() === "acked") {
    const used = process.cpuUsage(cpuAtStart);
    ackCpuMs = (used.user + used.system) / 1000;
  }
  if (line.trim() !== "count") continue;
  const start = performance.now();
  await nova.settled();
  const answers = comments.map(
    ({ issue, payload }) =>
      (repo.comments(issue) as unknown as Array<{ body: string; user: { login: string } }>)
        .filter((reply) => reply.user.login === fake.botLogin)
        .filter((reply) => parseReplyMarkers(reply.body, payload.comment.id).length > 0).length,
  );
  const workMs = performance.now() - start;
  process.stdout.write(
    `${JSON.stringify({ answers, workMs, ackCpuMs, violations: fake.violations.length })}\n`,
  );
  break;
}
await nova.close();
await fake.close();
process.exit(0);
