import { describe, expect, it } from "@jest/globals";
import { isTaskDone, resolveTaskStatus, type LiveState } from "../../src/reports/live-state.js";

const unticked = { id: "a", checked: false };
const ticked = { id: "a", checked: true };

describe("resolveTaskStatus", () => {
  it("follows the checkbox when no issue is known", () => {
    expect(resolveTaskStatus(unticked)).toEqual({
      done: false,
      writeBackPending: false,
    });
    expect(resolveTaskStatus(ticked, new Map())).toEqual({
      done: true,
      writeBackPending: false,
    });
  });

  it("counts a closed issue as done before the box is ticked", () => {
    const live: LiveState = new Map([["a", { closed: true }]]);
    expect(resolveTaskStatus(unticked, live)).toEqual({
      done: true,
      writeBackPending: true,
    });
  });

  it("counts a ticked box with an open issue as not done", () => {
    const live: LiveState = new Map([["a", { closed: false }]]);
    expect(resolveTaskStatus(ticked, live)).toEqual({
      done: false,
      writeBackPending: true,
    });
  });

  it("needs no write-back when issue and checkbox agree", () => {
    const live: LiveState = new Map([["a", { closed: true }]]);
    expect(resolveTaskStatus(ticked, live).writeBackPending).toBe(false);
  });

  it("ignores live state for other tasks", () => {
    const live: LiveState = new Map([["b", { closed: true }]]);
    expect(isTaskDone(unticked, live)).toBe(false);
  });
});
