import { toGitHubError, type GitHubError } from "../github/github-error.js";
import type { ObservedIssue } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";
import { say, type Language } from "../render/i18n.js";
import { countOpWrites, type ObservedState, type SyncOp } from "./plan-sync.js";

export interface ApplyOptions {
  dryRun: boolean;
  /** Stop before the write that would exceed this; the rest waits for a follow-up run. */
  maxWrites: number;
  lang: Language;
}

export interface ApplyResult {
  /** Ops carried out (or, in a dry run, that would be). */
  applied: SyncOp[];
  /** Ops left for a follow-up run (write budget spent, or an error stopped the run). */
  remaining: SyncOp[];
  /** Ops skipped because a human changed the issue after it was observed. */
  skipped: SyncOp[];
  writes: number;
  /** The observed state after the writes, for a second planning pass. */
  observed: ObservedState;
  /** What stopped the run early, if anything. */
  error: GitHubError | null;
  /** Owners GitHub would not let be assigned (`owner=@login`): a warning, not an error. */
  unassignable: Array<{ taskId: string; login: string }>;
}

/**
 * Carries out a sync plan: the only place the sync writes. A dry run returns what would be
 * written and makes no request at all. Before changing an issue's state it re-reads the issue,
 * and skips the change when a human moved it meanwhile (the next run plans again).
 */
export async function applySync(
  ops: readonly SyncOp[],
  observed: ObservedState,
  port: GitHubPort,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const result: ApplyResult = {
    applied: [],
    remaining: [],
    skipped: [],
    writes: 0,
    observed: { labels: [...observed.labels], taskIssues: new Map(observed.taskIssues) },
    error: null,
    unassignable: [],
  };
  const record = (taskId: string, issue: ObservedIssue) => {
    const others = (result.observed.taskIssues.get(taskId) ?? []).filter(
      (known) => known.number !== issue.number,
    );
    (result.observed.taskIssues as Map<string, ObservedIssue[]>).set(
      taskId,
      [...others, issue].sort((a, b) => a.number - b.number),
    );
  };

  for (const [index, op] of ops.entries()) {
    const cost = countOpWrites(op);
    if (result.writes + cost > options.maxWrites) {
      result.remaining = ops.slice(index);
      break;
    }
    if (options.dryRun) {
      result.applied.push(op);
      result.writes += cost;
      continue;
    }
    try {
      const done = await applyOp(op, port, options.lang, record, result);
      if (done) result.applied.push(op);
      else result.skipped.push(op);
    } catch (error) {
      result.error = toGitHubError(error);
      result.remaining = ops.slice(index);
      break;
    }
  }
  return result;
}

async function applyOp(
  op: SyncOp,
  port: GitHubPort,
  lang: Language,
  record: (taskId: string, issue: ObservedIssue) => void,
  result: ApplyResult,
): Promise<boolean> {
  const checkAssignable = async (login: string, taskId: string): Promise<boolean> => {
    if (await port.canBeAssigned(login)) return true;
    result.unassignable.push({ taskId, login });
    return false;
  };
  switch (op.kind) {
    case "create-label": {
      await port.createLabel({ ...op.label });
      result.writes += 1;
      result.observed.labels.push(op.label.name);
      return true;
    }
    case "create-issue": {
      const assignable = op.assignee ? await checkAssignable(op.assignee, op.taskId) : false;
      let issue = await port.createIssue({
        title: op.title,
        body: op.body,
        labels: op.labels,
        ...(op.milestone !== undefined ? { milestone: op.milestone } : {}),
        ...(assignable && op.assignee ? { assignees: [op.assignee] } : {}),
      });
      result.writes += 1;
      record(op.taskId, issue);
      if (op.close) {
        issue = await port.updateIssue(issue.number, { state: "closed", stateReason: "completed" });
        result.writes += 1;
        record(op.taskId, issue);
      }
      return true;
    }
    case "update-issue": {
      if (op.changes.state !== undefined) {
        const current = await port.getIssue(op.number);
        if (!current || current.state !== op.observedState) return false;
      }
      let changes = op.changes;
      if (op.assignee && changes.assignees && !(await checkAssignable(op.assignee, op.taskId))) {
        changes = { ...changes };
        delete changes.assignees;
      }
      const issue = await port.updateIssue(op.number, changes);
      result.writes += 1;
      if (op.renamedFrom)
        (result.observed.taskIssues as Map<string, ObservedIssue[]>).delete(op.renamedFrom);
      record(op.taskId, issue);
      return true;
    }
    case "close-removed": {
      const current = await port.getIssue(op.number);
      if (!current || current.state !== "open") return false;
      // Section issues are keyed `section:<slug>`; task ids never contain a colon.
      const section = op.taskId.startsWith("section:");
      await port.createComment(
        op.number,
        say(lang, section ? "sync.comment.sectionRemoved" : "sync.comment.removed"),
      );
      result.writes += 1;
      const issue = await port.updateIssue(op.number, {
        body: op.body,
        state: "closed",
        stateReason: "not_planned",
      });
      result.writes += 1;
      record(op.taskId, issue);
      return true;
    }
    case "close-duplicate": {
      await port.createComment(
        op.number,
        say(lang, "sync.comment.duplicate", { number: op.duplicateOf }),
      );
      result.writes += 1;
      await port.updateIssue(op.number, { state: "closed", stateReason: "not_planned" });
      result.writes += 1;
      const list = result.observed.taskIssues.get(op.taskId) ?? [];
      (result.observed.taskIssues as Map<string, ObservedIssue[]>).set(
        op.taskId,
        list.filter((issue) => issue.number !== op.number),
      );
      return true;
    }
  }
}
