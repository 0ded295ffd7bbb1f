import type { StepPlanLane, StepPlanResult, StepPlanTask } from "./step-plan.js";
import { addCalendarDays } from "./working-days.js";

/** The words the chart needs; the renderer passes the report language's strings. */
export interface GanttLabels {
  /** Section name for the delivery milestone. */
  milestones: string;
  /** Name of the delivery milestone. */
  delivery: string;
  /** Section name for tasks without a role. */
  noRole: string;
  /** d3 time format of the date axis for day and week ticks, e.g. `%d.%m.` */
  axisFormat: string;
  /** d3 time format of the date axis for month ticks, e.g. `%m.%Y` */
  axisFormatMonth: string;
}

export const ENGLISH_GANTT_LABELS: GanttLabels = {
  milestones: "Milestones",
  delivery: "Delivery",
  noRole: "No role",
  axisFormat: "%m-%d",
  axisFormatMonth: "%Y-%m",
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
 * Width of a Mermaid chart in a comment on github.com (the viewer draws a gantt at its
 * container's width). Only used to guess whether a step number fits in its bar.
 */
const GITHUB_CHART_WIDTH = 760;
/** Mermaid's gantt `rightPadding` (default): room for labels right of the last bar. */
const RIGHT_PADDING = 75;
/** A lane name is wrapped into at most this many lines of this many characters. */
const LANE_LINE_CHARS = 22;
const LANE_LINES = 2;
/** Average width of a character of Mermaid's 11 px section font, in pixels. */
const SECTION_CHAR_PX = 6.5;
/** Width of a digit of the 11 px task font, in pixels, and the bar's inner margin. */
const DIGIT_PX = 7;
/** A task name longer than this is cut (with "…") in a lane chart; the table has it in full. */
const MAX_TASK_NAME = 48;

/** U+2060 WORD JOINER: a task name Mermaid accepts and draws as nothing. */
const INVISIBLE_NAME = WORD_JOINER;

/** Cuts `text` to `max` characters with an ellipsis (whole code points). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * A lane name as at most {@link LANE_LINES} lines of {@link LANE_LINE_CHARS} characters, broken
 * at spaces and hyphens (Mermaid breaks a section name at `<br>`); the rest is cut with "…".
 */
export function wrapLaneName(name: string): string[] {
  // Words with the hyphen or spaces after them: "Setup-", "& ".
  const words = name.match(/[^\s-]+-?\s*|-\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.trim() !== "" && [...(line + word).trimEnd()].length > LANE_LINE_CHARS) {
      lines.push(line);
      line = "";
    }
    line += word;
  }
  if (line.trim() !== "") lines.push(line);
  if (lines.length === 0) return [name];
  // The last line takes the rest, cut to fit.
  const head = lines.slice(0, LANE_LINES - 1);
  const rest = lines.slice(LANE_LINES - 1).join("");
  return [...head, ...(rest === "" ? [] : [rest])].map((text) =>
    clip(text.trim(), LANE_LINE_CHARS),
  );
}

/** Calendar days from `from` to `to` (exclusive end). */
function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The axis lines: one tick a day for up to two weeks, a week (on Mondays) for up to 16 weeks,
 * else a month; without `tickInterval` Mermaid ticks every 12 hours on short charts and prints
 * each date twice.
 */
function renderAxis(days: number, labels: GanttLabels): string[] {
  if (days <= 14) return [`    axisFormat ${labels.axisFormat}`, "    tickInterval 1day"];
  if (days <= 56)
    return [`    axisFormat ${labels.axisFormat}`, "    tickInterval 1week", "    weekday monday"];
  if (days <= 112)
    return [`    axisFormat ${labels.axisFormat}`, "    tickInterval 2week", "    weekday monday"];
  return [`    axisFormat ${labels.axisFormatMonth}`, "    tickInterval 1month"];
}

/**
 * A task's data: tags, id, start and an explicit end date (the day after its last working day).
 * No `Nd` durations: Mermaid would stretch them over `excludes` days and then draw the label
 * inside the bar by one end and pick its colour by the other, white on a light background.
 * `excludes` stays only to grey out weekends and holidays.
 */
function renderTaskData(task: StepPlanTask): string {
  const tags: string[] = [];
  if (task.critical) tags.push("crit");
  if (task.estimateDays === 0) {
    tags.push("milestone");
    return [...tags, toGanttId(task.step), task.start, task.start].join(", ");
  }
  return [...tags, toGanttId(task.step), task.start, addCalendarDays(task.finish, 1)].join(", ");
}

/** Front matter: Mermaid's gantt options for this chart (GitHub's Mermaid reads them). */
function renderFrontMatter(options: { compact: boolean; leftPadding: number }): string[] {
  return [
    "---",
    ...(options.compact ? ["displayMode: compact"] : []),
    "config:",
    "  gantt:",
    `    leftPadding: ${options.leftPadding}`,
    "---",
  ];
}

function renderHeader(plan: StepPlanResult, days: number, labels: GanttLabels): string[] {
  return [
    "gantt",
    "    dateFormat YYYY-MM-DD",
    ...renderAxis(days, labels),
    `    excludes ${["weekends", ...plan.holidays].join(" ")}`,
    "    todayMarker off",
  ];
}

/**
 * The overview of a step plan as a Mermaid `gantt` diagram (without the Markdown fence): one row
 * per role (compact mode: a lane's tasks never overlap, they follow each other), each bar named
 * by its step number when that fits in the bar at GitHub's width (the tables name the steps),
 * `crit` on critical tasks, and the delivery milestone. Role names are wrapped onto two short
 * lines and the left margin is sized to them, so no name runs into the bars.
 *
 * `todayMarker off`: the chart is a snapshot for the report's clock, while the marker would use
 * the reader's clock. Lines are indented four spaces so that no task name can close the
 * surrounding Markdown code fence.
 */
export function renderGantt(
  plan: StepPlanResult,
  labels: GanttLabels = ENGLISH_GANTT_LABELS,
): string {
  const tasks = plan.lanes.flatMap((lane) => lane.tasks);
  const first = tasks.reduce((min, task) => (task.start < min ? task.start : min), plan.delivery);
  const last = tasks.reduce(
    (max, task) => (addCalendarDays(task.finish, 1) > max ? addCalendarDays(task.finish, 1) : max),
    addCalendarDays(plan.delivery, 1),
  );
  const days = spanDays(first, last);
  const laneNames = plan.lanes.map((lane) =>
    wrapLaneName(sanitizeGanttText(lane.role ?? "", labels.noRole)),
  );
  const milestones = sanitizeGanttText(labels.milestones, "Milestones");
  const longest = Math.max(
    [...milestones].length,
    ...laneNames.flat().map((line) => [...line].length),
  );
  const leftPadding = Math.ceil(20 + longest * SECTION_CHAR_PX);
  const pxPerDay = (GITHUB_CHART_WIDTH - leftPadding - RIGHT_PADDING) / Math.max(days, 1);
  const lines = [
    ...renderFrontMatter({ compact: true, leftPadding }),
    ...renderHeader(plan, days, labels),
  ];
  plan.lanes.forEach((lane, index) => {
    lines.push(`    section ${laneNames[index]!.join("<br>")}`);
    for (const task of lane.tasks) {
      const label = String(task.step);
      const barPx = spanDays(task.start, addCalendarDays(task.finish, 1)) * pxPerDay;
      const name = label.length * DIGIT_PX + 6 <= barPx ? label : INVISIBLE_NAME;
      lines.push(`    ${name} :${renderTaskData(task)}`);
    }
  });
  lines.push(
    `    section ${milestones}`,
    `    ${sanitizeGanttText(labels.delivery, "Delivery")} :milestone, delivery, ${plan.delivery}, ${plan.delivery}`,
  );
  return lines.join("\n");
}

/**
 * One role's tasks as a Mermaid `gantt` diagram: a row per task named "step. title" (cut to
 * {@link MAX_TASK_NAME} characters), no section column, the axis sized to the lane's own dates.
 */
export function renderLaneGantt(
  plan: StepPlanResult,
  lane: StepPlanLane,
  labels: GanttLabels = ENGLISH_GANTT_LABELS,
): string {
  const days = spanDays(lane.start, addCalendarDays(lane.finish, 1));
  const lines = [
    ...renderFrontMatter({ compact: false, leftPadding: 30 }),
    ...renderHeader(plan, days, labels),
  ];
  for (const task of lane.tasks) {
    const name = sanitizeGanttText(clip(`${task.step}. ${task.title}`, MAX_TASK_NAME), task.id);
    lines.push(`    ${name} :${renderTaskData(task)}`);
  }
  return lines.join("\n");
}
