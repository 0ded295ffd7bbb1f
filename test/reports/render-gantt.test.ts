import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { renderGantt, sanitizeGanttText } from "../../src/reports/render-gantt.js";
import { computeStepPlan, type StepPlanResult } from "../../src/reports/step-plan.js";
import { addWorkingDays } from "../../src/reports/working-days.js";
import { buildPlan, buildSectionsPlan } from "./build-plan.js";
import { useMermaid } from "./mermaid-check.js";

const mermaid = useMermaid();
const MONDAY = "2026-11-23";

/** Mermaid ends a bar at the start of the next working day; the schedule's finish is inclusive. */
function expectMermaidAgrees(
  tasks: Awaited<ReturnType<typeof mermaid.parseGantt>>,
  result: StepPlanResult,
) {
  const scheduled = result.lanes.flatMap((lane) => lane.tasks);
  expect(tasks.map((task) => task.id).sort()).toEqual(
    [...scheduled.map((task) => `t${task.step}`), "delivery"].sort(),
  );
  for (const task of scheduled) {
    const parsed = tasks.find((item) => item.id === `t${task.step}`);
    expect({
      id: task.id,
      start: parsed?.start,
      end: parsed?.end,
      crit: parsed?.crit,
    }).toEqual({
      id: task.id,
      start: task.start,
      end: addWorkingDays(task.finish, 1, result.holidays),
      crit: task.critical,
    });
  }
  expect(tasks.find((task) => task.id === "delivery")).toMatchObject({
    start: result.delivery,
    milestone: true,
  });
}

describe("renderGantt", () => {
  const plan = buildPlan({
    sections: [
      {
        title: "Infrastruktur & Setup",
        tasks: [
          { id: "netz", title: "Netzwerk: VLAN einrichten", estimateDays: 3 },
          { id: "treiber", title: "Treiber #12; CUDA", estimateDays: 2 },
        ],
      },
      {
        title: "Sicherheit",
        tasks: [{ id: "audit", title: "Audit", after: ["netz"], estimateDays: 4 }],
      },
    ],
  });
  const result = computeStepPlan(plan, {
    today: "2026-11-26",
    delivery: "2026-12-04",
  });

  it("writes one section per role, crit tags and a delivery milestone", () => {
    expect(renderGantt(result)).toBe(
      [
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %m-%d",
        "    excludes weekends",
        "    todayMarker off",
        "    section Infrastruktur & Setup",
        "    Netzwerk∶ VLAN einrichten :crit, t1, 2026-11-26, 3d",
        "    Treiber ＃12, CUDA :t2, 2026-12-01, 2d",
        "    section Sicherheit",
        "    Audit :crit, t3, 2026-12-01, 4d",
        "    section Milestones",
        "    Delivery :milestone, delivery, 2026-12-04, 0d",
      ].join("\n"),
    );
  });

  it("is parsed by Mermaid with the same dates across the weekend", async () => {
    const tasks = await mermaid.parseGantt(renderGantt(result));
    expectMermaidAgrees(tasks, result);
    expect(tasks.find((task) => task.id === "t1")).toMatchObject({
      name: "Netzwerk∶ VLAN einrichten",
      section: "Infrastruktur & Setup",
      end: "2026-12-01",
    });
  });

  it("agrees with Mermaid on holidays and on tasks that share a day", async () => {
    const fractional = computeStepPlan(
      buildSectionsPlan({
        A: [
          { id: "a", estimateDays: 0.5 },
          { id: "b", estimateDays: 1 },
          { id: "c", estimateDays: 2 },
        ],
      }),
      {
        today: "2026-12-23",
        delivery: "2026-12-31",
        holidays: ["2026-12-24", "2026-12-25"],
      },
    );
    const text = renderGantt(fractional);
    expect(text).toContain("    excludes weekends 2026-12-24 2026-12-25");
    // "b" starts mid-Wednesday and ends mid-Monday: it touches two working days.
    expect(text).toContain("b :crit, t2, 2026-12-23, 2d");
    expectMermaidAgrees(await mermaid.parseGantt(text), fractional);
  });

  it("uses the given labels and names a lane without a role", async () => {
    const outside = computeStepPlan(buildPlan({ outside: [{ id: "vorab" }] }), {
      today: MONDAY,
      delivery: "2026-11-30",
    });
    const text = renderGantt(outside, {
      milestones: "Meilensteine",
      delivery: "Liefertermin",
      noRole: "Ohne Rolle",
      axisFormat: "%d.%m.",
    });
    const tasks = await mermaid.parseGantt(text);
    expect(tasks.map((task) => [task.section, task.name])).toEqual([
      ["Ohne Rolle", "vorab"],
      ["Meilensteine", "Liefertermin"],
    ]);
    expect(text).toContain("axisFormat %d.%m.");
  });

  it("renders estimate-0 tasks as milestones", async () => {
    const zero = computeStepPlan(
      buildSectionsPlan({
        A: [{ id: "a" }, { id: "go-live", estimateDays: 0 }],
      }),
      { today: MONDAY, delivery: "2026-11-30" },
    );
    const tasks = await mermaid.parseGantt(renderGantt(zero));
    expect(tasks.find((task) => task.id === "t2")).toMatchObject({
      milestone: true,
      start: "2026-11-24",
    });
  });

  it("still parses with nothing open", async () => {
    const done = computeStepPlan(buildSectionsPlan({ A: [{ id: "a", checked: true }] }), {
      today: MONDAY,
      delivery: "2026-11-30",
    });
    const tasks = await mermaid.parseGantt(renderGantt(done));
    expect(tasks.map((task) => task.id)).toEqual(["delivery"]);
  });

  it("keeps every task whatever its title and role say", async () => {
    const nasty = fc.constantFrom(
      "Call the vendor",
      "title page",
      "section 2",
      "2026-01-01 kick-off",
      "%% hidden",
      "5% more",
      "%x",
      "excludes weekends",
      "a: b; c # d",
      "#12; entity",
      "```",
      "click here",
      "gantt",
      "",
      "   ",
      "line\nbreak",
      "Größe <b>&amp;</b>",
    );
    const text = fc.oneof(
      nasty,
      fc.string({ maxLength: 20 }),
      fc.string({ unit: "grapheme", maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }),
        async (pairs) => {
          const plan = buildPlan({
            sections: [
              {
                title: "S",
                tasks: pairs.map(([title, role], index) => ({
                  id: `task-${index}`,
                  title,
                  role,
                })),
              },
            ],
          });
          const result = computeStepPlan(plan, {
            today: MONDAY,
            delivery: "2026-12-04",
          });
          const tasks = await mermaid.parseGantt(renderGantt(result));
          expectMermaidAgrees(tasks, result);
          for (const task of result.lanes.flatMap((lane) => lane.tasks)) {
            expect(tasks.find((item) => item.id === `t${task.step}`)?.name).toBe(
              sanitizeGanttText(task.title, task.id),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("sanitizeGanttText", () => {
  it("replaces the characters the gantt grammar reserves", () => {
    expect(sanitizeGanttText("Setup: CUDA #3; fertig\nmorgen", "x")).toBe(
      "Setup∶ CUDA ＃3, fertig morgen",
    );
  });

  it("guards keywords, dates and comment markers at the start", () => {
    expect(sanitizeGanttText("Call the vendor", "x")).toBe("\u2060Call the vendor");
    expect(sanitizeGanttText("2026-01-01 Start", "x")).toBe("\u20602026-01-01 Start");
    expect(sanitizeGanttText("%% note", "x")).toBe("\u2060％% note");
    expect(sanitizeGanttText("5% mehr", "x")).toBe("\u20605% mehr");
    expect(sanitizeGanttText("Titelseite", "x")).toBe("Titelseite");
  });

  it("falls back for empty text", () => {
    expect(sanitizeGanttText(" \n ", "task-id")).toBe("task-id");
  });
});
