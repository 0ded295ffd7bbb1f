import { say, type Language } from "../../render/i18n.js";
import type { FirstSyncPreview } from "../../sync/first-sync-preview.js";
import type { Style } from "../../render/ansi-style.js";
import { renderTable } from "./render-table.js";

/** The texts of this view in `lang` (the catalog's `terminal.plan.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "terminal.plan.title"),
  lead: (labels: number, issues: number, links: FirstSyncPreview["links"], writes: number) =>
    say(lang, "terminal.plan.lead", {
      labels: say(lang, "terminal.plan.labels", { count: labels }),
      issues: say(lang, "terminal.plan.issues", { count: issues }),
      subIssues: say(lang, "terminal.plan.subIssues", { count: links.subIssues }),
      blockedBy: say(lang, "terminal.plan.blockedBy", { count: links.blockedBy }),
      writes: say(lang, "terminal.plan.writes", { count: writes }),
    }),
  labelColumns: [
    say(lang, "terminal.plan.labelColumns.0"),
    say(lang, "terminal.plan.labelColumns.1"),
    say(lang, "terminal.plan.labelColumns.2"),
  ] as const,
  issueColumns: [
    say(lang, "terminal.plan.issueColumns.0"),
    say(lang, "terminal.plan.issueColumns.1"),
    say(lang, "terminal.plan.issueColumns.2"),
    say(lang, "terminal.plan.issueColumns.3"),
  ] as const,
  open: say(lang, "terminal.plan.open"),
  closed: say(lang, "terminal.plan.closed"),
});

/** `nova plan` for a terminal: the labels and the issues a first sync would create, aligned. */
export function renderSyncPlanText(
  result: FirstSyncPreview,
  lang: Language,
  style: Style,
  width?: number,
): string {
  const text = readText(lang);
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
