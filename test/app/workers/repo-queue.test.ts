import { describe, expect, it } from "@jest/globals";
import { createRepoQueue } from "../../../src/app/workers/repo-queue.js";

/** A run that waits until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("createRepoQueue", () => {
  it("runs one job per repository at a time and coalesces a burst into one follow-up with the newest job", async () => {
    const started: string[] = [];
    const first = gate();
    const queue = createRepoQueue<string>(
      async (key, job) => {
        started.push(`${key}:${job}`);
        if (job === "a1") await first.opened;
      },
      () => {},
    );
    const done = [
      queue.enqueue("acme/dgx", "a1"),
      queue.enqueue("acme/dgx", "a2"),
      queue.enqueue("acme/dgx", "a3"),
      queue.enqueue("acme/dgx", "a4"),
    ];
    const other = queue.enqueue("acme/web", "b1");
    await other;
    expect(started).toEqual(["acme/dgx:a1", "acme/web:b1"]);
    first.open();
    await Promise.all(done);
    expect(started).toEqual(["acme/dgx:a1", "acme/web:b1", "acme/dgx:a4"]);
    await queue.idle();
    expect(queue.size()).toBe(0);
  });

  it("keeps going after a failed run and reports the error", async () => {
    const errors: unknown[] = [];
    const runs: string[] = [];
    const queue = createRepoQueue<string>(
      (_key, job) => {
        runs.push(job);
        return job === "bad" ? Promise.reject(new Error("boom")) : Promise.resolve();
      },
      (_key, error) => errors.push(error),
    );
    await queue.enqueue("r", "bad");
    await queue.enqueue("r", "good");
    expect(runs).toEqual(["bad", "good"]);
    expect(errors).toEqual([new Error("boom")]);
  });
});

describe("createRepoQueue merge", () => {
  it("lets the owner combine a waiting job with a newer one", async () => {
    const first = gate();
    const runs: string[][] = [];
    const queue = createRepoQueue<string[]>(
      async (_key, job) => {
        runs.push(job);
        if (job.includes("a")) await first.opened;
      },
      () => {},
      (waiting, newer) => [...waiting, ...newer],
    );
    const done = [queue.enqueue("r", ["a"]), queue.enqueue("r", ["b"]), queue.enqueue("r", ["c"])];
    first.open();
    await Promise.all(done);
    expect(runs).toEqual([["a"], ["b", "c"]]);
  });
});
