import type { Language } from "../../render/i18n.js";
import type { SyncReport } from "../../sync/summarize-sync.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable } from "./render-table.js";

const TEXT = {
  de: {
    upToDate: (n: number) =>
      `Alles ist auf dem neuesten Stand: ${n} Issues entsprechen der Checkliste.`,
    count: "Anzahl",
    rows: {
      created: "angelegt",
      updated: "aktualisiert",
      closed: "geschlossen (erledigt)",
      reopened: "wiedereröffnet",
      removed: "geschlossen (entfernt)",
    },
    unchanged: "unverändert",
    headings: {
      created: "Angelegt",
      updated: "Aktualisiert",
      closed: "Geschlossen (erledigt)",
      reopened: "Wiedereröffnet",
      removed: "Geschlossen (aus der Checkliste entfernt)",
    },
    labels: "Neue Labels:",
    proposals:
      "Vorschläge für die Checkliste (jemand hat ein Issue auf GitHub geschlossen oder wieder geöffnet; Nova lässt es so und schlägt die Änderung der Checkliste vor):",
    tick: "abhaken",
    untick: "Haken entfernen",
    remaining: (n: number, max: number) =>
      `${n} weitere Änderungen folgen im nächsten Lauf (höchstens ${max} Schreibzugriffe je Lauf).`,
    skipped: (n: number) =>
      `${n} Änderungen übersprungen, weil jemand das Issue währenddessen geändert hat; der nächste Lauf prüft erneut.`,
    error: (e: string) => `GitHub hat den Lauf unterbrochen (${e}); Nova versucht es erneut.`,
  },
  en: {
    upToDate: (n: number) => `Everything is up to date: ${n} issues match the checklist.`,
    count: "Count",
    rows: {
      created: "created",
      updated: "updated",
      closed: "closed (done)",
      reopened: "reopened",
      removed: "closed (removed)",
    },
    unchanged: "unchanged",
    headings: {
      created: "Created",
      updated: "Updated",
      closed: "Closed (done)",
      reopened: "Reopened",
      removed: "Closed (removed from the checklist)",
    },
    labels: "New labels:",
    proposals:
      "Proposed checklist changes (someone closed or reopened an issue on GitHub; Nova keeps it that way and proposes the checklist change):",
    tick: "tick",
    untick: "untick",
    remaining: (n: number, max: number) =>
      `${n} more changes follow in the next run (at most ${max} writes per run).`,
    skipped: (n: number) =>
      `${n} changes skipped because someone changed the issue meanwhile; the next run checks again.`,
    error: (e: string) => `GitHub interrupted the run (${e}); Nova tries again.`,
  },
} as const;

const KINDS = ["created", "updated", "closed", "reopened", "removed"] as const;

/** `nova sync` for a terminal: the counts as an aligned table, then the issues per kind. */
export function renderSyncText(
  report: SyncReport,
  lang: Language,
  style: Style,
  maxWrites: number,
): string {
  const text = TEXT[lang];
  const lines: string[] = [];
  if (report.upToDate) lines.push(text.upToDate(report.unchanged));
  else
    lines.push(
      ...renderTable(
        [{ header: "" }, { header: text.count, align: "right" }],
        [
          ...KINDS.map((kind) => [text.rows[kind], String(report[kind].length)]),
          [text.unchanged, String(report.unchanged)],
        ],
        style,
      ),
    );
  if (report.labelsCreated.length > 0)
    lines.push("", `${style.bold(text.labels)} ${report.labelsCreated.join(", ")}`);
  const entry = (e: { number: number | null; title: string }) =>
    `• ${e.number !== null ? `${style.cyan(`#${e.number}`)} ` : ""}${e.title}`;
  for (const kind of KINDS) {
    if (report[kind].length === 0) continue;
    lines.push("", style.bold(text.headings[kind]), ...report[kind].map(entry));
  }
  if (report.proposals.length > 0)
    lines.push(
      "",
      style.bold(text.proposals),
      ...report.proposals.map((p) => `${entry(p)}: ${p.tick ? text.tick : text.untick}`),
    );
  if (report.remaining > 0) lines.push("", text.remaining(report.remaining, maxWrites));
  if (report.skipped > 0) lines.push("", text.skipped(report.skipped));
  if (report.error !== null) lines.push("", style.yellow(`! ${text.error(report.error)}`));
  return `${lines.join("\n")}\n`;
}
