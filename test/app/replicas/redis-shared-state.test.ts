/**
 * The pieces replicas share through Redis, each against a real `redis-server`: the sync queue's
 * tickets, the upload idempotency records and the lock.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createRedisUploadRateLimiter } from "../../../src/app/replicas/redis-upload-rate-limit.js";
import { createRedisOnceClaims } from "../../../src/app/replicas/once-claims.js";
import { createRedisLock } from "../../../src/app/replicas/shared-lock.js";
import { createRedisSyncTickets } from "../../../src/app/replicas/sync-tickets.js";
import { createRedisUploadRecords } from "../../../src/app/replicas/upload-records.js";
import { hasRedis, startRedis, type TestRedis } from "./start-redis.js";

const describeWithRedis = hasRedis ? describe : describe.skip;

describeWithRedis("shared state in Redis", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it("sync tickets: a run claims every request issued before it; those need no run of their own", async () => {
    const one = createRedisSyncTickets(redis.connect());
    const two = createRedisSyncTickets(redis.connect());
    const first = await one.take("acme/dgx");
    const second = await two.take("acme/dgx");
    const third = await one.take("acme/dgx");
    expect([first, second, third]).toEqual([1, 2, 3]);
    // The run for the second request starts first and covers all three.
    expect(await two.claim("acme/dgx", 2)).toBe(true);
    expect(await one.claim("acme/dgx", 1)).toBe(false);
    expect(await one.claim("acme/dgx", 3)).toBe(false);
    // A request after that run started needs a run again.
    const fourth = await two.take("acme/dgx");
    expect(await two.claim("acme/dgx", fourth!)).toBe(true);
    // Other repositories count apart.
    expect(await one.take("acme/other")).toBe(1);
  });

  it("upload records: one replica's answer is read back by another; garbage counts as absent", async () => {
    const client = redis.connect();
    const one = createRedisUploadRecords(client);
    const two = createRedisUploadRecords(redis.connect());
    const answer = { httpStatus: 201, body: { status: "created" as const, commentUrl: "u" } };
    expect(await two.get("acme/dgx#r1")).toBeNull();
    await one.put("acme/dgx#r1", { hash: "h1", answer });
    expect(await two.get("acme/dgx#r1")).toEqual({ hash: "h1", answer });
    await client.set("nova:upload:acme/dgx#r2", "{not json");
    expect(await two.get("acme/dgx#r2")).toBeNull();
    await client.set("nova:upload:acme/dgx#r3", JSON.stringify({ hash: 1 }));
    expect(await two.get("acme/dgx#r3")).toBeNull();
  });

  it("upload records expire", async () => {
    const records = createRedisUploadRecords(redis.connect(), 50);
    await records.put("acme/dgx#old", {
      hash: "h",
      answer: { httpStatus: 201, body: { status: "created" } },
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await records.get("acme/dgx#old")).toBeNull();
  });

  it("the upload rate limit is one window per repository across replicas", async () => {
    let now = 1_000_000;
    const fallback = { uploads: 60, windowMinutes: 60 };
    const one = createRedisUploadRateLimiter(redis.connect(), () => now, fallback);
    const two = createRedisUploadRateLimiter(redis.connect(), () => now, fallback);
    const limit = { uploads: 2, windowMinutes: 10 };
    expect(await one.admit("acme/dgx", limit)).toBe(0);
    now += 60_000;
    expect(await two.admit("ACME/dgx", limit)).toBe(0);
    // The third, on either replica, waits until the first leaves the window: 9 minutes.
    expect(await one.admit("acme/dgx", limit)).toBe(540);
    expect(await two.check("acme/dgx", limit)).toBe(540);
    // `check` without a limit uses the one this replica last read; it counts nothing.
    expect(await one.check("acme/dgx")).toBe(540);
    expect(await two.check("acme/other")).toBe(0);
    now += 540_001;
    expect(await two.admit("acme/dgx", limit)).toBe(0);
    expect(await one.admit("acme/dgx", limit)).toBe(60);
  });

  it("a once-claim goes to the first replica only, until it expires", async () => {
    const one = createRedisOnceClaims(redis.connect());
    const two = createRedisOnceClaims(redis.connect());
    const claims = await Promise.all([
      one.claim("status-report:acme/dgx:2025-01-06T06:00", 60),
      two.claim("status-report:acme/dgx:2025-01-06T06:00", 60),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await two.claim("status-report:acme/dgx:2025-01-07T06:00", 60)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await one.claim("status-report:acme/dgx:2025-01-06T06:00", 60)).toBe(true);
  });

  it("the lock lets one holder in at a time, across clients", async () => {
    const one = createRedisLock(redis.connect(), { pollMs: 5 });
    const two = createRedisLock(redis.connect(), { pollMs: 5 });
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
    };
    await Promise.all([
      one.run("k", work),
      two.run("k", work),
      one.run("k", work),
      two.run("k", work),
    ]);
    expect(most).toBe(1);
  });

  it("a living holder keeps the lock past its time to live; waiters get in after it is done", async () => {
    const client = redis.connect();
    const slow = createRedisLock(redis.connect(), { ttlMs: 60 });
    const next = createRedisLock(redis.connect(), { ttlMs: 60, pollMs: 5 });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const order: string[] = [];
    const first = slow.run("long", async () => {
      order.push("slow in");
      await pause(250); // four times the time to live: renewals keep the lock
      expect(await client.pttl("nova:lock:long")).toBeGreaterThan(0);
      order.push("slow out");
    });
    await pause(10);
    const second = next.run("long", () => {
      order.push("next in");
      return Promise.resolve();
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["slow in", "slow out", "next in"]);
    expect(await client.exists("nova:lock:long")).toBe(0);
  });

  it("a holder that died is replaced after the time to live", async () => {
    const client = redis.connect();
    // A holder that crashed: its key stays until it expires, with no one renewing it.
    await client.set("nova:lock:dead", "crashed-holder", "PX", 60);
    const next = createRedisLock(redis.connect(), { ttlMs: 5000, pollMs: 5 });
    const started = Date.now();
    await next.run("dead", async () => {
      expect(Date.now() - started).toBeGreaterThanOrEqual(50);
      expect(await client.get("nova:lock:dead")).not.toBe("crashed-holder");
    });
    expect(await client.exists("nova:lock:dead")).toBe(0);
  });

  it("a holder that lost its lock neither renews nor releases its successor's", async () => {
    const client = redis.connect();
    const holder = createRedisLock(redis.connect(), { ttlMs: 90 });
    await holder.run("lost", async () => {
      // Renewals failed for a while, the key expired and another replica took it.
      await client.set("nova:lock:lost", "successor", "PX", 10_000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // several renewal ticks
    });
    expect(await client.get("nova:lock:lost")).toBe("successor");
    expect(await client.pttl("nova:lock:lost")).toBeGreaterThan(5_000);
  });
});
