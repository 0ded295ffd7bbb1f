import type { IssueWrite, ObservedIssue } from "../github/vocabulary.js";
import type { DesiredIssue, DesiredLabel, DesiredState } from "./desired-state.js";
import { findRenamedIssue } from "./find-renamed-issue.js";
import {
  parseSyncedMarker,
  writeSyncedMarker,
  type SyncedState,
} from "../github/hidden-markers.js";

/** What Nova saw on GitHub: label names known to exist, and the bot's task issues by marker. */
export interface ObservedState {
  labels: string[];
  /** Bot-written issues with a task marker, by task id, oldest (lowest number) first. */
  taskIssues: ReadonlyMap<string, readonly ObservedIssue[]>;
}

export type SyncOp =
  | { kind: "create-label"; label: DesiredLabel }
  | {
      kind: "create-issue";
      taskId: string;
      title: string;
      body: string;
      labels: string[];
      /** A ticked task: create, then close as completed. */
      close: boolean;
      after: string[];
      milestone?: number;
      /** `owner=@login`, assigned when GitHub says the login can be. */
      assignee?: string;
    }
  | {
      kind: "update-issue";
      taskId: string;
      number: number;
      changes: IssueWrite;
      /** The state the issue had when observed; apply re-reads and skips if a human changed it. */
      observedState: "open" | "closed";
      /** Set when a renamed task takes over the issue of its old id. */
      renamedFrom?: string;
      /** The owner being assigned (`changes.assignees`), checked before the write. */
      assignee?: string;
    }
  | { kind: "close-removed"; taskId: string; number: number; body: string }
  | { kind: "close-duplicate"; taskId: string; number: number; duplicateOf: number };

/** A checklist edit that GitHub asks for: a human closed (tick) or reopened (untick) a task issue. */
export interface WriteBackProposal {
  taskId: string;
  issueNumber: number;
  action: "tick" | "untick";
}

/**
 * What Nova's open write-back pull request proposes, by task id (its body, parsed). While a
 * task is in it, its issue is held as people left it (see `compareIssue`).
 */
export type PendingWriteBack = ReadonlyMap<string, WriteBackProposal["action"]>;

export interface SyncPlan {
  ops: SyncOp[];
  proposals: WriteBackProposal[];
  /** Task issues that already match. */
  unchanged: number;
  /**
   * Some issue disagrees with a checklist that changed since the last sync, and
   * `pendingWriteBack` was not given: plan again with it (the issue may be held for the open
   * write-back pull request). Never set when it was given.
   */
  needsPendingWriteBack: boolean;
}

export interface PlanSyncOptions {
  /** Label prefix: labels named `<prefix>` or `<prefix>/…` are Nova's; others belong to people. */
  prefix: string;
  closeRemoved: boolean;
  /** The open write-back pull request's proposals; read lazily (see `needsPendingWriteBack`). */
  pendingWriteBack?: PendingWriteBack;
}

/** The writes each op costs (apply stops before exceeding the per-run budget). */
export function countOpWrites(op: SyncOp): number {
  switch (op.kind) {
    case "create-issue":
      return op.close ? 2 : 1;
    case "close-removed":
    case "close-duplicate":
      return 2; // a comment, then the close
    default:
      return 1;
  }
}

/**
 * Compares the desired state with what was observed and decides every write. Pure.
 *
 * - Labels: a missing label is created; an existing one (any case) is adopted as it is.
 * - Issues: create, update only the fields that differ (title, body, Nova's labels, state),
 *   take over the issue of a renamed task, close removed tasks as "not planned".
 * - A human closing or reopening an issue is respected: the checklist did not change since the
 *   last sync (the synced marker says so), so the issue stays as it is and a write-back
 *   proposal records what the checklist should say. The same holds while the task is in Nova's
 *   open write-back pull request (`pendingWriteBack`), whose marker already says the new state.
 */
export function planSync(
  desired: DesiredState,
  observed: ObservedState,
  options: PlanSyncOptions,
): SyncPlan {
  const ops: SyncOp[] = [];
  const proposals: WriteBackProposal[] = [];
  let unchanged = 0;
  let needsPendingWriteBack = false;

  const labelNames = new Map(observed.labels.map((name) => [name.toLowerCase(), name]));
  for (const label of desired.labels) {
    if (!labelNames.has(label.name.toLowerCase())) ops.push({ kind: "create-label", label });
  }
  // Adopted labels keep their existing spelling on issues.
  const actualLabel = (name: string) => labelNames.get(name.toLowerCase()) ?? name;

  const canonical = new Map<string, ObservedIssue>();
  for (const [taskId, issues] of observed.taskIssues) {
    const [first, ...duplicates] = [...issues].sort((a, b) => a.number - b.number);
    if (!first) continue;
    canonical.set(taskId, first);
    for (const duplicate of duplicates) {
      if (duplicate.state === "open") {
        ops.push({
          kind: "close-duplicate",
          taskId,
          number: duplicate.number,
          duplicateOf: first.number,
        });
      }
    }
  }

  const desiredIds = new Set(desired.issues.map((issue) => issue.taskId));
  const orphans = new Map([...canonical].filter(([taskId]) => !desiredIds.has(taskId)));

  for (const want of desired.issues) {
    let issue = canonical.get(want.taskId);
    let renamedFrom: string | undefined;
    if (!issue && want.kind === "task") {
      const match = findRenamedIssue(want, taskOrphans(orphans), options.prefix);
      if (match) {
        orphans.delete(match.taskId);
        issue = match.issue;
        renamedFrom = match.taskId;
      }
    }
    if (!issue) {
      ops.push({
        kind: "create-issue",
        taskId: want.taskId,
        title: want.title,
        body: want.body,
        labels: want.labels.map(actualLabel),
        close: want.state === "closed",
        after: want.after,
        ...(want.milestone !== undefined ? { milestone: want.milestone } : {}),
        ...(want.owner ? { assignee: want.owner } : {}),
      });
      continue;
    }
    const { changes, proposal, needsPending } = compareIssue(
      want,
      issue,
      options.prefix,
      actualLabel,
      options.pendingWriteBack,
    );
    if (proposal) proposals.push(proposal);
    if (needsPending) needsPendingWriteBack = true;
    if (Object.keys(changes).length === 0) {
      unchanged++;
      continue;
    }
    ops.push({
      kind: "update-issue",
      taskId: want.taskId,
      number: issue.number,
      changes,
      observedState: issue.state,
      ...(renamedFrom ? { renamedFrom } : {}),
      ...(changes.assignees && want.owner ? { assignee: want.owner } : {}),
    });
  }

  for (const [taskId, issue] of orphans) {
    if (!options.closeRemoved || issue.state === "closed") continue;
    ops.push({
      kind: "close-removed",
      taskId,
      number: issue.number,
      body: writeSyncedMarker(issue.body, { checked: false, removed: true }),
    });
  }
  return { ops: orderOps(ops), proposals, unchanged, needsPendingWriteBack };
}

function compareIssue(
  want: DesiredIssue,
  issue: ObservedIssue,
  prefix: string,
  actualLabel: (name: string) => string,
  pending: PendingWriteBack | undefined,
): { changes: IssueWrite; proposal: WriteBackProposal | null; needsPending: boolean } {
  const changes: IssueWrite = {};
  let proposal: WriteBackProposal | null = null;
  let needsPending = false;
  if (issue.title !== want.title) changes.title = want.title;
  if (want.milestone !== undefined && issue.milestone?.number !== want.milestone) {
    changes.milestone = want.milestone;
  }

  const isManaged = (name: string) => {
    const lower = name.toLowerCase();
    return lower === prefix.toLowerCase() || lower.startsWith(`${prefix.toLowerCase()}/`);
  };
  const wantLabels = want.labels.map(actualLabel);
  const managedNow = issue.labels
    .filter(isManaged)
    .map((name) => name.toLowerCase())
    .sort();
  const managedWanted = wantLabels.map((name) => name.toLowerCase()).sort();
  if (managedNow.join("\n") !== managedWanted.join("\n")) {
    changes.labels = [...issue.labels.filter((name) => !isManaged(name)), ...wantLabels];
  }

  const wantChecked = want.state === "closed";
  const isClosed = issue.state === "closed";
  const synced: SyncedState = parseSyncedMarker(issue.body) ?? {
    checked: isClosed,
    removed: false,
  };
  let nextSynced: SyncedState = { checked: synced.checked, removed: false };
  // What the checklist should say if this issue's state is a human's doing.
  const taskProposal: WriteBackProposal | null =
    isClosed === wantChecked
      ? null
      : isClosed && issue.stateReason !== "not_planned"
        ? { taskId: want.taskId, issueNumber: issue.number, action: "tick" }
        : !isClosed
          ? { taskId: want.taskId, issueNumber: issue.number, action: "untick" }
          : null;
  // The box differs from the marker because Nova, opening the write-back pull request, set the
  // marker to the proposed state. While the task is in that open pull request, hold the issue
  // (docs/sync.md, "Write-back"); once it is merged the box agrees, and once it is closed
  // unmerged the checklist wins.
  // A section's issue has no box: a person closing or reopening it is kept (while its tasks do
  // not change) but proposes nothing.
  const humanProposal = want.kind === "section" ? null : taskProposal;
  const mayBeHeld = !synced.removed && wantChecked !== synced.checked && humanProposal !== null;
  if (mayBeHeld && pending === undefined) needsPending = true;
  const held = mayBeHeld && pending?.get(want.taskId) === humanProposal.action;
  if (held) {
    proposal = humanProposal;
  } else if (!synced.removed && wantChecked === synced.checked) {
    // The checklist did not change since the last sync: a differing state is a human's doing.
    proposal = humanProposal;
  } else {
    // The checklist changed (or a removed task came back): follow it.
    nextSynced = { checked: wantChecked, removed: false };
    if (isClosed !== wantChecked) {
      changes.state = wantChecked ? "closed" : "open";
      changes.stateReason = wantChecked ? "completed" : "reopened";
    }
  }
  const body = writeSyncedMarker(want.body, nextSynced);
  if (!bodiesMatch(issue.body, body)) changes.body = body;
  // The owner is assigned once, when the body Nova wrote did not name them yet (a new or changed
  // `owner=`); a person's later assignment is never undone.
  if (
    want.owner &&
    changes.body !== undefined &&
    !bodyNamesOwner(issue.body, want.owner) &&
    !issue.assignees.some((login) => login.toLowerCase() === want.owner!.toLowerCase())
  ) {
    changes.assignees = [...issue.assignees, want.owner];
  }
  return { changes, proposal, needsPending };
}

/** Whether a body Nova wrote shows `owner` (`@login` in code, as issue-body.hbs writes it). */
function bodyNamesOwner(body: string, owner: string): boolean {
  return body.toLowerCase().includes(`\`@${owner.toLowerCase()}\``);
}

/**
 * Bodies match when they differ at most in the checklist permalink (`blob/<sha>/<path>#L<n>`).
 * A permalink stays correct forever (it names the commit), so a new commit, or lines moving
 * because a task was added above, must not rewrite every issue; the link is refreshed the next
 * time the body changes for a real reason.
 */
export function bodiesMatch(current: string, wanted: string): boolean {
  const normalize = (body: string) =>
    body
      .replace(/\r\n/g, "\n")
      .replace(/\/blob\/[0-9a-f]{40}\/([^)\s#]*)#L\d+/g, "/blob/<sha>/$1#L<n>")
      .trim();
  return normalize(current) === normalize(wanted);
}

function taskOrphans(
  orphans: ReadonlyMap<string, ObservedIssue>,
): ReadonlyMap<string, ObservedIssue> {
  return new Map([...orphans].filter(([key]) => !key.includes(":")));
}

/** Labels first (issues need them), then creates in dependency order, then the rest. */
function orderOps(ops: SyncOp[]): SyncOp[] {
  const rank = (op: SyncOp) =>
    op.kind === "create-label"
      ? 0
      : op.kind === "create-issue"
        ? 1
        : op.kind === "update-issue"
          ? 2
          : 3;
  const sorted = [...ops].sort((a, b) => rank(a) - rank(b));
  const creates = sorted.filter((op) => op.kind === "create-issue");
  const createById = new Map(creates.map((op) => [op.taskId, op]));
  // Dependencies first, so a dependent's body can link its dependency's new issue number.
  const ordered: SyncOp[] = [];
  const placed = new Set<string>();
  const place = (op: Extract<SyncOp, { kind: "create-issue" }>, path: Set<string>) => {
    if (placed.has(op.taskId) || path.has(op.taskId)) return;
    path.add(op.taskId);
    for (const id of op.after) {
      const dependency = createById.get(id);
      if (dependency) place(dependency, path);
    }
    placed.add(op.taskId);
    ordered.push(op);
  };
  for (const op of creates) place(op, new Set());
  return [
    ...sorted.filter((op) => op.kind === "create-label"),
    ...ordered,
    ...sorted.filter((op) => op.kind !== "create-label" && op.kind !== "create-issue"),
  ];
}
