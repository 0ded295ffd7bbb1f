import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { StatusReportResult } from "./run-status-report.js";

/**
 * What a status report run did, as Markdown (`templates/<lang>/command-report.hbs`): the
 * `/nova report` reply and the output of `nova report`. Null means the run reported nothing.
 */
export function renderStatusResult(
  result: StatusReportResult | null,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const base = {
    opened: false,
    updated: false,
    upToDate: false,
    rejectedToday: false,
    checklistMissing: false,
    configInvalid: false,
    noResult: false,
    dryRun: false,
    date: null as string | null,
    pull: null as { number: number; url: string } | null,
    reports: [] as string[],
    path: "",
  };
  if (result === null) return renderer.render("command-report", lang, { ...base, noResult: true });
  switch (result.status) {
    case "invalid-config":
      return renderer.render("command-report", lang, { ...base, configInvalid: true });
    case "checklist-missing":
      return renderer.render("command-report", lang, {
        ...base,
        checklistMissing: true,
        path: result.path,
      });
    default:
      return renderer.render("command-report", lang, {
        ...base,
        opened: result.status === "opened",
        updated: result.status === "updated",
        upToDate: result.status === "up-to-date",
        rejectedToday: result.status === "rejected-today",
        dryRun: result.dryRun,
        date: result.date,
        pull: result.pull,
        reports: result.reports,
      });
  }
}
