import { formatDate, formatPercent, formatWorkingDays } from "../../render/format-values.js";
import { translate, type Language } from "../../render/i18n.js";
import type { SummaryResult } from "../../reports/summary.js";
import type { Style } from "../../render/ansi-style.js";
import { drawBar } from "./draw-bar.js";
import { padText } from "./text-width.js";

const TEXT = {
  de: {
    title: "Zusammenfassung",
    asOf: (today: string) => `Stand: ${today}`,
    done: (done: number, total: number) => `${done} von ${total} Aufgaben erledigt`,
    passed: (delivery: string) => `Der Liefertermin am ${delivery} ist verstrichen.`,
    left: (days: string, delivery: string) => `Noch ${days} bis zum Liefertermin am ${delivery}.`,
    met: (finish: string) => `Voraussichtlich fertig am ${finish}.`,
    late: (finish: string) => `Voraussichtlich erst am ${finish} fertig, nach dem Liefertermin.`,
    next: "Als Nächstes",
    from: "ab",
    noneOpen: "Keine offenen Aufgaben.",
    recent: "Zuletzt erledigt",
    noneDone: "Noch nichts erledigt.",
    blocked: "Blockiert",
    waitsFor: "wartet auf",
    noneBlocked: "Keine Aufgabe ist blockiert.",
  },
  en: {
    title: "Summary",
    asOf: (today: string) => `As of ${today}`,
    done: (done: number, total: number) => `${done} of ${total} tasks done`,
    passed: (delivery: string) => `The delivery date ${delivery} has passed.`,
    left: (days: string, delivery: string) => `${days} left until delivery on ${delivery}.`,
    met: (finish: string) => `Expected to finish on ${finish}.`,
    late: (finish: string) => `Expected to finish only on ${finish}, after delivery.`,
    next: "Next",
    from: "from",
    noneOpen: "No open tasks.",
    recent: "Recently done",
    noneDone: "Nothing done yet.",
    blocked: "Blocked",
    waitsFor: "waits for",
    noneBlocked: "No task is blocked.",
  },
} as const;

/** `nova summary` for a terminal: progress bar, dates, and numbered or bulleted lists. */
export function renderSummaryText(result: SummaryResult, lang: Language, style: Style): string {
  const text = TEXT[lang];
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
    if (task.critical) parts.push(style.red(translate(lang, "critical")));
    if (task.atRisk) parts.push(style.yellow(translate(lang, "atRisk")));
    if (task.writeBackPending) parts.push(translate(lang, "writeBackPending"));
    lines.push(`${padText(`${index + 1}.`, numberWidth + 1, "right")} ${parts.join(" · ")}`);
  });
  lines.push("", style.bold(text.recent), "");
  if (result.recentlyDone.length === 0) lines.push(text.noneDone);
  for (const task of result.recentlyDone) {
    const parts = [task.title];
    if (task.closedAt) parts.push(date(task.closedAt));
    if (task.writeBackPending) parts.push(translate(lang, "writeBackPending"));
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
