import type { Language } from "../../render/i18n.js";
import type { FirstSyncPreview } from "../../sync/first-sync-preview.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable } from "./render-table.js";

const TEXT = {
  de: {
    title: "Abgleich-Vorschau",
    lead: (labels: number, issues: number, links: FirstSyncPreview["links"], writes: number) =>
      `Ein erster Abgleich in ein leeres Repository würde ${labels} ${labels === 1 ? "Label" : "Labels"} und ${issues} ${issues === 1 ? "Issue" : "Issues"} anlegen (eins je Bereich, eins je Aufgabe), ${links.subIssues} ${links.subIssues === 1 ? "Aufgabe" : "Aufgaben"} als Sub-Issues ihres Bereichs verknüpfen und ${links.blockedBy} „Blockiert durch“-${links.blockedBy === 1 ? "Beziehung" : "Beziehungen"} anlegen (${writes} ${writes === 1 ? "Schreibzugriff" : "Schreibzugriffe"}). Jetzt wird nichts geschrieben.`,
    labelColumns: ["Label", "Farbe", "Beschreibung"],
    issueColumns: ["Zeile", "Titel", "Labels", "Status"],
    open: "offen",
    closed: "geschlossen (erledigt)",
  },
  en: {
    title: "Sync preview",
    lead: (labels: number, issues: number, links: FirstSyncPreview["links"], writes: number) =>
      `A first sync into an empty repository would create ${labels} ${labels === 1 ? "label" : "labels"} and ${issues} ${issues === 1 ? "issue" : "issues"} (one per section, one per task), link ${links.subIssues} ${links.subIssues === 1 ? "task" : "tasks"} as sub-issues of their section and add ${links.blockedBy} "blocked by" ${links.blockedBy === 1 ? "relation" : "relations"} (${writes} ${writes === 1 ? "write" : "writes"}). Nothing is written now.`,
    labelColumns: ["Label", "Colour", "Description"],
    issueColumns: ["Line", "Title", "Labels", "State"],
    open: "open",
    closed: "closed (done)",
  },
} as const;

/** `nova plan` for a terminal: the labels and the issues a first sync would create, aligned. */
export function renderSyncPlanText(
  result: FirstSyncPreview,
  lang: Language,
  style: Style,
  width?: number,
): string {
  const text = TEXT[lang];
  return [
    style.bold(text.title),
    "",
    text.lead(result.labels.length, result.issues.length, result.links, result.writes),
    "",
    style.bold("Labels"),
    "",
    ...renderTable(
      [
        { header: text.labelColumns[0] },
        { header: text.labelColumns[1] },
        { header: text.labelColumns[2], flexible: true },
      ],
      result.labels.map((label) => [
        { text: label.name, paint: style.cyan },
        `#${label.color}`,
        label.description,
      ]),
      style,
      width,
    ),
    "",
    style.bold("Issues"),
    "",
    ...renderTable(
      [
        { header: text.issueColumns[0], align: "right" },
        { header: text.issueColumns[1], flexible: true },
        { header: text.issueColumns[2], flexible: true },
        { header: text.issueColumns[3] },
      ],
      result.issues.map((issue) => [
        String(issue.line),
        issue.title,
        issue.labels.join(", "),
        issue.state === "closed" ? { text: text.closed, paint: style.green } : text.open,
      ]),
      style,
      width,
    ),
    "",
  ].join("\n");
}
