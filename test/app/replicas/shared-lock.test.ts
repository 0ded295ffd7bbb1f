import { describe, expect, it } from "@jest/globals";
import { createLocalLock } from "../../../src/app/replicas/shared-lock.js";

describe("createLocalLock", () => {
  it("runs tasks of one key one after another, even after a failure", async () => {
    const lock = createLocalLock();
    const order: string[] = [];
    let release!: () => void;
    const first = lock.run("k", async () => {
      order.push("first:start");
      await new Promise<void>((resolve) => (release = resolve));
      order.push("first:end");
      throw new Error("boom");
    });
    const second = lock.run("k", () => {
      order.push("second");
      return Promise.resolve(2);
    });
    const other = lock.run("other", () => {
      order.push("other");
      return Promise.resolve(3);
    });
    await other;
    release();
    await expect(first).rejects.toThrow("boom");
    expect(await second).toBe(2);
    expect(order).toEqual(["first:start", "other", "first:end", "second"]);
  });
});
