import type { ObservedIssue } from "../github/vocabulary.js";
import type { DesiredState } from "./desired-state.js";

/** Writes that link issues the way GitHub shows plans: sub-issues and "blocked by". */
export type StructureOp =
  | {
      kind: "add-sub-issue";
      parent: string;
      parentNumber: number;
      child: string;
      childNumber: number;
      childId: number;
      /** The child has another parent: move it (`replace_parent`). */
      replaceParent: boolean;
      /** A person removed this link by hand; the checklist owns the structure. */
      restored: boolean;
    }
  | {
      kind: "reorder-sub-issue";
      parent: string;
      parentNumber: number;
      childId: number;
      anchor: { afterId: number } | { beforeId: number };
    }
  | {
      kind: "add-blocked-by";
      key: string;
      number: number;
      blockerNumber: number;
      blockerId: number;
      restored: boolean;
    }
  | {
      kind: "remove-blocked-by";
      key: string;
      number: number;
      blockerNumber: number;
      blockerId: number;
    };

/** What the structure step knows about each issue after the sync's issue writes. */
export interface StructureInput {
  desired: Pick<DesiredState, "subIssues" | "blockedBy">;
  /** The canonical issue of each task and section, by key. */
  issues: ReadonlyMap<string, ObservedIssue>;
  /** Keys whose issue was created or had its body rewritten in this run (plan changes show there). */
  touched: ReadonlySet<string>;
  /** Keys whose issue was created in this run (a missing link there is new, not "restored"). */
  created: ReadonlySet<string>;
}

/** The lists to read before planning: only where the listing's summaries disagree with the plan. */
export interface StructureReads {
  subIssuesOf: string[];
  blockedByOf: string[];
}

/**
 * Which sub-issue and dependency lists must be read. The issue listing already says each
 * issue's parent (`parent_issue_url`) and how many sub-issues and blockers it has; a list is
 * read only where that disagrees with the plan, or where the plan changed (the issue's body was
 * rewritten: a new order or `after=` shows there). A no-op sync reads none. Pure.
 */
export function planStructureReads(input: StructureInput): StructureReads {
  const subIssuesOf: string[] = [];
  for (const { parent, children } of input.desired.subIssues) {
    const parentIssue = input.issues.get(parent);
    if (!parentIssue?.apiUrl || parentIssue.subIssuesTotal === undefined) continue;
    if (parentIssue.subIssuesTotal === 0) continue; // nothing to read: the list is empty
    const linked = children.every(
      (child) => input.issues.get(child)?.parentIssueUrl === parentIssue.apiUrl,
    );
    if (!linked || input.touched.has(parent)) subIssuesOf.push(parent);
  }
  const blockedByOf: string[] = [];
  const wanted = new Map(input.desired.blockedBy.map((entry) => [entry.key, entry.blockers]));
  for (const [key, issue] of input.issues) {
    if (key.includes(":") || issue.blockedByTotal === undefined) continue;
    const blockers = (wanted.get(key) ?? []).filter((id) => input.issues.has(id));
    if (
      issue.blockedByTotal !== blockers.length ||
      (input.touched.has(key) && blockers.length > 0)
    ) {
      if (issue.blockedByTotal === 0 && blockers.length > 0) continue; // known empty
      blockedByOf.push(key);
    }
  }
  return { subIssuesOf, blockedByOf };
}

/**
 * The structure writes: add missing sub-issues (moving them from another parent), put them in
 * plan order with as few moves as the lists allow, add missing "blocked by" relations and remove
 * those between Nova's issues that the plan no longer has. A person's own sub-issues and
 * dependencies on other issues are left alone. Pure.
 */
export function planStructure(
  input: StructureInput,
  lists: {
    subIssues: ReadonlyMap<string, readonly ObservedIssue[]>;
    blockedBy: ReadonlyMap<string, readonly ObservedIssue[]>;
  },
): StructureOp[] {
  const ops: StructureOp[] = [];
  for (const { parent, children } of input.desired.subIssues) {
    const parentIssue = input.issues.get(parent);
    if (!parentIssue?.apiUrl || parentIssue.id === undefined) continue;
    if (parentIssue.subIssuesTotal === undefined) continue;
    const wantedIds: number[] = [];
    for (const key of children) {
      const child = input.issues.get(key);
      if (child?.id === undefined) continue;
      wantedIds.push(child.id);
    }
    const listed = (lists.subIssues.get(parent) ?? []).map((issue) => issue.id);
    const order = listed.filter((id): id is number => id !== undefined && wantedIds.includes(id));
    for (const key of children) {
      const child = input.issues.get(key);
      if (child?.id === undefined) continue;
      if (
        child.parentIssueUrl === parentIssue.apiUrl &&
        (order.includes(child.id) || !lists.subIssues.has(parent))
      ) {
        if (!order.includes(child.id)) order.push(child.id);
        continue;
      }
      ops.push({
        kind: "add-sub-issue",
        parent,
        parentNumber: parentIssue.number,
        child: key,
        childNumber: child.number,
        childId: child.id,
        replaceParent: child.parentIssueUrl !== null && child.parentIssueUrl !== undefined,
        restored:
          (child.parentIssueUrl === null || child.parentIssueUrl === parentIssue.apiUrl) &&
          !input.created.has(key) &&
          !input.created.has(parent),
      });
      order.push(child.id); // GitHub appends a new sub-issue
    }
    ops.push(...planReorder(parent, parentIssue.number, order, wantedIds));
  }

  const numberById = new Map<number, { key: string; number: number }>();
  for (const [key, issue] of input.issues) {
    if (issue.id !== undefined) numberById.set(issue.id, { key, number: issue.number });
  }
  const wanted = new Map(input.desired.blockedBy.map((entry) => [entry.key, entry.blockers]));
  for (const [key, issue] of input.issues) {
    if (key.includes(":") || issue.blockedByTotal === undefined) continue;
    const blockers = (wanted.get(key) ?? []).flatMap((id) => {
      const blocker = input.issues.get(id);
      return blocker?.id === undefined ? [] : [blocker];
    });
    const listed = lists.blockedBy.get(key);
    // Not read: the summary agreed, or the list is known to be empty.
    const current = listed ?? (issue.blockedByTotal === 0 ? [] : null);
    if (current === null) continue;
    const currentIds = new Set(current.map((blocker) => blocker.id));
    for (const blocker of blockers) {
      if (currentIds.has(blocker.id)) continue;
      ops.push({
        kind: "add-blocked-by",
        key,
        number: issue.number,
        blockerNumber: blocker.number,
        blockerId: blocker.id!,
        restored: !input.touched.has(key),
      });
    }
    const wantedIds = new Set(blockers.map((blocker) => blocker.id));
    for (const blocker of current) {
      if (blocker.id === undefined || wantedIds.has(blocker.id)) continue;
      // Only relations between Nova's own issues are the plan's; others belong to people.
      const nova = numberById.get(blocker.id);
      if (!nova) continue;
      ops.push({
        kind: "remove-blocked-by",
        key,
        number: issue.number,
        blockerNumber: blocker.number,
        blockerId: blocker.id,
      });
    }
  }
  return ops;
}

/**
 * Moves that turn `current` (ids, GitHub's order) into `wanted`'s order. The longest run of
 * sub-issues already in plan order stays put; each other one moves right after its predecessor
 * in the plan (or before the first), walking the plan, so an inserted, appended or moved task
 * costs one move and an unchanged order none.
 */
export function planReorder(
  parent: string,
  parentNumber: number,
  current: readonly number[],
  wanted: readonly number[],
): StructureOp[] {
  const ops: StructureOp[] = [];
  const order = current.filter((id) => wanted.includes(id));
  const keep = longestInOrder(order, wanted);
  for (const [index, id] of wanted.entries()) {
    if (!order.includes(id) || keep.has(id)) continue;
    order.splice(order.indexOf(id), 1);
    if (index === 0) {
      ops.push({
        kind: "reorder-sub-issue",
        parent,
        parentNumber,
        childId: id,
        anchor: { beforeId: order[0]! },
      });
      order.unshift(id);
      continue;
    }
    const previous = wanted[index - 1]!;
    ops.push({
      kind: "reorder-sub-issue",
      parent,
      parentNumber,
      childId: id,
      anchor: { afterId: previous },
    });
    order.splice(order.indexOf(previous) + 1, 0, id);
  }
  return ops;
}

/** The ids of a longest subsequence of `order` that is already in `wanted`'s order. */
function longestInOrder(order: readonly number[], wanted: readonly number[]): Set<number> {
  const rank = order.map((id) => wanted.indexOf(id));
  const length = rank.map(() => 1);
  const previous = rank.map(() => -1);
  for (let i = 0; i < rank.length; i++) {
    for (let j = 0; j < i; j++) {
      if (rank[j]! < rank[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let at = length.indexOf(Math.max(0, ...length));
  const keep = new Set<number>();
  while (at >= 0) {
    keep.add(order[at]!);
    at = previous[at]!;
  }
  return keep;
}
