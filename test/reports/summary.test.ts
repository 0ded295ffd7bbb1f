import { describe, expect, it } from "@jest/globals";
import type { LiveState } from "../../src/reports/live-state.js";
import { computeSummary } from "../../src/reports/summary.js";
import { buildPlan, buildSectionsPlan } from "./build-plan.js";

const MONDAY = "2026-11-23";
const DELIVERY = "2026-12-04";

describe("computeSummary", () => {
  const plan = buildPlan({
    sections: [
      {
        title: "Infrastruktur",
        tasks: [
          { id: "a", checked: true },
          { id: "b", checked: true },
          { id: "c", estimateDays: 2 },
          { id: "d", after: ["c"] },
        ],
      },
      {
        title: "Sicherheit",
        tasks: [{ id: "e", checked: true }, { id: "f", after: ["a", "d", "unknown"] }, { id: "g" }],
      },
    ],
  });

  it("lists the next tasks by start date, the latest completed and the blocked ones", () => {
    const summary = computeSummary(plan, {
      today: MONDAY,
      delivery: DELIVERY,
      limit: 3,
    });
    expect(summary).toMatchObject({
      total: 7,
      done: 3,
      percent: 42,
      limit: 3,
      workingDaysLeft: 10,
      deliveryPassed: false,
      finish: "2026-11-27",
      deliveryMet: true,
    });
    expect(summary.next.map((task) => [task.id, task.start])).toEqual([
      ["c", "2026-11-23"],
      ["d", "2026-11-25"],
      ["f", "2026-11-26"],
    ]);
    // Without closing dates, later plan positions count as completed more recently.
    expect(summary.recentlyDone.map((task) => task.id)).toEqual(["e", "b", "a"]);
    expect(summary.blocked).toEqual([
      { id: "d", title: "d", blockedBy: [{ id: "c", title: "c" }] },
      { id: "f", title: "f", blockedBy: [{ id: "d", title: "d" }] },
    ]);
  });

  it("orders completed tasks by closing date when GitHub knows it", () => {
    const live: LiveState = new Map([
      ["a", { closed: true, closedAt: "2026-11-20T09:00:00Z" }],
      ["b", { closed: true, closedAt: "2026-11-18T09:00:00Z" }],
      ["c", { closed: true, closedAt: "2026-11-21T15:30:00Z", issueNumber: 3 }],
    ]);
    const summary = computeSummary(plan, {
      today: MONDAY,
      delivery: DELIVERY,
      live,
    });
    expect(
      summary.recentlyDone.map((task) => [task.id, task.closedAt, task.writeBackPending]),
    ).toEqual([
      ["c", "2026-11-21T15:30:00Z", true],
      ["a", "2026-11-20T09:00:00Z", false],
      ["b", "2026-11-18T09:00:00Z", false],
      ["e", null, false],
    ]);
    expect(summary.recentlyDone[0]?.issueNumber).toBe(3);
    // "c" is closed on GitHub, so "d" is no longer blocked.
    expect(summary.blocked.map((task) => task.id)).toEqual(["f"]);
    expect(summary.done).toBe(4);
  });

  it("caps the lists at the limit and validates it", () => {
    const many = buildSectionsPlan({
      A: Array.from({ length: 60 }, (_, index) => ({
        id: `t${index}`,
        checked: index % 2 === 0,
      })),
    });
    const summary = computeSummary(many, {
      today: MONDAY,
      delivery: DELIVERY,
      limit: 1,
    });
    expect(summary.next).toHaveLength(1);
    expect(summary.recentlyDone).toHaveLength(1);
    expect(computeSummary(many, { today: MONDAY, delivery: DELIVERY }).next).toHaveLength(5);
    expect(
      computeSummary(many, { today: MONDAY, delivery: DELIVERY, limit: 50 }).recentlyDone,
    ).toHaveLength(30);
    for (const limit of [0, 51, 2.5, Number.NaN]) {
      expect(() => computeSummary(many, { today: MONDAY, delivery: DELIVERY, limit })).toThrow(
        RangeError,
      );
    }
  });

  it("reports a passed delivery date and no working days left", () => {
    const summary = computeSummary(plan, {
      today: MONDAY,
      delivery: "2026-11-13",
    });
    expect(summary).toMatchObject({
      workingDaysLeft: 0,
      deliveryPassed: true,
      deliveryMet: false,
    });
  });

  it("summarises an empty plan", () => {
    expect(computeSummary(buildPlan({}), { today: MONDAY, delivery: DELIVERY })).toEqual({
      today: MONDAY,
      delivery: DELIVERY,
      limit: 5,
      total: 0,
      done: 0,
      percent: 0,
      workingDaysLeft: 10,
      deliveryPassed: false,
      finish: null,
      deliveryMet: true,
      next: [],
      recentlyDone: [],
      blocked: [],
    });
  });
});
