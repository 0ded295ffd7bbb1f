import { formatPercent } from "../../render/format-values.js";
import { translate, type Language } from "../../render/i18n.js";
import type { ProgressResult } from "../../reports/progress.js";
import type { Style } from "../../render/ansi-style.js";
import { drawBar } from "./draw-bar.js";
import { renderTable } from "./render-table.js";

const TEXT = {
  de: {
    title: "Fortschritt",
    done: (done: number, total: number) => `${done} von ${total} Aufgaben erledigt`,
    empty: "Der Plan enthält noch keine Aufgaben.",
    columns: ["Abschnitt", "Erledigt", "Fortschritt", "Anteil"],
  },
  en: {
    title: "Progress",
    done: (done: number, total: number) => `${done} of ${total} tasks done`,
    empty: "The plan has no tasks yet.",
    columns: ["Section", "Done", "Progress", "Share"],
  },
} as const;

/** `nova progress` for a terminal: the overall bar, then an aligned table of the sections. */
export function renderProgressText(
  result: ProgressResult,
  lang: Language,
  style: Style,
  width?: number,
): string {
  const text = TEXT[lang];
  if (result.total === 0) return `${style.bold(text.title)}\n\n${text.empty}\n`;
  const [section, done, progress, share] = text.columns;
  const table = renderTable(
    [
      { header: section, flexible: true },
      { header: done, align: "right" },
      { header: progress },
      { header: share, align: "right" },
    ],
    result.sections.map((entry) => [
      entry.title
        ? `${entry.number !== null ? `${entry.number}. ` : ""}${entry.title}`
        : translate(lang, "unsectioned"),
      `${entry.done}/${entry.total}`,
      { text: "█".repeat(20), paint: () => drawBar(entry.percent, style) },
      formatPercent(entry.percent, lang),
    ]),
    style,
    width,
  );
  return [
    style.bold(text.title),
    "",
    `${style.bold(text.done(result.done, result.total))} (${formatPercent(result.percent, lang)})`,
    drawBar(result.percent, style),
    "",
    ...table,
    "",
  ].join("\n");
}
