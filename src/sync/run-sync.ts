import { lintPlan, type LintProblem } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { Plan } from "../checklist/types.js";
import type { GitHubError } from "../github/github-error.js";
import type { GitHubPort, ObservedIssue } from "../github/github-port.js";
import { applySync } from "./apply-sync.js";
import { buildDesiredState, type RepoLinks, type SyncSettings } from "./desired-state.js";
import { findExistingPaths, listReferencedPaths } from "./find-existing-paths.js";
import { observeRepository } from "./observe-repository.js";
import {
  planSync,
  type ObservedState,
  type PendingWriteBack,
  type SyncOp,
  type WriteBackProposal,
} from "./plan-sync.js";

export interface RunSyncOptions extends SyncSettings {
  port: GitHubPort;
  botLogin: string;
  links: RepoLinks;
  closeRemoved: boolean;
  maxWritesPerRun: number;
  dryRun: boolean;
  /** Parses the checklist; default `parsePlan` in this thread (the preview parses off-thread). */
  readPlan?: (source: string) => Promise<Plan>;
  /**
   * Reads what Nova's open write-back pull request proposes. Called at most once, and only when
   * an issue disagrees with a checklist that changed since the last sync (docs/sync.md).
   */
  readPendingWriteBack?: () => Promise<PendingWriteBack>;
}

export type SyncOutcome =
  | { status: "synced" | "dry-run"; summary: SyncSummary }
  /** Nothing written: the checklist is missing or has lint errors. */
  | { status: "checklist-missing" }
  | { status: "checklist-invalid"; problems: LintProblem[] };

export interface SyncSummary {
  /** Every op carried out (or, in a dry run, planned), in order. */
  applied: SyncOp[];
  /** Ops left for a follow-up run: the write budget ran out or GitHub failed. */
  remaining: SyncOp[];
  /** State changes skipped because a human moved the issue mid-run. */
  skipped: SyncOp[];
  unchanged: number;
  proposals: WriteBackProposal[];
  writes: number;
  /** The task issues after the run, by task id (numbers and URLs for messages and check runs). */
  issues: ReadonlyMap<string, ObservedIssue>;
  lintWarnings: LintProblem[];
  error: GitHubError | null;
  /** True when a follow-up run is needed to converge. */
  needsFollowUp: boolean;
}

/** A run re-plans after its writes at most this often (new issue numbers change dependents' bodies). */
const MAX_PASSES = 3;

/**
 * One sync of a repository: read the checklist at a commit, observe GitHub, plan, apply.
 * Lint errors (duplicate ids, cycles, malformed metadata) stop it before any write, because
 * two tasks sharing an id would fight over one issue.
 */
export async function runSync(options: RunSyncOptions): Promise<SyncOutcome> {
  const { port, links } = options;
  const source = await port.getFileText(links.checklistPath, links.sha);
  if (source === null) return { status: "checklist-missing" };
  const plan = options.readPlan ? await options.readPlan(source) : parsePlan(source);
  const problems = lintPlan(plan, { file: links.checklistPath, lang: options.lang });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) return { status: "checklist-invalid", problems };
  // Issue bodies link only the referenced paths that exist at this commit (one tree read, cached).
  const referenced = listReferencedPaths(plan);
  const bodyLinks: RepoLinks =
    referenced.length === 0
      ? links
      : {
          ...links,
          existingPaths: await findExistingPaths(port, links.htmlUrl, links.sha, referenced),
        };

  let observed: ObservedState = await observeRepository(port, {
    prefix: options.prefix,
    botLogin: options.botLogin,
  });
  const summary: SyncSummary = {
    applied: [],
    remaining: [],
    skipped: [],
    unchanged: 0,
    proposals: [],
    writes: 0,
    issues: new Map(),
    lintWarnings: problems,
    error: null,
    needsFollowUp: false,
  };
  let pending: PendingWriteBack | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const desired = buildDesiredState(plan, options, bodyLinks, readKnownIssues(observed));
    const planOptions = { prefix: options.prefix, closeRemoved: options.closeRemoved };
    let syncPlan = planSync(desired, observed, {
      ...planOptions,
      ...(pending ? { pendingWriteBack: pending } : {}),
    });
    if (syncPlan.needsPendingWriteBack && options.readPendingWriteBack) {
      pending = await options.readPendingWriteBack();
      syncPlan = planSync(desired, observed, { ...planOptions, pendingWriteBack: pending });
    }
    // Later passes only see issues this run already wrote: "unchanged" is the first pass's count.
    if (pass === 0) summary.unchanged = syncPlan.unchanged;
    summary.proposals = syncPlan.proposals;
    if (syncPlan.ops.length === 0) break;
    const result = await applySync(syncPlan.ops, observed, port, {
      dryRun: options.dryRun,
      maxWrites: options.maxWritesPerRun - summary.writes,
      lang: options.lang,
    });
    summary.applied.push(...result.applied);
    summary.skipped.push(...result.skipped);
    summary.writes += result.writes;
    summary.remaining = result.remaining;
    summary.error = result.error;
    observed = result.observed;
    // A dry run cannot learn new issue numbers; a stopped run leaves the rest to a follow-up.
    if (options.dryRun || result.remaining.length > 0 || result.error) break;
    if (!result.applied.some((op) => op.kind === "create-issue")) break;
  }
  summary.needsFollowUp = summary.remaining.length > 0 || summary.skipped.length > 0;
  summary.issues = new Map(
    [...observed.taskIssues].flatMap(([taskId, issues]) =>
      issues[0] ? [[taskId, issues[0]] as const] : [],
    ),
  );
  return { status: options.dryRun ? "dry-run" : "synced", summary };
}

function readKnownIssues(observed: ObservedState): {
  numbers: Map<string, number>;
  closed: Set<string>;
} {
  const numbers = new Map<string, number>();
  const closed = new Set<string>();
  for (const [taskId, issues] of observed.taskIssues) {
    const issue = issues[0];
    if (!issue) continue;
    numbers.set(taskId, issue.number);
    if (issue.state === "closed") closed.add(taskId);
  }
  return { numbers, closed };
}
