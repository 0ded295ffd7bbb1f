import { formatDate, formatPercent, formatWorkingDays } from "../../render/format-values.js";
import { say, type Language } from "../../render/i18n.js";
import type { SummaryResult } from "../../reports/summary.js";
import type { Style } from "../../render/ansi-style.js";
import { drawBar } from "./draw-bar.js";
import { padText } from "./text-width.js";

/** The texts of this view in `lang` (the catalog's `terminal.summary.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "terminal.summary.title"),
  asOf: (today: string | number) => say(lang, "terminal.summary.asOf", { today }),
  done: (done: string | number, total: string | number) =>
    say(lang, "terminal.summary.done", { done, total }),
  passed: (delivery: string | number) => say(lang, "terminal.summary.passed", { delivery }),
  left: (days: string | number, delivery: string | number) =>
    say(lang, "terminal.summary.left", { days, delivery }),
  met: (finish: string | number) => say(lang, "terminal.summary.met", { finish }),
  late: (finish: string | number) => say(lang, "terminal.summary.late", { finish }),
  next: say(lang, "terminal.summary.next"),
  from: say(lang, "terminal.summary.from"),
  noneOpen: say(lang, "terminal.summary.noneOpen"),
  recent: say(lang, "terminal.summary.recent"),
  noneDone: say(lang, "terminal.summary.noneDone"),
  blocked: say(lang, "terminal.summary.blocked"),
  waitsFor: say(lang, "terminal.summary.waitsFor"),
  noneBlocked: say(lang, "terminal.summary.noneBlocked"),
});

/** `nova summary` for a terminal: progress bar, dates, and numbered or bulleted lists. */
export function renderSummaryText(result: SummaryResult, lang: Language, style: Style): string {
  const text = readText(lang);
  const date = (value: string | null) => formatDate(value, lang);
  const lines = [
    style.bold(text.title),
    "",
    `${text.asOf(date(result.today))} · ${style.bold(text.done(result.done, result.total))} (${formatPercent(result.percent, lang)})`,
    drawBar(result.percent, style),
    "",
    result.deliveryPassed
      ? style.yellow(`! ${text.passed(date(result.delivery))}`)
      : text.left(formatWorkingDays(result.workingDaysLeft, lang), date(result.delivery)),
  ];
  if (result.finish !== null)
    lines.push(
      result.deliveryMet
        ? style.green(`✓ ${text.met(date(result.finish))}`)
        : style.yellow(`! ${text.late(date(result.finish))}`),
    );
  const numberWidth = String(result.next.length).length;
  lines.push("", style.bold(text.next), "");
  if (result.next.length === 0) lines.push(text.noneOpen);
  result.next.forEach((task, index) => {
    const parts = [task.title, `${text.from} ${date(task.start)}`];
    if (task.role) parts.push(task.role);
    if (task.critical) parts.push(style.red(say(lang, "critical")));
    if (task.atRisk) parts.push(style.yellow(say(lang, "atRisk")));
    if (task.writeBackPending) parts.push(say(lang, "writeBackPending"));
    lines.push(`${padText(`${index + 1}.`, numberWidth + 1, "right")} ${parts.join(" · ")}`);
  });
  lines.push("", style.bold(text.recent), "");
  if (result.recentlyDone.length === 0) lines.push(text.noneDone);
  for (const task of result.recentlyDone) {
    const parts = [task.title];
    if (task.closedAt) parts.push(date(task.closedAt));
    if (task.writeBackPending) parts.push(say(lang, "writeBackPending"));
    lines.push(`• ${parts.join(" · ")}`);
  }
  lines.push("", style.bold(text.blocked), "");
  if (result.blocked.length === 0) lines.push(text.noneBlocked);
  for (const task of result.blocked)
    lines.push(
      `• ${task.title} · ${text.waitsFor} ${task.blockedBy.map((other) => other.title).join(", ")}`,
    );
  return `${lines.join("\n")}\n`;
}
