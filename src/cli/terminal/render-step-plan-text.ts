import { formatDate, formatWorkingDays } from "../../render/format-values.js";
import { say, type Language } from "../../render/i18n.js";
import type { StepPlanResult, StepPlanTask } from "../../reports/step-plan.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable, type Cell, type Row } from "./render-table.js";
import { renderTimeline } from "./render-timeline.js";

/** The texts of this view in `lang` (the catalog's `terminal.stepPlan.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "terminal.stepPlan.title"),
  asOf: (today: string | number, delivery: string | number) =>
    say(lang, "terminal.stepPlan.asOf", { today, delivery }),
  met: say(lang, "terminal.stepPlan.met"),
  metDetail: (finish: string | number, needed: string | number, available: string | number) =>
    say(lang, "terminal.stepPlan.metDetail", { finish, needed, available }),
  missed: say(lang, "terminal.stepPlan.missed"),
  missedDetail: (finish: string | number, needed: string | number, available: string | number) =>
    say(lang, "terminal.stepPlan.missedDetail", { finish, needed, available }),
  critical: say(lang, "terminal.stepPlan.critical"),
  criticalNote: say(lang, "terminal.stepPlan.criticalNote"),
  effort: (days: string | number, start: string | number, finish: string | number) =>
    say(lang, "terminal.stepPlan.effort", { days, start, finish }),
  columns: [
    say(lang, "terminal.stepPlan.columns.0"),
    say(lang, "terminal.stepPlan.columns.1"),
    say(lang, "terminal.stepPlan.columns.2"),
    say(lang, "terminal.stepPlan.columns.3"),
    say(lang, "terminal.stepPlan.columns.4"),
    say(lang, "terminal.stepPlan.columns.5"),
  ] as const,
  noRoleTasks: (role: string | number) => say(lang, "terminal.stepPlan.noRoleTasks", { role }),
  allDone: say(lang, "terminal.stepPlan.allDone"),
});

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
  const text = readText(lang);
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
    `${style.bold(text.critical)} ${say(lang, "steps", {
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
      span: `${style.bold(lane.role ?? say(lang, "noRole"))} · ${text.effort(days(lane.workingDays), date(lane.start), date(lane.finish))}`,
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
  if (task.critical) notes.push(say(lang, "critical"));
  for (const risk of task.risks)
    notes.push(say(lang, `risk.${risk}`, { due: formatDate(task.due, lang) }));
  if (task.inCycle) notes.push(say(lang, "cycle"));
  if (task.writeBackPending) notes.push(say(lang, "writeBackPending"));
  if (task.waitsForSteps.length > 0)
    notes.push(
      say(lang, "waitsFor", {
        count: task.waitsForSteps.length,
        steps: task.waitsForSteps.join(", "),
      }),
    );
  const paint = task.atRisk ? style.yellow : task.critical ? style.red : (t: string) => t;
  return { text: notes.join(" · "), paint };
}
