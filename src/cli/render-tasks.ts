import { escapeMarkdown } from "../render/escape-markdown.js";
import { say, type Language } from "../render/i18n.js";
import type { TaskRow } from "./list-tasks.js";
import type { Style } from "../render/ansi-style.js";
import { renderTable, type Row } from "./terminal/render-table.js";

/** The texts of this view in `lang` (the catalog's `terminal.tasks.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "terminal.tasks.title"),
  columns: [
    say(lang, "terminal.tasks.columns.0"),
    say(lang, "terminal.tasks.columns.1"),
    say(lang, "terminal.tasks.columns.2"),
    say(lang, "terminal.tasks.columns.3"),
    say(lang, "terminal.tasks.columns.4"),
    say(lang, "terminal.tasks.columns.5"),
  ] as const,
  count: (total: number, done: number) => say(lang, "terminal.tasks.count", { count: total, done }),
  none: say(lang, "terminal.tasks.none"),
  noSection: say(lang, "terminal.tasks.noSection"),
});

/** `nova tasks --format md`: one table row per task. */
export function renderTasksMarkdown(rows: readonly TaskRow[], lang: Language): string {
  const text = readText(lang);
  if (rows.length === 0) return `## ${text.title}\n\n${text.none}\n`;
  const code = (value: string) => `\`${value.replace(/`/g, "'")}\``;
  return [
    `## ${text.title}`,
    "",
    `| ${text.columns.join(" | ")} |`,
    "| ---: | :---: | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.line} | ${row.checked ? "`[x]`" : "`[ ]`"} | ${code(row.id)} | ${escapeMarkdown(row.title)} | ${row.section === null ? "–" : escapeMarkdown(row.section)} | ${row.parent === null ? "–" : code(row.parent)} |`,
    ),
    "",
    text.count(rows.length, rows.filter((row) => row.checked).length),
    "",
  ].join("\n");
}

/**
 * `nova tasks` in a terminal: one aligned table, a heading row per section, nested tasks
 * indented under their parent.
 */
export function renderTasksText(
  rows: readonly TaskRow[],
  lang: Language,
  style: Style,
  width?: number,
): string {
  const text = readText(lang);
  if (rows.length === 0) return `${style.bold(text.title)}\n\n${text.none}\n`;
  const [line, done, id, title, , parent] = text.columns;
  const cells: Row[] = [];
  let section: string | null | undefined;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      cells.push({ span: { text: section ?? text.noSection, paint: style.bold } });
    }
    cells.push([
      String(row.line),
      row.checked ? { text: "[x]", paint: style.green } : "[ ]",
      `${"  ".repeat(row.depth)}${row.title}`,
      { text: row.id, paint: style.cyan },
      row.parent ?? "",
    ]);
  }
  const table = renderTable(
    [
      { header: line, align: "right" },
      { header: done },
      { header: title, flexible: true },
      { header: id, flexible: true },
      { header: parent, flexible: true },
    ],
    cells,
    style,
    width,
  );
  return [
    style.bold(text.title),
    "",
    ...table,
    "",
    text.count(rows.length, rows.filter((row) => row.checked).length),
    "",
  ].join("\n");
}
