import { describe, expect, it } from "@jest/globals";
import { createPointBudget } from "../../src/board/point-budget.js";

describe("createPointBudget", () => {
  it("books points and waits for the oldest booking to leave the one-minute window", async () => {
    let now = 0;
    const waits: number[] = [];
    const budget = createPointBudget({
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    await budget.take(1000);
    now = 10_000;
    await budget.take(1000);
    expect(waits).toEqual([]);
    await budget.take(250);
    expect(waits).toEqual([50_000]);
    expect(now).toBe(60_000);
  });

  it("does not spin when the clock stands still (a test's sleep)", async () => {
    const budget = createPointBudget({ now: () => 0, sleep: () => Promise.resolve() });
    for (let i = 0; i < 10; i++) await budget.take(500);
  });
});
