import type { Language } from "../render/i18n.js";
import type { BotPrOp, CommitFile } from "./apply-bot-pr.js";
import {
  renderStatusTitle,
  STATUS_BRANCH,
  STATUS_INDEX_PATH,
  STATUS_LABEL,
  statusReportPath,
} from "./bot-pr-names.js";
import type { ObservedStatusPr } from "./observe-status-pr.js";
import { StatusPrBody } from "./status-pr-body.js";
import type { StatusReportDraft } from "./status-report-content.js";

/** What started a report: the schedule respects a pull request closed unmerged that day. */
export type StatusTrigger = "schedule" | "command" | "cli";

export interface PlanStatusOptions {
  trigger: StatusTrigger;
  lang: Language;
  defaultBranch: string;
  repoUrl: string;
  /** `YYYY-MM-DD` of an instant in `status.timezone` (when a pull request was closed). */
  dateOf: (iso: string) => string;
  /** `reports/status/index.md` for these dates. */
  renderIndex: (dates: readonly string[]) => string;
}

export type StatusOutcome =
  /** Nothing changed since the newest report: no commit (the body may still be refreshed). */
  | "up-to-date"
  /** Maintainers closed the pull request unmerged today: the schedule waits for another day. */
  | "rejected-today"
  | "opened"
  | "updated";

export interface StatusPrPlan {
  outcome: StatusOutcome;
  ops: BotPrOp[];
  /** The reports the pull request holds after the plan, newest first. */
  reports: string[];
  /** The open pull request the plan updates, or null when it opens one (or there is none). */
  number: number | null;
}

/**
 * Decides the status pull request's writes for today's report. Pure.
 *
 * - A day without change (the newest report has today's digest, or today's report is already
 *   there byte for byte) makes no commit.
 * - Otherwise one commit on the current default branch holds every report the open pull request
 *   had, today's, and the regenerated index; the branch is force-moved to it (never merged
 *   into), so a moved base is picked up and no report is lost.
 * - No open pull request: one is opened (label `nova:status`), unless the schedule finds that
 *   maintainers closed the last one unmerged today.
 * - Title and body are rewritten only when they differ.
 */
export function planStatusPr(
  report: StatusReportDraft,
  observed: ObservedStatusPr,
  options: PlanStatusOptions,
): StatusPrPlan {
  const { open } = observed;
  const carried = new Map(
    [...(open?.reports ?? [])].filter(([date, sha]) => observed.baseReports.get(date) !== sha),
  );
  const known = new Map([...observed.baseReports, ...(open?.reports ?? [])]);
  const newest = [...known.keys()].sort().at(-1);
  const unchanged =
    newest === report.date
      ? known.get(report.date) === report.blobSha
      : newest !== undefined && observed.latestDigest === report.digest;

  const prReports = (dates: Iterable<string>) => [...new Set(dates)].sort().reverse();
  if (unchanged) {
    if (!open) return { outcome: "up-to-date", ops: [], reports: [], number: null };
    const reports = prReports(open.reports.keys()).filter((date) => carried.has(date));
    const ops = refreshPull(open.pull, reports, report, options);
    return { outcome: "up-to-date", ops, reports, number: open.pull.number };
  }
  if (
    !open &&
    observed.rejected?.closedAt &&
    options.trigger === "schedule" &&
    options.dateOf(observed.rejected.closedAt) === report.date
  ) {
    return { outcome: "rejected-today", ops: [], reports: [], number: null };
  }

  const reports = prReports([...carried.keys(), report.date]);
  const files: CommitFile[] = [
    ...[...carried].map(([date, blobSha]) => ({ path: statusReportPath(date), blobSha })),
    { path: statusReportPath(report.date), content: report.text },
    {
      path: STATUS_INDEX_PATH,
      content: options.renderIndex([...observed.baseReports.keys(), ...reports]),
    },
  ];
  const commit: BotPrOp = {
    kind: "commit",
    branch: STATUS_BRANCH,
    baseSha: observed.baseSha,
    message: `${renderStatusTitle(report.date, options.lang)}`,
    files,
  };
  if (open) {
    return {
      outcome: "updated",
      ops: [commit, ...refreshPull(open.pull, reports, report, options)],
      reports,
      number: open.pull.number,
    };
  }
  return {
    outcome: "opened",
    ops: [
      commit,
      {
        kind: "create-pr",
        title: renderStatusTitle(report.date, options.lang),
        body: renderBody(reports, report, options),
        head: STATUS_BRANCH,
        base: options.defaultBranch,
        label: { ...STATUS_LABEL },
      },
    ],
    reports,
    number: null,
  };
}

/** An update of title and body, only for what differs. */
function refreshPull(
  pull: { number: number; title: string; body: string },
  reports: string[],
  report: StatusReportDraft,
  options: PlanStatusOptions,
): BotPrOp[] {
  const title = renderStatusTitle(reports[0] ?? report.date, options.lang);
  const body = renderBody(reports, report, options);
  const changes = {
    ...(pull.title !== title ? { title } : {}),
    ...(normalize(pull.body) !== normalize(body) ? { body } : {}),
  };
  return Object.keys(changes).length > 0
    ? [{ kind: "update-pr", number: pull.number, changes }]
    : [];
}

function renderBody(
  reports: string[],
  report: StatusReportDraft,
  options: PlanStatusOptions,
): string {
  return new StatusPrBody({
    lang: options.lang,
    repoUrl: options.repoUrl,
    reports,
    progress: report.progress,
  }).toString();
}

/** GitHub may hand a body back with CRLF line ends. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, "\n").trim();
}
