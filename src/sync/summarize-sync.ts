import type { ObservedIssue } from "../github/vocabulary.js";
import type { SyncOp } from "./plan-sync.js";
import type { SyncSummary } from "./run-sync.js";

export interface SyncEntry {
  title: string;
  number: number | null;
  url: string | null;
}

/** A sync's outcome in the words a check run or a `/nova sync` reply uses. */
export interface SyncReport {
  labelsCreated: string[];
  created: SyncEntry[];
  updated: SyncEntry[];
  closed: SyncEntry[];
  reopened: SyncEntry[];
  removed: SyncEntry[];
  duplicates: SyncEntry[];
  unchanged: number;
  proposals: Array<SyncEntry & { tick: boolean }>;
  remaining: number;
  skipped: number;
  writes: number;
  error: string | null;
  /** Nothing to write at all. */
  upToDate: boolean;
  /** Sub-issues, dependencies and the milestone (see `renderStructureLines`). */
  structure: StructureReport;
}

/** What the structure step did, for the check run. */
export interface StructureReport {
  subIssuesAdded: number;
  subIssuesMoved: number;
  reordered: number;
  blockedByAdded: number;
  blockedByRemoved: number;
  /** Links a person removed by hand that the sync put back: "#child in #parent". */
  restored: string[];
  milestone: { title: string; action: "created" | "updated" } | null;
  missing: Array<"sub-issues" | "dependencies" | "milestones">;
  /** `owner=@login`s that could not be assigned: "login" per task. */
  unassignable: Array<{ login: string; title: string }>;
}

/**
 * Sorts the ops of a sync into what a person wants to read: created, updated, closed,
 * reopened, removed. Pure.
 */
export function summarizeSync(
  summary: SyncSummary,
  titles: ReadonlyMap<string, string>,
): SyncReport {
  const entry = (taskId: string, number: number | null): SyncEntry => {
    const issue: ObservedIssue | undefined = summary.issues.get(taskId);
    return {
      title: titles.get(taskId) ?? issue?.title ?? taskId,
      number: number ?? issue?.number ?? null,
      url: issue && issue.number === (number ?? issue.number) ? issue.htmlUrl || null : null,
    };
  };
  const report: SyncReport = {
    labelsCreated: [],
    created: [],
    updated: [],
    closed: [],
    reopened: [],
    removed: [],
    duplicates: [],
    unchanged: summary.unchanged,
    proposals: summary.proposals.map((proposal) => ({
      ...entry(proposal.taskId, proposal.issueNumber),
      tick: proposal.action === "tick",
    })),
    remaining: summary.remaining.length,
    skipped: summary.skipped.length,
    writes: summary.writes,
    error: summary.error ? summary.error.message : null,
    upToDate:
      summary.applied.length === 0 && summary.remaining.length === 0 && summary.writes === 0,
    structure: summarizeStructure(summary),
  };
  for (const op of summary.applied) sortOp(op, report, entry);
  return report;
}

function sortOp(
  op: SyncOp,
  report: SyncReport,
  entry: (taskId: string, number: number | null) => SyncEntry,
): void {
  switch (op.kind) {
    case "create-label":
      report.labelsCreated.push(op.label.name);
      return;
    case "create-issue":
      report.created.push(entry(op.taskId, null));
      return;
    case "update-issue":
      if (op.changes.state === "closed") report.closed.push(entry(op.taskId, op.number));
      else if (op.changes.state === "open") report.reopened.push(entry(op.taskId, op.number));
      else report.updated.push(entry(op.taskId, op.number));
      return;
    case "close-removed":
      report.removed.push(entry(op.taskId, op.number));
      return;
    case "close-duplicate":
      report.duplicates.push({ title: op.taskId, number: op.number, url: null });
      return;
  }
}

function summarizeStructure(summary: SyncSummary): StructureReport {
  const report: StructureReport = {
    subIssuesAdded: 0,
    subIssuesMoved: 0,
    reordered: 0,
    blockedByAdded: 0,
    blockedByRemoved: 0,
    restored: [],
    milestone:
      summary.milestone?.action && summary.milestone.writes > 0
        ? { title: summary.milestone.title, action: summary.milestone.action }
        : null,
    missing: [
      ...summary.missingFeatures,
      ...(summary.milestone?.missing ? ["milestones" as const] : []),
    ],
    unassignable: summary.unassignable.map(({ taskId, login }) => ({
      login,
      title: summary.issues.get(taskId)?.title ?? taskId,
    })),
  };
  for (const op of summary.structure) {
    switch (op.kind) {
      case "add-sub-issue":
        if (op.replaceParent) report.subIssuesMoved++;
        else report.subIssuesAdded++;
        if (op.restored) report.restored.push(`#${op.childNumber} ⊂ #${op.parentNumber}`);
        break;
      case "reorder-sub-issue":
        report.reordered++;
        break;
      case "add-blocked-by":
        report.blockedByAdded++;
        if (op.restored) report.restored.push(`#${op.number} ⟵ #${op.blockerNumber}`);
        break;
      case "remove-blocked-by":
        report.blockedByRemoved++;
        break;
    }
  }
  return report;
}
