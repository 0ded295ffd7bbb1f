import { describe, expect, it } from "@jest/globals";
import { createWebhookWorker, RETRY_LATER } from "../../../src/app/workers/webhook-worker.js";
import { GitHubError } from "../../../src/github/github-error.js";

function setUp(retryDelaysMs = [10, 20]) {
  const logged: Array<{ level: string; data: object; message?: string }> = [];
  const waits: number[] = [];
  const worker = createWebhookWorker({
    log: {
      warn: (data, message) => logged.push({ level: "warn", data, message }),
      error: (data, message) => logged.push({ level: "error", data, message }),
    },
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    retryDelaysMs,
  });
  return { worker, logged, waits };
}

describe("the webhook worker", () => {
  it("starts nothing before the handler has returned, then runs one key's jobs in order", async () => {
    const { worker } = setUp();
    const events: string[] = [];
    const job = (name: string, ms: number) => ({
      key: "command:acme/dgx",
      name,
      work: async () => {
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`end ${name}`);
      },
    });
    worker.run(job("a", 20));
    worker.run(job("b", 0));
    worker.run({ key: "push:acme/dgx", name: "c", work: () => void events.push("start c") });
    // Still in the handler's turn: nothing ran.
    await Promise.resolve();
    expect(events).toEqual([]);
    expect(worker.size()).toBe(3);
    await worker.settled();
    expect(events.indexOf("end a")).toBeLessThan(events.indexOf("start b"));
    // Another key does not wait for this one.
    expect(events.indexOf("start c")).toBeLessThan(events.indexOf("end a"));
    expect(worker.size()).toBe(0);
  });

  it("takes a delivery once while it is queued or running, and again after it finished", async () => {
    const { worker } = setUp();
    let runs = 0;
    const job = { key: "k", name: "issue_comment:d-1", work: () => void runs++ };
    worker.run(job);
    worker.run(job);
    await worker.settled();
    expect(runs).toBe(1);
    worker.run(job);
    await worker.settled();
    expect(runs).toBe(2);
  });

  it("retries a job that asks for it or met a transient GitHub failure, with the back-off", async () => {
    const { worker, waits } = setUp([10, 20, 30]);
    let attempts = 0;
    worker.run({
      key: "k",
      name: "retry-later",
      work: () => (++attempts < 3 ? RETRY_LATER : undefined),
    });
    await worker.settled();
    expect(attempts).toBe(3);
    expect(waits).toEqual([10, 20]);

    let thrown = 0;
    worker.run({
      key: "k",
      name: "unavailable",
      work: () => {
        if (++thrown === 1) throw new GitHubError("Service Unavailable", 503, null, "unavailable");
      },
    });
    await worker.settled();
    expect(thrown).toBe(2);
  });

  it("gives up after its retries and does not retry a plain exception (a bug)", async () => {
    const { worker, logged } = setUp([10]);
    let attempts = 0;
    worker.run({ key: "k", name: "down", work: () => (attempts++, RETRY_LATER) });
    let bugs = 0;
    worker.run({
      key: "k",
      name: "bug",
      work: () => {
        bugs++;
        throw new TypeError("undefined is not a function");
      },
    });
    await worker.settled();
    expect(attempts).toBe(2);
    expect(bugs).toBe(1);
    // The retry queues behind the bug, so the order of the two lines is not the point.
    const errors = logged.filter((line) => line.level === "error").map((line) => line.message);
    expect(errors.sort()).toEqual([
      "webhook work failed",
      "webhook work gave up after its retries",
    ]);
  });

  it("holds jobs back while deliveries are arriving, so a burst is acked first", async () => {
    const { worker } = setUp();
    const events: string[] = [];
    const answered = worker.receiving();
    worker.run({ key: "k", name: "job", work: () => void events.push("job") });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    answered();
    await worker.settled();
    expect(events).toEqual(["job"]);

    // A stream of deliveries that never pauses holds a job back 100 ms at most.
    worker.receiving();
    worker.run({ key: "k", name: "late", work: () => void events.push("late") });
    await worker.settled();
    expect(events).toEqual(["job", "late"]);
  });
});
