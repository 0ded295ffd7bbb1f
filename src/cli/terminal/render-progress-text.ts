import { formatPercent } from "../../render/format-values.js";
import { say, type Language } from "../../render/i18n.js";
import type { ProgressResult } from "../../reports/progress.js";
import type { Style } from "../../render/ansi-style.js";
import { drawBar } from "./draw-bar.js";
import { renderTable } from "./render-table.js";

/** The texts of this view in `lang` (the catalog's `terminal.progress.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "terminal.progress.title"),
  done: (done: string | number, total: string | number) =>
    say(lang, "terminal.progress.done", { done, total }),
  empty: say(lang, "terminal.progress.empty"),
  columns: [
    say(lang, "terminal.progress.columns.0"),
    say(lang, "terminal.progress.columns.1"),
    say(lang, "terminal.progress.columns.2"),
    say(lang, "terminal.progress.columns.3"),
  ] as const,
});

/** `nova progress` for a terminal: the overall bar, then an aligned table of the sections. */
export function renderProgressText(
  result: ProgressResult,
  lang: Language,
  style: Style,
  width?: number,
): string {
  const text = readText(lang);
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
        : say(lang, "unsectioned"),
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
