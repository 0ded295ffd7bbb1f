import { afterAll, beforeEach, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { createNovaMetrics, type NovaMetrics } from "../../../src/app/ops/metrics.js";
import { instrumentWebhooks } from "../../../src/app/ops/webhook-metrics.js";
import { createTestProbot, FakeGitHub } from "../../fake-github/index.js";

let fake: FakeGitHub;
let metrics: NovaMetrics;
let probot: Probot;
let clock = 0;

beforeEach(async () => {
  fake ??= await FakeGitHub.start();
  metrics = createNovaMetrics();
  clock = 0;
  ({ probot } = createTestProbot(fake, { logLevel: "fatal" }));
  await probot.load((app: Probot) => {
    instrumentWebhooks(app, metrics, () => clock);
    app.on("issues.opened", async () => {
      clock += 1500;
      await Promise.resolve();
    });
    app.on(["issues", "issue_comment.created"], (context) => {
      if (context.name === "issues" && context.payload.action === "closed") {
        throw new Error("board unavailable");
      }
    });
  });
});

afterAll(() => fake.close());

const payload = (action: string) => ({ action, installation: { id: 42 } }) as never;

async function values() {
  const metric = await metrics.webhookEvents.get();
  return metric.values.map((value) => ({ ...value.labels, value: value.value }));
}

it("counts a delivery once, however many handlers run, when the last one has finished", async () => {
  await probot.receive({ id: "1", name: "issues", payload: payload("opened") });
  expect(await values()).toEqual([
    { event: "issues", action: "opened", outcome: "handled", value: 1 },
  ]);
  const duration = await metrics.handlerDuration.get();
  const sum = duration.values.find((value) => value.metricName?.endsWith("_sum"));
  expect(sum?.value).toBe(1.5);
});

it("counts a delivery with a failing handler as failed, and still rethrows", async () => {
  await expect(
    probot.receive({ id: "2", name: "issues", payload: payload("closed") }),
  ).rejects.toThrow("board unavailable");
  expect(await values()).toEqual([
    { event: "issues", action: "closed", outcome: "failed", value: 1 },
  ]);
});

it("counts events no handler listens to as ignored, without a duration", async () => {
  await probot.receive({ id: "3", name: "check_suite", payload: payload("completed") });
  await probot.receive({ id: "4", name: "issue_comment", payload: payload("edited") });
  expect(await values()).toEqual([
    { event: "check_suite", action: "completed", outcome: "ignored", value: 1 },
    { event: "issue_comment", action: "edited", outcome: "ignored", value: 1 },
  ]);
  const duration = await metrics.handlerDuration.get();
  expect(duration.values.filter((value) => value.metricName?.endsWith("_count"))).toEqual([]);
});
