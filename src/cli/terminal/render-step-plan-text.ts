import { formatDate, formatWorkingDays } from "../../render/format-values.js";
import { translate, type Language } from "../../render/i18n.js";
import type { StepPlanResult, StepPlanTask } from "../../reports/step-plan.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable, type Cell, type Row } from "./render-table.js";
import { renderTimeline } from "./render-timeline.js";

const TEXT = {
  de: {
    title: "Schrittplan",
    asOf: (today: string, delivery: string) => `Stand: ${today} · Liefertermin: ${delivery}`,
    met: "Der Liefertermin ist zu halten.",
    metDetail: (finish: string, needed: string, available: string) =>
      `Voraussichtlich fertig am ${finish}: ${needed} nötig, ${available} verfügbar.`,
    missed: "Der Liefertermin ist gefährdet.",
    missedDetail: (finish: string, needed: string, available: string) =>
      `Voraussichtlich erst am ${finish} fertig: ${needed} nötig, nur ${available} verfügbar.`,
    critical: "Kritischer Pfad:",
    criticalNote: "jede Verzögerung dort verschiebt den Fertigstellungstermin.",
    effort: (days: string, start: string, finish: string) =>
      `Aufwand ${days}, vom ${start} bis zum ${finish}`,
    columns: ["Schritt", "Aufgabe", "Beginn", "Ende", "Dauer", "Hinweise"],
    noRoleTasks: (role: string) => `Für die Rolle „${role}“ gibt es keine offenen Aufgaben.`,
    allDone: "Alle Aufgaben sind erledigt.",
  },
  en: {
    title: "Step plan",
    asOf: (today: string, delivery: string) => `As of ${today} · delivery: ${delivery}`,
    met: "The delivery date holds.",
    metDetail: (finish: string, needed: string, available: string) =>
      `Expected to finish on ${finish}: ${needed} needed, ${available} available.`,
    missed: "The delivery date is at risk.",
    missedDetail: (finish: string, needed: string, available: string) =>
      `Expected to finish only on ${finish}: ${needed} needed, only ${available} available.`,
    critical: "Critical path:",
    criticalNote: "any delay there moves the finish date.",
    effort: (days: string, start: string, finish: string) =>
      `Effort ${days}, from ${start} to ${finish}`,
    columns: ["Step", "Task", "Start", "End", "Duration", "Notes"],
    noRoleTasks: (role: string) => `The role “${role}” has no open tasks.`,
    allDone: "All tasks are done.",
  },
} as const;

/**
 * `nova step-plan` for a terminal: the verdict, the critical path, a text timeline instead of the
 * Mermaid chart, and one aligned table per role.
 */
export function renderStepPlanText(
  result: StepPlanResult,
  lang: Language,
  style: Style,
  width = 100,
): string {
  const text = TEXT[lang];
  const date = (value: string | null) => formatDate(value, lang);
  const days = (value: number) => formatWorkingDays(value, lang);
  const lines = [
    style.bold(result.role ? `${text.title}: ${result.role}` : text.title),
    "",
    text.asOf(date(result.today), date(result.delivery)),
    "",
  ];
  if (result.openTasks === 0) return [...lines, style.green(text.allDone), ""].join("\n");
  const facts = [
    date(result.finish),
    days(result.workingDaysNeeded),
    days(result.workingDaysAvailable),
  ] as const;
  lines.push(
    result.deliveryMet
      ? `${style.green(`✓ ${text.met}`)} ${text.metDetail(...facts)}`
      : `${style.yellow(`! ${text.missed}`)} ${text.missedDetail(...facts)}`,
    "",
    `${style.bold(text.critical)} ${translate(lang, "steps", {
      count: result.criticalPath.length,
      steps: result.criticalPath.map((entry) => entry.step).join(", "),
    })} – ${text.criticalNote}`,
    "",
  );
  if (result.lanes.length === 0)
    return [...lines, text.noRoleTasks(result.role ?? ""), ""].join("\n");
  lines.push(...renderTimeline(result, lang, style, width), "");
  // One table for all roles, so the columns line up; each role starts with a heading line.
  const rows: Row[] = result.lanes.flatMap((lane, index) => [
    ...(index > 0 ? [{ span: "" }] : []),
    {
      span: `${style.bold(lane.role ?? translate(lang, "noRole"))} · ${text.effort(days(lane.workingDays), date(lane.start), date(lane.finish))}`,
    },
    ...lane.tasks.map((task) => [
      String(task.step),
      task.title,
      date(task.start),
      date(task.finish),
      days(task.estimateDays),
      renderNotes(task, lang, style),
    ]),
  ]);
  lines.push(
    ...renderTable(
      text.columns.map((header, index) => ({
        header,
        ...(index === 0 ? { align: "right" as const } : {}),
        ...(index === 1 || index === 5 ? { flexible: true } : {}),
      })),
      rows,
      style,
      width,
    ),
    "",
  );
  return lines.join("\n");
}

/** The notes column: critical path, risks, cycle, pending write-back, waiting for steps. */
function renderNotes(task: StepPlanTask, lang: Language, style: Style): Cell {
  const notes: string[] = [];
  if (task.critical) notes.push(translate(lang, "critical"));
  for (const risk of task.risks)
    notes.push(translate(lang, `risk.${risk}`, { due: formatDate(task.due, lang) }));
  if (task.inCycle) notes.push(translate(lang, "cycle"));
  if (task.writeBackPending) notes.push(translate(lang, "writeBackPending"));
  if (task.waitsForSteps.length > 0)
    notes.push(
      translate(lang, "waitsFor", {
        count: task.waitsForSteps.length,
        steps: task.waitsForSteps.join(", "),
      }),
    );
  const paint = task.atRisk ? style.yellow : task.critical ? style.red : (t: string) => t;
  return { text: notes.join(" · "), paint };
}
