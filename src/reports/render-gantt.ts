import type { StepPlanResult } from "./step-plan.js";
import { addCalendarDays, countWorkingDays } from "./working-days.js";

/** The words the chart needs; the renderer passes the report language's strings. */
export interface GanttLabels {
  /** Section name for the delivery milestone. */
  milestones: string;
  /** Name of the delivery milestone. */
  delivery: string;
  /** Section name for tasks without a role. */
  noRole: string;
  /** d3 time format of the date axis, e.g. `%d.%m.` */
  axisFormat: string;
}

export const ENGLISH_GANTT_LABELS: GanttLabels = {
  milestones: "Milestones",
  delivery: "Delivery",
  noRole: "No role",
  axisFormat: "%m-%d",
};

/**
 * Words the gantt lexer reads as a statement when they start a line (it is case-insensitive and
 * keywords win over task text), plus a leading date. Mirrors the lexer rules of mermaid 11's
 * `gantt.jison`; "Call the vendor" as a task would otherwise be a parse error.
 */
const GANTT_KEYWORD =
  /^(?:accTitle|accDescr|accDescription|href|call|click|gantt|dateFormat|inclusiveEndDates|topAxis|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|title|section)\b|^\d{4}-\d{2}-\d{2}/i;

const WORD_JOINER = "\u2060";

/**
 * Makes text safe as a gantt task name or section name, keeping it readable:
 *
 * - whitespace runs (newlines included) become one space: a newline ends the statement;
 * - `:` becomes `∶` (U+2236): the first colon separates the task name from its data;
 * - `#` becomes `＃` (U+FF03) and `;` becomes `,`: mermaid rewrites `#…;` as an entity code
 *   (`#12;` would render as a control character), and `;` ends a statement in its grammars;
 * - a `%` at the very start becomes `％` (U+FF05), and text whose second character is `%`, or
 *   that starts with a gantt keyword or a date, gets an invisible U+2060 WORD JOINER in front:
 *   the lexer would otherwise read the line as a `%%` comment or a statement and drop the task
 *   or fail to parse;
 * - empty text becomes `fallback`.
 */
export function sanitizeGanttText(text: string, fallback: string): string {
  let safe = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/:/g, "\u2236")
    .replace(/#/g, "\uFF03")
    .replace(/;/g, ",");
  if (safe === "") safe = fallback;
  if (safe.startsWith("%")) safe = `\uFF05${safe.slice(1)}`;
  if (GANTT_KEYWORD.test(safe) || safe[1] === "%") safe = WORD_JOINER + safe;
  return safe;
}

/** The gantt id of a step-plan task: `t` and its step number (unique, always valid). */
export function toGanttId(step: number): string {
  return `t${step}`;
}

/**
 * A Mermaid `gantt` diagram of a step plan (without the Markdown fence): one section per role,
 * each task at its scheduled start with its length in working days (the days it touches), `crit`
 * on critical tasks, and a delivery milestone. Weekends and the plan's holidays are excluded,
 * so Mermaid computes the same end dates as the schedule. Estimate-0 tasks are milestones.
 *
 * `todayMarker off`: the chart is a snapshot for the report's clock, while the marker would use
 * the reader's clock. Lines are indented four spaces so that no task name can close the
 * surrounding Markdown code fence.
 */
export function renderGantt(
  plan: StepPlanResult,
  labels: GanttLabels = ENGLISH_GANTT_LABELS,
): string {
  const lines = [
    "gantt",
    "    dateFormat YYYY-MM-DD",
    `    axisFormat ${labels.axisFormat}`,
    `    excludes ${["weekends", ...plan.holidays].join(" ")}`,
    "    todayMarker off",
  ];
  for (const lane of plan.lanes) {
    lines.push(`    section ${sanitizeGanttText(lane.role ?? "", labels.noRole)}`);
    for (const task of lane.tasks) {
      const name = sanitizeGanttText(task.title, task.id);
      const tags: string[] = [];
      if (task.critical) tags.push("crit");
      let days = 0;
      if (task.estimateDays === 0) {
        tags.push("milestone");
      } else {
        days = countWorkingDays(task.start, addCalendarDays(task.finish, 1), plan.holidays);
      }
      const data = [...tags, toGanttId(task.step), task.start, `${days}d`];
      lines.push(`    ${name} :${data.join(", ")}`);
    }
  }
  lines.push(
    `    section ${sanitizeGanttText(labels.milestones, "Milestones")}`,
    `    ${sanitizeGanttText(labels.delivery, "Delivery")} :milestone, delivery, ${plan.delivery}, 0d`,
  );
  return lines.join("\n");
}
