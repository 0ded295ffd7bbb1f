import { formatDate, formatShortDate } from "../../render/format-values.js";
import { say, type Language } from "../../render/i18n.js";
import type { StepPlanResult } from "../../reports/step-plan.js";
import { addCalendarDays, addWorkingDays, countWorkingDays } from "../../reports/working-days.js";
import type { Style } from "../../render/ansi-style.js";
import { measureWidth, padText, stripAnsi, truncateText } from "./text-width.js";

/** Columns for the step numbers and titles left of the bars: at least, at most. */
const LABEL_WIDTH = { min: 24, max: 48 };
/** At most this many columns per working day, so a short plan does not stretch across. */
const MAX_CELLS_PER_DAY = 6;

/**
 * The step plan's Gantt chart as text: one line per task, its bar over the working days from the
 * schedule's start, the lanes as headings, a dated axis and the delivery date as a `┃`. Days are
 * working days (weekends and holidays left out), the same scale the schedule uses.
 */
export function renderTimeline(
  result: StepPlanResult,
  lang: Language,
  style: Style,
  width = 100,
): string[] {
  const holidays = result.holidays;
  // Working days from the start through the delivery day, and through the last task's end.
  const deliveryDays = Math.max(
    0,
    countWorkingDays(result.startDate, addCalendarDays(result.delivery, 1), holidays),
  );
  const lastDay = result.lanes.reduce(
    (last, lane) => lane.tasks.reduce((max, task) => Math.max(max, task.finishDay), last),
    1,
  );
  const days = Math.max(Math.ceil(lastDay), deliveryDays, 1);
  const tasks = result.lanes.flatMap((lane) => lane.tasks);
  // Titles get what the bars (two columns a day) leave, within bounds; the bars get the rest.
  const labelWidth = Math.max(
    LABEL_WIDTH.min,
    Math.min(
      LABEL_WIDTH.max,
      Math.floor(width * 0.45),
      4 + tasks.reduce((max, task) => Math.max(max, measureWidth(task.title)), 0),
      width - 1 - 2 * days,
    ),
  );
  // One column more than the days need: the delivery marker gets a column of its own.
  const area = Math.max(10, width - labelWidth - 2);
  // Whole columns per day keep every one-day bar the same length; below one, days share columns.
  const fit = area / days;
  const scale = Math.min(MAX_CELLS_PER_DAY, fit >= 1 ? Math.floor(fit) : fit);
  const cells = Math.ceil(days * scale);
  const at = (day: number) => Math.min(cells, Math.round(day * scale));
  // The marker stands between the delivery day's last column and the next day's first.
  const marker = deliveryDays > 0 ? at(deliveryDays) : -1;

  const lines: string[] = [axis(result, lang, days, scale, cells, marker, labelWidth, style)];
  for (const lane of result.lanes) {
    lines.push(style.bold(lane.role ?? say(lang, "noRole")));
    for (const task of lane.tasks) {
      const from = Math.min(at(task.startDay), cells - 1);
      const to = Math.max(from + 1, at(task.finishDay));
      // An at-risk task is yellow even when it is critical: missing the date is the news.
      const paint = task.atRisk ? style.yellow : task.critical ? style.red : style.cyan;
      const runs = [
        style.dim("·".repeat(from)),
        paint("█".repeat(to - from)),
        style.dim("·".repeat(cells - to)),
      ];
      const bar =
        marker < 0
          ? runs.join("")
          : insertAt(runs, [from, to - from, cells - to], marker, style.yellow("┃"));
      const label = `${padText(String(task.step), 3, "right")} ${truncateText(task.title, labelWidth - 5)}`;
      lines.push(`${padText(label, labelWidth)} ${bar}`);
    }
  }
  lines.push(
    style.dim(say(lang, "timeline.legend", { delivery: formatDate(result.delivery, lang) })),
  );
  return lines;
}

/**
 * Joins painted runs of the given plain lengths with `insert` placed after `column` plain
 * columns, splitting the run it falls into (each half keeps the run's paint).
 */
function insertAt(
  runs: readonly string[],
  lengths: readonly number[],
  column: number,
  insert: string,
): string {
  let before = 0;
  let result = "";
  runs.forEach((run, index) => {
    const length = lengths[index]!;
    if (column >= before && column < before + length && column > before) {
      // Split a run: re-create both halves from the plain text inside the paint codes.
      const plain = stripAnsi(run);
      const cut = column - before;
      result +=
        run.replace(plain, plain.slice(0, cut)) + insert + run.replace(plain, plain.slice(cut));
    } else {
      if (column === before) result += insert;
      result += run;
    }
    before += length;
  });
  if (column >= before) result += insert;
  return result;
}

/** Date labels over the bars, as many as fit without touching, starting with the first day. */
function axis(
  result: StepPlanResult,
  lang: Language,
  days: number,
  scale: number,
  cells: number,
  marker: number,
  labelWidth: number,
  style: Style,
): string {
  let line = "";
  for (let day = 0; day < days; day += 1) {
    const at = Math.round(day * scale);
    const cell = marker >= 0 && at >= marker ? at + 1 : at;
    const shown = formatShortDate(addWorkingDays(result.startDate, day, result.holidays), lang);
    if (cell < measureWidth(line) + (line === "" ? 0 : 1)) continue;
    if (cell + shown.length > cells + 3) break;
    line = padText(line, cell) + shown;
  }
  return `${" ".repeat(labelWidth + 1)}${style.dim(line)}`;
}
