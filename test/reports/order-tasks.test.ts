import { describe, expect, it } from "@jest/globals";
import type { Task } from "../../src/checklist/types.js";
import { orderTasks } from "../../src/reports/order-tasks.js";

/**
 * Edge cases of the dependency order that the step plan's tests do not reach: a task naming
 * itself, duplicate ids (the first owns the id), tasks not given in position order, repeated and
 * unknown dependencies. The expectations are the order's output before it moved to slots.
 */
const task = (id: string, position: number, after: string[]) =>
  ({ id, position, meta: { after } }) as unknown as Task;

const describeOrder = (tasks: Task[]) =>
  orderTasks(tasks).map((entry) => ({
    task: tasks.indexOf(entry.task),
    waitsFor: entry.waitsFor,
    inCycle: entry.inCycle,
    ignoredAfter: entry.ignoredAfter,
  }));

describe("orderTasks", () => {
  it("never lets a task wait for itself", () => {
    expect(describeOrder([task("a", 0, ["a"]), task("b", 1, ["a"])])).toEqual([
      { task: 0, waitsFor: [], inCycle: true, ignoredAfter: ["a"] },
      { task: 1, waitsFor: ["a"], inCycle: false, ignoredAfter: [] },
    ]);
  });

  it("gives a duplicate id to its first task and still orders the others", () => {
    const tasks = [
      task("x", 2, []),
      task("a", 0, ["x", "b"]),
      task("b", 1, ["a"]),
      task("x", 3, ["a"]),
    ];
    expect(describeOrder(tasks)).toEqual([
      { task: 0, waitsFor: [], inCycle: false, ignoredAfter: [] },
      { task: 1, waitsFor: ["x"], inCycle: true, ignoredAfter: ["b"] },
      { task: 2, waitsFor: ["a"], inCycle: true, ignoredAfter: [] },
      { task: 3, waitsFor: ["a"], inCycle: false, ignoredAfter: [] },
    ]);
  });

  it("orders tasks given out of position order, ignoring repeated and unknown ids", () => {
    const tasks = [task("c", 2, ["a"]), task("a", 0, []), task("b", 1, ["c", "c", "zz"])];
    expect(describeOrder(tasks)).toEqual([
      { task: 1, waitsFor: [], inCycle: false, ignoredAfter: [] },
      { task: 0, waitsFor: ["a"], inCycle: false, ignoredAfter: [] },
      { task: 2, waitsFor: ["c"], inCycle: false, ignoredAfter: [] },
    ]);
  });
});
