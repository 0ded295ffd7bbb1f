import { describe, expect, it } from "@jest/globals";
import { createLocalLock, type SharedLock } from "../../../src/app/replicas/shared-lock.js";
import type { SyncTickets } from "../../../src/app/replicas/sync-tickets.js";
import {
  createRepoWorker,
  MAX_PENDING_FOLLOW_UPS,
  type RepoWorkerOptions,
} from "../../../src/app/workers/repo-worker.js";

const quiet = { error: () => {}, warn: () => {}, debug: () => {} };

/** A run that waits until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

function setUp<J>(options: Omit<RepoWorkerOptions<J>, "name" | "log"> & { name?: string }) {
  const waits: number[] = [];
  const worker = createRepoWorker<J>({
    name: "test",
    log: quiet,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    followUpDelayMs: 100,
    ...options,
  });
  return { worker, waits };
}

describe("the per-repository worker", () => {
  it("holds `<name>:<key>` while a run goes, and coalesces a burst into one run", async () => {
    const held: string[] = [];
    const lock: SharedLock = {
      run: (key, work) => {
        held.push(key);
        return createLocalLock().run(key, work);
      },
    };
    const runs: string[] = [];
    const first = gate();
    const { worker } = setUp<string>({
      name: "sync",
      lock,
      run: async (_key, job) => {
        runs.push(job);
        if (job === "a") await first.opened;
      },
    });
    const done = ["a", "b", "c"].map((job) => worker.enqueue("acme/dgx", job));
    expect(worker.size()).toBe(1);
    first.open();
    await Promise.all(done);
    expect(runs).toEqual(["a", "c"]);
    expect(held).toEqual(["sync:acme/dgx", "sync:acme/dgx"]);
  });

  it("drops a request a later run on another replica covered, unless someone waits for its result", async () => {
    let issued = 0;
    /** Tickets up to this one were claimed by a run on another replica. */
    let coveredUpTo = 0;
    const tickets: SyncTickets = {
      take: () => Promise.resolve(++issued),
      claim: (_key, ticket) => Promise.resolve(ticket > coveredUpTo),
    };
    const runs: string[] = [];
    const { worker } = setUp<string>({
      tickets,
      runsWhenCovered: (job) => job === "wait-for-me",
      run: (_key, job) => {
        runs.push(job);
        return Promise.resolve();
      },
    });
    await worker.enqueue("r", "first");
    coveredUpTo = Infinity;
    await worker.enqueue("r", "covered");
    await worker.enqueue("r", "wait-for-me");
    await worker.enqueue("r", "no ticket", { ticket: false });
    expect(runs).toEqual(["first", "wait-for-me", "no ticket"]);
    expect(issued).toBe(3);
  });

  it("doubles the follow-up delay per run in a row that ended on a fault, and resets after a clean run", async () => {
    const outcomes = ["fault", "fault", "fault", "clean-with-more", "fault", "done"];
    const { worker, waits } = setUp<number>({
      run: (key, job) => {
        const outcome = outcomes[job];
        if (outcome === "fault") worker.followUp(key, job + 1, { failed: true });
        if (outcome === "clean-with-more") worker.followUp(key, job + 1, { failed: false });
        return Promise.resolve();
      },
    });
    await worker.enqueue("r", 0);
    await worker.settled();
    expect(waits).toEqual([100, 200, 400, 100, 100]);
  });

  it("a run that threw for another reason keeps the count of faults", async () => {
    const { worker, waits } = setUp<number>({
      run: (key, job) => {
        if (job === 0) worker.followUp(key, 1, { failed: true });
        if (job === 1) throw new Error("a bug, not a fault");
        return Promise.resolve();
      },
    });
    await worker.enqueue("r", 0);
    await worker.settled();
    worker.followUp("r", 2, { failed: true });
    await worker.settled();
    expect(waits).toEqual([100, 200]);
  });

  it("keeps at most MAX_PENDING_FOLLOW_UPS follow-ups waiting", async () => {
    const later = gate();
    let ran = 0;
    const counting = createRepoWorker<number>({
      name: "count",
      log: quiet,
      sleep: () => later.opened,
      run: () => {
        ran++;
        return Promise.resolve();
      },
    });
    for (let index = 0; index < MAX_PENDING_FOLLOW_UPS + 20; index++) {
      counting.followUp(`r${index}`, index, { failed: false });
    }
    later.open();
    await counting.settled();
    expect(ran).toBe(MAX_PENDING_FOLLOW_UPS);
  });

  it("runs exclusive work one at a time per key, hands back its result, and settles on it", async () => {
    const events: string[] = [];
    const first = gate();
    const { worker } = setUp<never>({});
    const one = worker.exclusive("r", async () => {
      events.push("start 1");
      await first.opened;
      events.push("end 1");
      return 1;
    });
    const two = worker.exclusive("r", () => {
      events.push("start 2");
      return Promise.resolve(2);
    });
    const other = await worker.exclusive("s", () => Promise.resolve("s"));
    expect(other).toBe("s");
    let settled = false;
    const waiting = worker.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    first.open();
    expect(await Promise.all([one, two])).toEqual([1, 2]);
    await waiting;
    expect(events).toEqual(["start 1", "end 1", "start 2"]);
  });

  it("settles only after a follow-up queued while waiting has run", async () => {
    const runs: number[] = [];
    const { worker } = setUp<number>({
      run: (key, job) => {
        runs.push(job);
        if (job < 3) worker.followUp(key, job + 1, { failed: false });
        return Promise.resolve();
      },
    });
    void worker.enqueue("r", 0);
    await worker.settled();
    expect(runs).toEqual([0, 1, 2, 3]);
  });
});
