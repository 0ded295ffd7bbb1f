import { say, type Language } from "../../render/i18n.js";
import type { SyncReport } from "../../sync/summarize-sync.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable } from "./render-table.js";

const KINDS = ["created", "updated", "closed", "reopened", "removed"] as const;

/** `nova sync` for a terminal: the counts as an aligned table, then the issues per kind. */
export function renderSyncText(
  report: SyncReport,
  lang: Language,
  style: Style,
  maxWrites: number,
): string {
  const lines: string[] = [];
  if (report.upToDate) lines.push(say(lang, "terminal.sync.upToDate", { count: report.unchanged }));
  else
    lines.push(
      ...renderTable(
        [{ header: "" }, { header: say(lang, "terminal.sync.count"), align: "right" }],
        [
          ...KINDS.map((kind) => [
            say(lang, `terminal.sync.row.${kind}`),
            String(report[kind].length),
          ]),
          [say(lang, "terminal.sync.row.unchanged"), String(report.unchanged)],
        ],
        style,
      ),
    );
  if (report.labelsCreated.length > 0)
    lines.push(
      "",
      `${style.bold(say(lang, "terminal.sync.labels"))} ${report.labelsCreated.join(", ")}`,
    );
  const entry = (e: { number: number | null; title: string }) =>
    `• ${e.number !== null ? `${style.cyan(`#${e.number}`)} ` : ""}${e.title}`;
  for (const kind of KINDS) {
    if (report[kind].length === 0) continue;
    lines.push("", style.bold(say(lang, `sync.heading.${kind}`)), ...report[kind].map(entry));
  }
  if (report.proposals.length > 0)
    lines.push(
      "",
      style.bold(say(lang, "terminal.sync.proposals")),
      ...report.proposals.map(
        (p) => `${entry(p)}: ${say(lang, p.tick ? "terminal.sync.tick" : "terminal.sync.untick")}`,
      ),
    );
  if (report.remaining > 0)
    lines.push(
      "",
      say(lang, "terminal.sync.remaining", { count: report.remaining, max: maxWrites }),
    );
  if (report.skipped > 0)
    lines.push("", say(lang, "terminal.sync.skipped", { count: report.skipped }));
  if (report.error !== null)
    lines.push("", style.yellow(`! ${say(lang, "terminal.sync.error", { error: report.error })}`));
  return `${lines.join("\n")}\n`;
}
