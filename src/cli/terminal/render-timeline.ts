import { formatDate } from "../../render/format-values.js";
import { translate, type Language } from "../../render/i18n.js";
import type { StepPlanResult } from "../../reports/step-plan.js";
import { addCalendarDays, addWorkingDays, countWorkingDays } from "../../reports/working-days.js";
import type { Style } from "./ansi-style.js";
import { measureWidth, padText, truncateText } from "./text-width.js";

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
  const area = Math.max(10, width - labelWidth - 1);
  // Whole columns per day keep every one-day bar the same length; below one, days share columns.
  const fit = area / days;
  const scale = Math.min(MAX_CELLS_PER_DAY, fit >= 1 ? Math.floor(fit) : fit);
  const cells = Math.ceil(days * scale);
  const at = (day: number) => Math.min(cells, Math.round(day * scale));
  const deliveryCell = deliveryDays > 0 ? Math.max(0, at(deliveryDays) - 1) : -1;

  const lines: string[] = [axis(result, lang, days, scale, cells, labelWidth, style)];
  for (const lane of result.lanes) {
    lines.push(style.bold(lane.role ?? translate(lang, "noRole")));
    for (const task of lane.tasks) {
      const from = Math.min(at(task.startDay), cells - 1);
      const to = Math.max(from + 1, at(task.finishDay));
      const row = Array.from({ length: cells }, (_, cell) => {
        if (cell >= from && cell < to) return "█";
        return cell === deliveryCell ? "┃" : "·";
      });
      const paint = task.critical ? style.red : task.atRisk ? style.yellow : style.cyan;
      const bar =
        style.dim(colourDelivery(row.slice(0, from).join(""), style)) +
        paint(row.slice(from, to).join("")) +
        style.dim(colourDelivery(row.slice(to).join(""), style));
      const label = `${padText(String(task.step), 3, "right")} ${truncateText(task.title, labelWidth - 5)}`;
      lines.push(`${padText(label, labelWidth)} ${bar}`);
    }
  }
  lines.push(
    style.dim(
      lang === "en"
        ? `Working days; red: critical path, yellow: at risk, ┃ delivery (${formatDate(result.delivery, lang)}).`
        : `Arbeitstage; rot: kritischer Pfad, gelb: gefährdet, ┃ Liefertermin (${formatDate(result.delivery, lang)}).`,
    ),
  );
  return lines;
}

/** `┃` (the delivery day) stands out in yellow inside an otherwise dim stretch. */
function colourDelivery(text: string, style: Style): string {
  return style.colours ? text.replace("┃", `\u001b[22m${style.yellow("┃")}\u001b[2m`) : text;
}

/** Date labels over the bars, as many as fit without touching, starting with the first day. */
function axis(
  result: StepPlanResult,
  lang: Language,
  days: number,
  scale: number,
  cells: number,
  labelWidth: number,
  style: Style,
): string {
  let line = "";
  for (let day = 0; day < days; day += 1) {
    const cell = Math.round(day * scale);
    const label = formatDate(addWorkingDays(result.startDate, day, result.holidays), lang).slice(
      0,
      lang === "de" ? 6 : 10,
    );
    const shown = lang === "de" ? label : label.slice(5);
    if (cell < measureWidth(line) + (line === "" ? 0 : 1)) continue;
    if (cell + shown.length > cells + 2) break;
    line = padText(line, cell) + shown;
  }
  return `${" ".repeat(labelWidth + 1)}${style.dim(line)}`;
}
