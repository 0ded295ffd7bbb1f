import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  renderGantt,
  renderLaneGantt,
  sanitizeGanttText,
  wrapLaneName,
} from "../../src/reports/render-gantt.js";
import { computeStepPlan, type StepPlanResult } from "../../src/reports/step-plan.js";
import { addCalendarDays } from "../../src/reports/working-days.js";
import { buildPlan, buildSectionsPlan } from "./build-plan.js";
import { useMermaid } from "./mermaid-check.js";

const mermaid = useMermaid();
const MONDAY = "2026-11-23";

/**
 * Mermaid ends a bar at the start of the day after the task's last working day (the schedule's
 * finish is inclusive), and draws it to that same end: no `excludes` stretching, which would
 * colour a label inside the bar white on the light background.
 */
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
      renderEnd: parsed?.renderEnd,
      crit: parsed?.crit,
    }).toEqual({
      id: task.id,
      start: task.start,
      end: task.estimateDays === 0 ? task.start : addCalendarDays(task.finish, 1),
      renderEnd: null,
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

  it("writes one compact row per role, step numbers, explicit end dates and a delivery milestone", () => {
    expect(renderGantt(result)).toBe(
      [
        "---",
        "displayMode: compact",
        "config:",
        "  gantt:",
        "    leftPadding: 157",
        "---",
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %m-%d",
        "    tickInterval 1day",
        "    excludes weekends",
        "    todayMarker off",
        "    section Infrastruktur & Setup",
        "    1 :crit, t1, 2026-11-26, 2026-12-01",
        "    2 :t2, 2026-12-01, 2026-12-03",
        "    section Sicherheit",
        "    3 :crit, t3, 2026-12-01, 2026-12-05",
        "    section Milestones",
        "    Delivery :milestone, delivery, 2026-12-04, 2026-12-04",
      ].join("\n"),
    );
  });

  it("is parsed by Mermaid with the same dates across the weekend", async () => {
    const tasks = await mermaid.parseGantt(renderGantt(result));
    expectMermaidAgrees(tasks, result);
    expect(tasks.find((task) => task.id === "t1")).toMatchObject({
      name: "1",
      section: "Infrastruktur & Setup",
      end: "2026-12-01",
    });
  });

  it("draws each role's own chart with the task titles", async () => {
    const lane = result.lanes[0]!;
    const text = renderLaneGantt(result, lane);
    expect(text).toContain("    1. Netzwerk∶ VLAN einrichten :crit, t1, 2026-11-26, 2026-12-01");
    expect(text).not.toContain("section");
    const tasks = await mermaid.parseGantt(text);
    expect(tasks.map((task) => [task.id, task.name, task.renderEnd])).toEqual([
      ["t1", "1. Netzwerk∶ VLAN einrichten", null],
      ["t2", "2. Treiber ＃12, CUDA", null],
    ]);
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
    expect(text).toContain(":crit, t2, 2026-12-23, 2026-12-29");
    expectMermaidAgrees(await mermaid.parseGantt(text), fractional);
    const lane = renderLaneGantt(fractional, fractional.lanes[0]!);
    expectMermaidAgrees(
      [...(await mermaid.parseGantt(lane)), ...(await mermaid.parseGantt(text)).slice(-1)],
      fractional,
    );
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
      axisFormatMonth: "%m.%Y",
    });
    const tasks = await mermaid.parseGantt(text);
    expect(tasks.map((task) => [task.section, task.name])).toEqual([
      ["Ohne Rolle", "1"],
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
          for (const lane of result.lanes) {
            const laneTasks = await mermaid.parseGantt(renderLaneGantt(result, lane));
            for (const task of lane.tasks) {
              const name = laneTasks.find((item) => item.id === `t${task.step}`)?.name;
              expect(name).toBe(sanitizeGanttText(`${task.step}. ${task.title}`, task.id).trim());
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("legible charts (issue 16)", () => {
  /** The front matter's `leftPadding` and the section names of a chart. */
  function readLayout(text: string) {
    const leftPadding = Number(/leftPadding: (\d+)/.exec(text)?.[1]);
    const sections = [...text.matchAll(/^ {4}section (.*)$/gm)].map((match) =>
      match[1]!.split("<br>"),
    );
    return { leftPadding, sections };
  }

  /** 100 tasks in four roles with long names, estimates from half a day to three days. */
  const ROLES = [
    "Infrastruktur- & Setup-Automatisierung",
    "Sicherheit & Zugriff",
    "Monitoring, Reporting & Kommunikation",
    "Orchestrierung & Agenten-Workflows",
  ];
  const hundred = computeStepPlan(
    buildPlan({
      sections: [
        {
          title: "Alles",
          tasks: Array.from({ length: 100 }, (_, index) => ({
            id: `a${index}`,
            title: `Aufgabe ${index}: Prüfroutinen für das gesamte System vorbereiten und dokumentieren`,
            role: ROLES[index % 4]!,
            estimateDays: [0.5, 1, 2, 1, 3][index % 5]!,
            ...(index >= 4 ? { after: [`a${index - 4}`] } : {}),
          })),
        },
      ],
    }),
    { today: MONDAY, delivery: "2027-03-01" },
  );

  it("gives a one-day task starting on a Friday its own end, so its label is not white on light", async () => {
    const friday = computeStepPlan(
      buildSectionsPlan({ A: [{ id: "fri" }, { id: "mon", after: ["fri"] }] }),
      { today: "2026-11-27", delivery: "2026-12-04" },
    );
    for (const text of [renderGantt(friday), renderLaneGantt(friday, friday.lanes[0]!)]) {
      expect(text).not.toMatch(/, \d+(?:\.\d+)?d$/m); // no durations Mermaid would stretch
      const tasks = await mermaid.parseGantt(text);
      expect(tasks.find((task) => task.id === "t1")).toMatchObject({
        start: "2026-11-27",
        end: "2026-11-28",
        renderEnd: null,
      });
    }
  });

  it("ticks once a day on a short chart, so no date shows twice, and weekly or monthly on longer ones", () => {
    const lane = renderLaneGantt(result(), result().lanes[0]!);
    expect(lane).toContain("    tickInterval 1day");
    expect(renderGantt(hundred)).toContain("    tickInterval 2week\n    weekday monday");
    const fourMonths = computeStepPlan(buildSectionsPlan({ A: [{ id: "a", estimateDays: 90 }] }), {
      today: MONDAY,
      delivery: "2026-12-31",
    });
    expect(renderGantt(fourMonths)).toContain("    axisFormat %Y-%m\n    tickInterval 1month");
    const sixWeeks = computeStepPlan(buildSectionsPlan({ A: [{ id: "a", estimateDays: 25 }] }), {
      today: MONDAY,
      delivery: "2026-12-31",
    });
    expect(renderGantt(sixWeeks)).toContain("    tickInterval 1week\n    weekday monday");
  });

  it("wraps long role names onto two short lines and leaves room for them", () => {
    expect(wrapLaneName("Infrastruktur- & Setup-Automatisierung")).toEqual([
      "Infrastruktur- &",
      "Setup-Automatisierung",
    ]);
    expect(wrapLaneName("Betrieb")).toEqual(["Betrieb"]);
    expect(wrapLaneName("A".repeat(60))).toEqual([`${"A".repeat(21)}…`]);
    const { leftPadding, sections } = readLayout(renderGantt(hundred));
    expect(sections).toHaveLength(5);
    for (const lines of sections) {
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) {
        expect([...line].length).toBeLessThanOrEqual(22);
        // Mermaid's section font is 11 px: about 6.5 px a character, from x = 10.
        expect(10 + [...line].length * 6.5).toBeLessThan(leftPadding);
      }
    }
  });

  it("keeps 100 tasks legible: four compact rows in the overview, a row per task in each role's chart", async () => {
    const overview = renderGantt(hundred);
    expect(overview.startsWith("---\ndisplayMode: compact\n")).toBe(true);
    expectMermaidAgrees(await mermaid.parseGantt(overview), hundred);
    for (const lane of hundred.lanes) {
      const text = renderLaneGantt(hundred, lane);
      const tasks = await mermaid.parseGantt(text);
      expect(tasks).toHaveLength(25);
      for (const task of tasks) expect([...task.name].length).toBeLessThanOrEqual(48);
    }
  });

  function result() {
    return computeStepPlan(buildSectionsPlan({ A: [{ id: "a" }, { id: "b", estimateDays: 2 }] }), {
      today: MONDAY,
      delivery: "2026-11-30",
    });
  }
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
