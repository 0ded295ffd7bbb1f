import { toGitHubError, type GitHubError } from "../github/github-error.js";
import type { ObservedIssue, StructureFeature } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";
import {
  planStructure,
  planStructureReads,
  type StructureInput,
  type StructureOp,
} from "./plan-structure.js";

export interface StructureResult {
  applied: StructureOp[];
  /** Left for a follow-up run (write budget spent, or GitHub failed). */
  remaining: StructureOp[];
  writes: number;
  /** Features the server turned out not to have (404 on the route): the labels stand in. */
  missing: StructureFeature[];
  error: GitHubError | null;
}

/**
 * Observe → plan → apply for sub-issues and "blocked by" relations, after the issues exist.
 * Reads only the lists `planStructureReads` names; a dry run reads them and writes nothing. A
 * 404 on one of these routes (for issues the sync just listed or created, so not a missing
 * issue) means the server lacks the feature: the rest of that part is skipped and reported,
 * never a failed sync.
 */
export async function syncStructure(
  port: GitHubPort,
  input: StructureInput,
  options: { dryRun: boolean; maxWrites: number },
): Promise<StructureResult> {
  const result: StructureResult = {
    applied: [],
    remaining: [],
    writes: 0,
    missing: [],
    error: null,
  };
  const missing = new Set<StructureFeature>();
  const isMissing = (error: unknown) => toGitHubError(error).kind === "not-found";
  const reads = planStructureReads(input);
  /** One list per issue key, until the server turns out to lack `feature`. */
  const readEach = async (
    keys: Iterable<string>,
    feature: StructureFeature,
    read: (issueNumber: number) => Promise<ObservedIssue[]>,
  ) => {
    const lists = new Map<string, ObservedIssue[]>();
    for (const key of keys) {
      try {
        lists.set(key, await read(input.issues.get(key)!.number));
      } catch (error) {
        if (!isMissing(error)) throw error;
        missing.add(feature);
        break;
      }
    }
    return lists;
  };
  let subIssues: Map<string, ObservedIssue[]>;
  let blockedBy: Map<string, ObservedIssue[]>;
  try {
    subIssues = await readEach(reads.subIssuesOf, "sub-issues", (n) => port.listSubIssues(n));
    blockedBy = await readEach(reads.blockedByOf, "dependencies", (n) => port.listBlockedBy(n));
  } catch (error) {
    result.error = toGitHubError(error);
    return result;
  }
  const ops = planStructure(input, { subIssues, blockedBy }).filter(
    (op) => !missing.has(featureOf(op)),
  );
  for (const [index, op] of ops.entries()) {
    if (missing.has(featureOf(op))) continue;
    if (result.writes + 1 > options.maxWrites) {
      result.remaining = ops.slice(index).filter((rest) => !missing.has(featureOf(rest)));
      break;
    }
    if (options.dryRun) {
      result.applied.push(op);
      result.writes += 1;
      continue;
    }
    try {
      const wrote = await applyStructureOp(port, op);
      result.writes += 1;
      if (wrote) result.applied.push(op);
    } catch (error) {
      if (isMissing(error)) {
        missing.add(featureOf(op));
        continue;
      }
      result.error = toGitHubError(error);
      result.remaining = ops.slice(index);
      break;
    }
  }
  result.missing = [...missing];
  return result;
}

function featureOf(op: StructureOp): StructureFeature {
  return op.kind === "add-sub-issue" || op.kind === "reorder-sub-issue"
    ? "sub-issues"
    : "dependencies";
}

/** One write; false when GitHub says it is already so (a concurrent run was first). */
async function applyStructureOp(port: GitHubPort, op: StructureOp): Promise<boolean> {
  switch (op.kind) {
    case "add-sub-issue":
      return port.addSubIssue(op.parentNumber, op.childId, op.replaceParent);
    case "reorder-sub-issue":
      await port.reprioritizeSubIssue(op.parentNumber, op.childId, op.anchor);
      return true;
    case "add-blocked-by":
      return port.addBlockedBy(op.number, op.blockerId);
    case "remove-blocked-by":
      await port.removeBlockedBy(op.number, op.blockerId);
      return true;
  }
}
