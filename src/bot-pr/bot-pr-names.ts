import { say, type Language } from "../render/i18n.js";

/**
 * The names of Nova's two pull requests: one branch each (never two open pull requests of a
 * kind; the write-back branch is in src/sync/write-back-branch.ts), the status label, the report
 * folder, and the titles people see.
 */
export const STATUS_BRANCH = "nova/status";

/** The label on the status pull request (created on first use). */
export const STATUS_LABEL = {
  name: "nova:status",
  color: "76B900",
  description: "Nova-Statusbericht (von Nova gepflegt)",
} as const;

/** Where the daily reports live: `reports/status/YYYY-MM-DD.md` and `reports/status/index.md`. */
export const STATUS_DIR = "reports/status";
export const STATUS_INDEX_PATH = `${STATUS_DIR}/index.md`;

/** `reports/status/2025-01-07.md` */
export function statusReportPath(date: string): string {
  return `${STATUS_DIR}/${date}.md`;
}

/** The date of a report file name (`2025-01-07.md`), or null for any other name. */
export function parseReportDate(name: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})\.md$/.exec(name)?.[1] ?? null;
}

/** "Nova-Statusbericht 2025-01-07" (the date of the newest report in the pull request). */
export function renderStatusTitle(date: string, lang: Language): string {
  return say(lang, "botPr.statusTitle", { date });
}

export function renderWriteBackTitle(lang: Language): string {
  return say(lang, "botPr.writeBackTitle");
}
