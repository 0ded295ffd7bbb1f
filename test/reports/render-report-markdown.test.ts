import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import type { RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Language } from "../../src/render/i18n.js";
import type { LiveState } from "../../src/reports/live-state.js";
import { computeProgress } from "../../src/reports/progress.js";
import {
  renderProgress,
  renderStepPlan,
  renderSummary,
} from "../../src/reports/render-report-markdown.js";
import { computeStepPlan } from "../../src/reports/step-plan.js";
import { computeSummary } from "../../src/reports/summary.js";
import { buildPlan, buildSectionsPlan } from "./build-plan.js";
import { useMermaid } from "./mermaid-check.js";

const mermaid = useMermaid();

/** Golden files; regenerate with `UPDATE_GOLDENS=1 npm test -- test/reports/render-reports`. */
const GOLDEN_DIR = new URL("../fixtures/reports/", import.meta.url);
type GoldenName = `${"progress" | "step-plan" | "summary"}.${Language}.md`;

function expectGolden(name: GoldenName, actual: string) {
  const file = new URL(name, GOLDEN_DIR);
  if (process.env["UPDATE_GOLDENS"] === "1") writeFileSync(file, actual);
  if (!existsSync(file)) {
    throw new Error(`Missing golden ${name}: run with UPDATE_GOLDENS=1 and review it`);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const TODAY = "2026-11-24";
const DELIVERY = "2026-12-04";

const plan = buildPlan({
  title: "DGX Spark Vorbereitung",
  outside: [{ id: "kickoff", title: "Kick-off-Termin festlegen", checked: true }],
  sections: [
    {
      title: "Infrastruktur- & Setup-Automatisierung",
      tasks: [
        {
          id: "netz",
          title: "Netzwerk & VLAN für den DGX Spark einrichten",
          checked: true,
          estimateDays: 2,
        },
        {
          id: "treiber",
          title: "NVIDIA-Treiber und CUDA-Toolkit installieren",
          after: ["netz"],
          estimateDays: 1.5,
        },
        {
          id: "container",
          title: "Container-Runtime (`nvidia-ctk`) konfigurieren",
          after: ["treiber"],
        },
      ],
    },
    {
      title: "Sicherheit & Zugriff",
      tasks: [
        {
          id: "ssh",
          title: "SSH-Zugänge für @alice und das Team anlegen",
          role: "Admin",
          estimateDays: 0.5,
        },
        {
          id: "audit",
          title: "Sicherheits-Audit (siehe #12)",
          after: ["container"],
          estimateDays: 2,
          due: "2026-11-27",
        },
      ],
    },
    {
      title: "Modelle & Benchmarks",
      tasks: [
        {
          id: "bench",
          title: "Benchmarks mit *FP8* vs. BF16 durchführen",
          checked: true,
          after: ["container"],
          estimateDays: 3,
        },
        { id: "doku", title: "Ergebnisse dokumentieren", after: ["bench", "ergebnis-vorlage"] },
      ],
    },
  ],
});

const live: LiveState = new Map([
  [
    "netz",
    {
      closed: true,
      closedAt: "2026-11-18T10:00:00Z",
      issueNumber: 2,
      issueUrl: "https://github.com/acme/dgx/issues/2",
    },
  ],
  [
    "ssh",
    {
      closed: true,
      closedAt: "2026-11-20T16:00:00Z",
      issueNumber: 5,
      issueUrl: "https://github.com/acme/dgx/issues/5",
    },
  ],
  ["bench", { closed: false, issueNumber: 9, issueUrl: "https://github.com/acme/dgx/issues/9" }],
]);

const options = { today: TODAY, delivery: DELIVERY, live };

describe.each<Language>(["de", "en"])("rendered reports (%s)", (lang) => {
  it("renders progress", () => {
    expectGolden(`progress.${lang}.md`, renderProgress(computeProgress(plan, { live }), lang));
  });

  it("renders the step plan with a gantt chart Mermaid accepts", async () => {
    const result = computeStepPlan(plan, options);
    const markdown = renderStepPlan(result, lang);
    expectGolden(`step-plan.${lang}.md`, markdown);
    const fences = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
    const tasks = await mermaid.parseGantt(fences[0] ?? "");
    expect(tasks).toHaveLength(result.openTasks + 1);
    // Each role folded, with its own chart: the overview plus one chart per role.
    expect(markdown.match(/^<details>$/gm)).toHaveLength(result.lanes.length);
    expect(markdown.match(/^<\/details>$/gm)).toHaveLength(result.lanes.length);
    expect(fences).toHaveLength(1 + result.lanes.length);
    for (const fence of fences.slice(1)) await mermaid.parseGantt(fence);
  });

  it("says the delivery date has passed in the step plan as the summary does", () => {
    const late = { ...options, today: "2026-12-07" };
    const stepPlan = renderStepPlan(computeStepPlan(plan, late), lang);
    const summary = renderSummary(computeSummary(plan, late), lang);
    const passed = {
      de: "Liefertermin am 04.12.2026 ist verstrichen",
      en: "delivery date 2026-12-04 has passed",
    }[lang];
    expect(stepPlan).toContain(passed);
    expect(summary).toContain(passed);
    expect(stepPlan).not.toMatch(/Der Liefertermin ist gefährdet|Delivery is at risk/);
  });

  it("renders the summary", () => {
    expectGolden(`summary.${lang}.md`, renderSummary(computeSummary(plan, options), lang));
  });

  it("is deterministic for a fixed clock", () => {
    const first = renderStepPlan(computeStepPlan(plan, options), lang);
    const second = renderStepPlan(computeStepPlan(plan, options), lang);
    expect(second).toBe(first);
  });
});

/** Plain text of all table cells, row by row. */
function readTables(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const rows: string[][] = [];
  const textOf = (node: RootContent): string =>
    node.type === "text" || node.type === "inlineCode"
      ? node.value
      : "children" in node
        ? node.children.map(textOf).join("")
        : "";
  for (const node of tree.children) {
    if (node.type !== "table") continue;
    for (const row of node.children) rows.push(row.children.map(textOf));
  }
  return rows;
}

describe("rendered Markdown as GitHub reads it", () => {
  it("keeps user text literal inside the tables", () => {
    const markdown = renderStepPlan(computeStepPlan(plan, options), "de");
    const rows = readTables(markdown);
    const titles = rows.map((row) => row[1]?.replaceAll("\u200D", ""));
    expect(titles).toContain("Container-Runtime (`nvidia-ctk`) konfigurieren");
    expect(titles).toContain("Sicherheits-Audit (siehe #12)");
    expect(rows.every((row) => row.length === 6)).toBe(true);
    expect(markdown).not.toMatch(/(^|[^\w])@alice/);
  });

  it("shows each section's progress in a table", () => {
    const rows = readTables(renderProgress(computeProgress(plan, { live }), "de"));
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ["Abschnitt", "Erledigt", "Anteil"],
      ["Ohne Abschnitt", "1/1", "100\u00A0%"],
      ["1. Infrastruktur- & Setup-Automatisierung", "1/3", "33\u00A0%"],
      ["2. Sicherheit & Zugriff", "1/2", "50\u00A0%"],
      ["3. Modelle & Benchmarks", "0/2", "0\u00A0%"],
    ]);
  });
});

describe("rendered edge cases", () => {
  it("says so when everything is done", () => {
    const done = buildSectionsPlan({ A: [{ id: "a", checked: true }] });
    const stepPlan = computeStepPlan(done, { today: TODAY, delivery: DELIVERY });
    expect(renderStepPlan(stepPlan, "de")).toContain("🎉 Alle Aufgaben sind erledigt.");
    expect(renderStepPlan(stepPlan, "de")).not.toContain("```mermaid");
    const summary = computeSummary(done, { today: TODAY, delivery: DELIVERY });
    expect(renderSummary(summary, "en")).toContain("No open tasks.");
  });

  it("says so when a role has no open tasks", () => {
    const stepPlan = computeStepPlan(plan, { ...options, role: "Marketing" });
    const markdown = renderStepPlan(stepPlan, "de");
    expect(markdown).toContain("## Schrittplan: Marketing");
    expect(markdown).toContain("Für die Rolle „Marketing“ gibt es keine offenen Aufgaben.");
  });

  it("shows only the chosen role's lane", () => {
    const markdown = renderStepPlan(
      computeStepPlan(plan, { ...options, role: "sicherheit & zugriff" }),
      "en",
    );
    expect(markdown).toContain("<summary><strong>Sicherheit &amp; Zugriff</strong> · 1 task ·");
    expect(markdown).not.toContain("Infrastruktur");
    expect(markdown).toContain("    section Sicherheit & Zugriff");
  });

  it("warns about a passed delivery date", () => {
    const summary = computeSummary(plan, { ...options, delivery: "2026-11-20" });
    expect(renderSummary(summary, "de")).toContain(
      "⚠️ Der Liefertermin am 20.11.2026 ist verstrichen.",
    );
    const stepPlan = computeStepPlan(plan, { ...options, delivery: "2026-11-20" });
    expect(renderStepPlan(stepPlan, "de")).toContain(
      "⚠️ **Der Liefertermin am 20.11.2026 ist verstrichen.** Voraussichtlich fertig am 02.12.2026: noch 7 Arbeitstage nötig.",
    );
  });

  it("says that an empty plan has no tasks", () => {
    expect(renderProgress(computeProgress(buildPlan({})), "de")).toBe(
      "## Fortschritt\n\nDer Plan enthält noch keine Aufgaben.\n",
    );
  });
});
