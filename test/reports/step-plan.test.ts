import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  computeStepPlan,
  type StepPlanResult,
  type StepPlanTask,
} from "../../src/reports/step-plan.js";
import { buildPlan, buildSectionsPlan, type TaskSpec } from "./build-plan.js";

// 2026-11-23 is a Monday; 2026-11-21 a Saturday.
const MONDAY = "2026-11-23";
const FAR = "2026-12-31";

function listTasks(result: StepPlanResult): StepPlanTask[] {
  return result.lanes.flatMap((lane) => lane.tasks).sort((a, b) => a.step - b.step);
}

function findTask(result: StepPlanResult, id: string): StepPlanTask {
  const task = listTasks(result).find((item) => item.id === id);
  if (!task) throw new Error(`no task ${id}`);
  return task;
}

function pick(
  result: StepPlanResult,
  ...fields: Array<keyof StepPlanTask>
): Array<Record<string, unknown>> {
  return listTasks(result).map((task) => {
    const picked: Record<string, unknown> = { id: task.id };
    for (const field of fields) picked[field] = task[field];
    return picked;
  });
}

describe("computeStepPlan: scheduling", () => {
  it("runs roles in parallel and each role's tasks one after another", () => {
    const plan = buildSectionsPlan({
      Infrastruktur: [
        { id: "a1", estimateDays: 2 },
        { id: "a2", estimateDays: 1 },
      ],
      Sicherheit: [{ id: "b1", estimateDays: 1 }],
    });
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: "2026-12-04",
    });
    expect(pick(result, "role", "start", "finish", "critical")).toEqual([
      {
        id: "a1",
        role: "Infrastruktur",
        start: "2026-11-23",
        finish: "2026-11-24",
        critical: true,
      },
      {
        id: "a2",
        role: "Infrastruktur",
        start: "2026-11-25",
        finish: "2026-11-25",
        critical: true,
      },
      {
        id: "b1",
        role: "Sicherheit",
        start: "2026-11-23",
        finish: "2026-11-23",
        critical: false,
      },
    ]);
    expect(result.lanes.map((lane) => [lane.role, lane.finish, lane.workingDays])).toEqual([
      ["Infrastruktur", "2026-11-25", 3],
      ["Sicherheit", "2026-11-23", 1],
    ]);
    expect(result).toMatchObject({
      startDate: MONDAY,
      finish: "2026-11-25",
      workingDaysNeeded: 3,
      workingDaysAvailable: 10,
      deliveryMet: true,
      openTasks: 3,
      criticalPath: [
        { step: 1, id: "a1", title: "a1" },
        { step: 2, id: "a2", title: "a2" },
      ],
    });
  });

  it("starts a task only after its open dependencies finish, across roles", () => {
    const plan = buildSectionsPlan({
      Infrastruktur: [{ id: "netz", estimateDays: 3 }],
      Sicherheit: [
        { id: "audit", estimateDays: 1, after: ["netz"] },
        { id: "schulung", estimateDays: 1 },
      ],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(findTask(result, "audit")).toMatchObject({
      start: "2026-11-26",
      finish: "2026-11-26",
      waitsFor: ["netz"],
      critical: true,
    });
    // The lane works in step order: "schulung" comes after "audit" even though it could run
    // earlier, so the step plan reads the way the team will work it.
    expect(findTask(result, "schulung")).toMatchObject({
      start: "2026-11-27",
      critical: true,
    });
    expect(result.criticalPath.map((task) => task.id)).toEqual(["netz", "audit", "schulung"]);
  });

  it("leaves a task with slack off the critical path", () => {
    const plan = buildSectionsPlan({
      A: [{ id: "a1" }, { id: "a2", after: ["b1"] }],
      B: [{ id: "b1", estimateDays: 3 }],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    // a1 ends on Monday but a2 waits for b1 until Thursday: a1 could slip two days.
    expect(pick(result, "start", "critical")).toEqual([
      { id: "a1", start: "2026-11-23", critical: false },
      { id: "b1", start: "2026-11-23", critical: true },
      { id: "a2", start: "2026-11-26", critical: true },
    ]);
  });

  it("orders a task after a dependency written later in the plan", () => {
    const plan = buildSectionsPlan({
      A: [{ id: "deploy", after: ["build"] }, { id: "build" }],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(pick(result, "step", "start", "waitsForSteps")).toEqual([
      { id: "build", step: 1, start: "2026-11-23", waitsForSteps: [] },
      { id: "deploy", step: 2, start: "2026-11-24", waitsForSteps: [1] },
    ]);
  });

  it("treats done dependencies as satisfied and ignores unknown ids", () => {
    const plan = buildSectionsPlan({
      A: [{ id: "done", checked: true }],
      B: [{ id: "next", after: ["done", "does-not-exist"] }],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(listTasks(result).map((task) => task.id)).toEqual(["next"]);
    expect(findTask(result, "next")).toMatchObject({
      start: MONDAY,
      waitsFor: [],
      inCycle: false,
    });
  });

  it("skips weekends and starts on Monday when today is a Saturday", () => {
    const plan = buildSectionsPlan({
      A: [
        { id: "a", estimateDays: 3 },
        { id: "b", estimateDays: 3 },
      ],
    });
    const result = computeStepPlan(plan, {
      today: "2026-11-21",
      delivery: FAR,
    });
    expect(result.startDate).toBe(MONDAY);
    expect(pick(result, "start", "finish")).toEqual([
      { id: "a", start: "2026-11-23", finish: "2026-11-25" },
      { id: "b", start: "2026-11-26", finish: "2026-11-30" },
    ]);
    expect(result.workingDaysNeeded).toBe(6);
  });

  it("skips holidays", () => {
    const plan = buildSectionsPlan({ A: [{ id: "a", estimateDays: 2 }] });
    const result = computeStepPlan(plan, {
      today: "2026-12-23",
      delivery: FAR,
      holidays: ["2026-12-24", "2026-12-25"],
    });
    expect(findTask(result, "a")).toMatchObject({
      start: "2026-12-23",
      finish: "2026-12-28",
    });
    expect(result.holidays).toEqual(["2026-12-24", "2026-12-25"]);
  });

  it("packs fractional estimates into days without float drift", () => {
    const plan = buildSectionsPlan({
      A: [
        { id: "x", estimateDays: 0.1 },
        { id: "y", estimateDays: 0.2 },
        { id: "z", estimateDays: 0.7 },
        { id: "half", estimateDays: 0.5 },
        { id: "long", estimateDays: 1 },
      ],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(pick(result, "start", "finish")).toEqual([
      { id: "x", start: "2026-11-23", finish: "2026-11-23" },
      { id: "y", start: "2026-11-23", finish: "2026-11-23" },
      { id: "z", start: "2026-11-23", finish: "2026-11-23" },
      { id: "half", start: "2026-11-24", finish: "2026-11-24" },
      // Starts mid-Tuesday, so it touches Tuesday and Wednesday.
      { id: "long", start: "2026-11-24", finish: "2026-11-25" },
    ]);
    expect(findTask(result, "half").startDay).toBe(1);
    expect(result.workingDaysNeeded).toBe(3);
  });

  it("uses one day for a task without an estimate", () => {
    const plan = buildSectionsPlan({ A: [{ id: "a" }] });
    const task = findTask(computeStepPlan(plan, { today: MONDAY, delivery: FAR }), "a");
    expect(task).toMatchObject({
      estimateDays: 1,
      start: MONDAY,
      finish: MONDAY,
    });
  });
});

describe("computeStepPlan: risk and delivery", () => {
  it("flags every task when delivery is already past", () => {
    const plan = buildSectionsPlan({ A: [{ id: "a" }, { id: "b" }] });
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: "2026-11-20",
    });
    expect(result.workingDaysAvailable).toBe(0);
    expect(result.deliveryMet).toBe(false);
    expect(pick(result, "atRisk", "risks")).toEqual([
      { id: "a", atRisk: true, risks: ["delivery"] },
      { id: "b", atRisk: true, risks: ["delivery"] },
    ]);
  });

  it("flags only the tasks that end after delivery", () => {
    const plan = buildSectionsPlan({
      A: [
        { id: "a", estimateDays: 5 },
        { id: "b", estimateDays: 1 },
      ],
    });
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: "2026-11-27",
    });
    expect(pick(result, "finish", "atRisk")).toEqual([
      { id: "a", finish: "2026-11-27", atRisk: false },
      { id: "b", finish: "2026-11-30", atRisk: true },
    ]);
    expect(result).toMatchObject({
      deliveryMet: false,
      workingDaysNeeded: 6,
      workingDaysAvailable: 5,
    });
  });

  it("flags a task that ends after its own due date", () => {
    const plan = buildSectionsPlan({
      A: [
        { id: "a", estimateDays: 2, due: "2026-11-23" },
        { id: "b", due: "2026-11-25" },
      ],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(pick(result, "atRisk", "risks", "due")).toEqual([
      { id: "a", atRisk: true, risks: ["due"], due: "2026-11-23" },
      { id: "b", atRisk: false, risks: [], due: "2026-11-25" },
    ]);
    expect(result.deliveryMet).toBe(true);
  });

  it("has nothing to schedule when everything is done", () => {
    const plan = buildSectionsPlan({ A: [{ id: "a", checked: true }] });
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: "2026-11-20",
    });
    expect(result).toMatchObject({
      openTasks: 0,
      finish: null,
      workingDaysNeeded: 0,
      deliveryMet: true,
      lanes: [],
      criticalPath: [],
    });
  });

  it("handles an empty plan", () => {
    const result = computeStepPlan(buildPlan({}), {
      today: MONDAY,
      delivery: FAR,
    });
    expect(result).toMatchObject({ openTasks: 0, finish: null, lanes: [] });
  });

  it("rejects a malformed clock", () => {
    const plan = buildPlan({});
    expect(() => computeStepPlan(plan, { today: "23.11.2026", delivery: FAR })).toThrow(RangeError);
    expect(() => computeStepPlan(plan, { today: MONDAY, delivery: "soon" })).toThrow(RangeError);
  });
});

describe("computeStepPlan: roles", () => {
  const plan = buildPlan({
    outside: [{ id: "vorab" }],
    sections: [
      {
        title: "Infrastruktur",
        tasks: [
          { id: "netz", estimateDays: 2 },
          { id: "ci", role: "DevOps" },
        ],
      },
      {
        title: "Sicherheit",
        tasks: [{ id: "audit" }, { id: "deploy", role: "devops", after: ["netz"] }],
      },
    ],
  });

  it("lets meta.role override the section title and merges roles case-insensitively", () => {
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(result.lanes.map((lane) => [lane.role, lane.tasks.map((t) => t.id)])).toEqual([
      [null, ["vorab"]],
      ["Infrastruktur", ["netz"]],
      ["DevOps", ["ci", "deploy"]],
      ["Sicherheit", ["audit"]],
    ]);
  });

  it("filters to one role but schedules with every role", () => {
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: FAR,
      role: "DEVOPS",
    });
    expect(result.role).toBe("DEVOPS");
    expect(result.openTasks).toBe(5);
    expect(result.lanes).toHaveLength(1);
    // "deploy" waits for "netz" in another role's lane.
    expect(pick(result, "start")).toEqual([
      { id: "ci", start: "2026-11-23" },
      { id: "deploy", start: "2026-11-25" },
    ]);
  });

  it("returns no lanes for an unknown role", () => {
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: FAR,
      role: "Marketing",
    });
    expect(result.lanes).toEqual([]);
    expect(result.openTasks).toBe(5);
  });
});

describe("computeStepPlan: cycles", () => {
  it("breaks a cycle deterministically and flags its tasks", () => {
    const plan = buildSectionsPlan({
      A: [
        { id: "a", after: ["b"] },
        { id: "b", after: ["a"] },
        { id: "c", after: ["a"] },
        { id: "self", after: ["self"] },
      ],
    });
    const result = computeStepPlan(plan, { today: MONDAY, delivery: FAR });
    expect(pick(result, "inCycle", "ignoredAfter", "waitsFor")).toEqual([
      { id: "a", inCycle: true, ignoredAfter: ["b"], waitsFor: [] },
      { id: "b", inCycle: true, ignoredAfter: [], waitsFor: ["a"] },
      { id: "c", inCycle: false, ignoredAfter: [], waitsFor: ["a"] },
      { id: "self", inCycle: true, ignoredAfter: ["self"], waitsFor: [] },
    ]);
  });

  it("never hangs, loses or duplicates a task, and honours every kept dependency", () => {
    const graph = fc.integer({ min: 1, max: 12 }).chain((size) =>
      fc.array(
        fc.record({
          after: fc.uniqueArray(fc.integer({ min: 0, max: size + 1 }), {
            maxLength: 3,
          }),
          role: fc.constantFrom("A", "B", "C"),
          estimateDays: fc.constantFrom(0.5, 1, 2),
          checked: fc.boolean(),
        }),
        { minLength: size, maxLength: size },
      ),
    );
    fc.assert(
      fc.property(graph, (specs) => {
        const tasks: TaskSpec[] = specs.map((spec, index) => ({
          id: `t${index}`,
          after: spec.after.map((n) => `t${n}`),
          role: spec.role,
          estimateDays: spec.estimateDays,
          checked: spec.checked,
        }));
        const result = computeStepPlan(buildSectionsPlan({ S: tasks }), {
          today: MONDAY,
          delivery: FAR,
        });
        const scheduled = listTasks(result);
        const open = tasks.filter((task) => !task.checked).map((task) => task.id);
        expect(scheduled.map((task) => task.id).sort()).toEqual([...open].sort());
        expect(scheduled.map((task) => task.step)).toEqual(scheduled.map((_, i) => i + 1));
        for (const lane of result.lanes) {
          lane.tasks.slice(1).forEach((task, index) => {
            expect(task.startDay).toBeGreaterThanOrEqual(lane.tasks[index]?.finishDay ?? 0);
          });
        }
        if (scheduled.length > 0) expect(result.criticalPath.length).toBeGreaterThan(0);
        const byId = new Map(scheduled.map((task) => [task.id, task]));
        for (const task of scheduled) {
          const spec = tasks.find((item) => item.id === task.id);
          for (const dep of spec?.after ?? []) {
            const before = byId.get(dep);
            // Only dependencies dropped to break a cycle may come later.
            if (!before || task.ignoredAfter.includes(dep)) continue;
            expect(before.step).toBeLessThan(task.step);
            expect(before.finishDay).toBeLessThanOrEqual(task.startDay);
          }
        }
      }),
    );
  });
});

describe("computeStepPlan: live state", () => {
  it("drops tasks closed on GitHub and keeps ticked tasks whose issue is open", () => {
    const plan = buildSectionsPlan({
      A: [{ id: "closed" }, { id: "reopened", checked: true }, { id: "plain" }],
    });
    const live = new Map([
      ["closed", { closed: true }],
      [
        "reopened",
        {
          closed: false,
          issueNumber: 7,
          issueUrl: "https://github.com/o/r/issues/7",
        },
      ],
    ]);
    const result = computeStepPlan(plan, {
      today: MONDAY,
      delivery: FAR,
      live,
    });
    expect(pick(result, "writeBackPending", "issueNumber", "issueUrl")).toEqual([
      {
        id: "reopened",
        writeBackPending: true,
        issueNumber: 7,
        issueUrl: "https://github.com/o/r/issues/7",
      },
      {
        id: "plain",
        writeBackPending: false,
        issueNumber: null,
        issueUrl: null,
      },
    ]);
  });
});
