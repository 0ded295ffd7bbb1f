import { lintPlan, type LintProblem } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { Plan } from "../checklist/types.js";
import type { GitHubError } from "../github/github-error.js";
import type { ObservedIssue, StructureFeature } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";
import { applySync } from "./apply-sync.js";
import {
  buildDesiredState,
  type DesiredState,
  type RepoLinks,
  type StructureSettings,
  type SyncSettings,
} from "./desired-state.js";
import { findExistingPaths, listReferencedPaths } from "./find-existing-paths.js";
import { observeRepository } from "./observe-repository.js";
import type { StructureOp } from "./plan-structure.js";
import { syncMilestone, type MilestoneResult } from "./sync-milestone.js";
import { syncStructure } from "./sync-structure.js";
import {
  mergeObservedIssues,
  takeObservationTick,
  type SyncObservation,
} from "./sync-observation.js";
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
  /**
   * Where to read the checklist (a branch name, so a push sync needs no extra read for the
   * head's sha); default `links.sha`. With `resolveSha`, `links.sha` is only a stand-in until a
   * body is written: bodies carry permalinks to the commit, which is then read once.
   */
  ref?: string;
  resolveSha?: () => Promise<string>;
  /** One issue per section, its tasks as sub-issues (`sync.sectionIssues`; default true). */
  sectionIssues?: boolean;
  /** The delivery milestone (from `delivery:`); absent: Nova leaves milestones alone. */
  milestone?: { delivery: string | undefined; title: string; description: string };
}

export type SyncOutcome =
  | { status: "synced" | "dry-run"; summary: SyncSummary; observation: SyncObservation }
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
  /** Sub-issue and "blocked by" writes carried out (or, in a dry run, planned). */
  structure: StructureOp[];
  /** The delivery milestone, when `delivery:` is set. */
  milestone: MilestoneResult | null;
  /** Optional GitHub features this server lacks; labels stand in for them. */
  missingFeatures: StructureFeature[];
  /** `owner=@login`s GitHub would not let be assigned (a warning in the check run). */
  unassignable: Array<{ taskId: string; login: string }>;
}

/** A run re-plans after its writes at most this often (new issue numbers change dependents' bodies). */
const MAX_PASSES = 3;

/**
 * One sync of a repository: read the checklist at a commit, observe GitHub, plan, apply.
 * Lint errors (duplicate ids, cycles, malformed metadata) stop it before any write, because
 * two tasks sharing an id would fight over one issue.
 */
export async function runSync(options: RunSyncOptions): Promise<SyncOutcome> {
  const { port } = options;
  let links = options.links;
  let shaResolved = !options.resolveSha;
  const source = await port.getFileText(links.checklistPath, options.ref ?? links.sha);
  if (source === null) return { status: "checklist-missing" };
  const plan = options.readPlan ? await options.readPlan(source) : parsePlan(source);
  const problems = lintPlan(plan, { file: links.checklistPath, lang: options.lang });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) return { status: "checklist-invalid", problems };
  // Issue bodies link only the referenced paths that exist at this commit (one tree read, cached
  // per commit; read at the branch when the sync has not needed the commit's sha).
  const referenced = listReferencedPaths(plan);
  if (referenced.length > 0) {
    const at = options.ref ?? links.sha;
    links = {
      ...links,
      existingPaths: await findExistingPaths(port, links.htmlUrl, at, referenced),
    };
  }

  const tick = takeObservationTick();
  const { listed, ...first } = await observeRepository(port, {
    prefix: options.prefix,
    botLogin: options.botLogin,
  });
  let observed: ObservedState = first;
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
    structure: [],
    milestone: null,
    missingFeatures: [],
    unassignable: [],
  };
  const features = detectFeatures(observed);
  if (options.milestone?.delivery) {
    summary.milestone = await syncMilestone(
      port,
      [...observed.taskIssues.values()].flat(),
      options.milestone,
      { dryRun: options.dryRun, maxWrites: options.maxWritesPerRun },
    );
    summary.writes += summary.milestone.writes;
    summary.error = summary.milestone.error;
  }
  const structure = (): StructureSettings => ({
    sectionIssues: options.sectionIssues ?? false,
    dependencies: features.dependencies,
    milestone: summary.milestone?.number ?? null,
  });
  let pending: PendingWriteBack | undefined;
  let desired: DesiredState | null = null;
  const syncIssues = async (): Promise<void> => {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      desired = buildDesiredState(plan, options, links, readKnownIssues(observed), structure());
      const planOptions = { prefix: options.prefix, closeRemoved: options.closeRemoved };
      let syncPlan = planSync(desired, observed, {
        ...planOptions,
        ...(pending ? { pendingWriteBack: pending } : {}),
      });
      if (syncPlan.needsPendingWriteBack && options.readPendingWriteBack) {
        pending = await options.readPendingWriteBack();
        syncPlan = planSync(desired, observed, { ...planOptions, pendingWriteBack: pending });
      }
      // A body is about to be written: its permalinks need the commit's sha (read once).
      if (!shaResolved && !options.dryRun && syncPlan.ops.some(writesBody)) {
        shaResolved = true;
        links = { ...links, sha: await options.resolveSha!() };
        desired = buildDesiredState(plan, options, links, readKnownIssues(observed), structure());
        syncPlan = planSync(desired, observed, {
          ...planOptions,
          ...(pending ? { pendingWriteBack: pending } : {}),
        });
      }
      // Later passes only see issues this run already wrote: "unchanged" is the first pass's count.
      if (pass === 0 && summary.applied.length === 0) summary.unchanged = syncPlan.unchanged;
      summary.proposals = syncPlan.proposals;
      if (syncPlan.ops.length === 0) break;
      const result = await applySync(syncPlan.ops, observed, port, {
        dryRun: options.dryRun,
        maxWrites: options.maxWritesPerRun - summary.writes,
        lang: options.lang,
      });
      summary.applied.push(...result.applied);
      summary.skipped.push(...result.skipped);
      summary.unassignable.push(...result.unassignable);
      summary.writes += result.writes;
      summary.remaining = result.remaining;
      summary.error = result.error;
      observed = result.observed;
      // A dry run cannot learn new issue numbers; a stopped run leaves the rest to a follow-up.
      if (options.dryRun || result.remaining.length > 0 || result.error) break;
      if (!result.applied.some((op) => op.kind === "create-issue")) break;
    }
  };
  if (!summary.error) await syncIssues();
  const finalDesired = desired as DesiredState | null;
  if (finalDesired && !summary.error && summary.remaining.length === 0) {
    const touched = new Set<string>();
    const created = new Set<string>();
    for (const op of summary.applied) {
      if (op.kind === "create-issue") {
        touched.add(op.taskId);
        created.add(op.taskId);
      }
      if (op.kind === "update-issue" && op.changes.body !== undefined) touched.add(op.taskId);
    }
    const linked = await syncStructure(
      port,
      {
        desired: finalDesired,
        issues: withFeatures(canonicalIssues(observed), features),
        touched,
        created,
      },
      { dryRun: options.dryRun, maxWrites: options.maxWritesPerRun - summary.writes },
    );
    summary.structure = linked.applied;
    summary.writes += linked.writes;
    summary.error = linked.error;
    if (linked.remaining.length > 0) summary.needsFollowUp = true;
    features.missing.push(...linked.missing);
    // No dependencies after all: the `/blocked` label stands in, in this same run.
    if (linked.missing.includes("dependencies") && features.dependencies) {
      features.dependencies = false;
      if (!summary.error) await syncIssues();
    }
  }
  summary.missingFeatures = [...new Set(features.missing)];
  summary.needsFollowUp ||= summary.remaining.length > 0 || summary.skipped.length > 0;
  summary.issues = canonicalIssues(observed);
  return {
    status: options.dryRun ? "dry-run" : "synced",
    summary,
    observation: {
      plan,
      issues: mergeObservedIssues(listed, observed.taskIssues.values()),
      tick,
    },
  };
}

function writesBody(op: SyncOp): boolean {
  return (
    op.kind === "create-issue" || (op.kind === "update-issue" && op.changes.body !== undefined)
  );
}

function canonicalIssues(observed: ObservedState): Map<string, ObservedIssue> {
  return new Map(
    [...observed.taskIssues].flatMap(([taskId, issues]) =>
      issues[0] ? [[taskId, issues[0]] as const] : [],
    ),
  );
}

/**
 * The issues as the structure step reads them: where a feature is assumed, an issue that does
 * not say (one the sync just created) has no links yet; where it is missing, nothing is read.
 */
function withFeatures(
  issues: Map<string, ObservedIssue>,
  features: { subIssues: boolean; dependencies: boolean },
): Map<string, ObservedIssue> {
  return new Map(
    [...issues].map(([key, issue]) => [
      key,
      {
        ...issue,
        parentIssueUrl: features.subIssues ? (issue.parentIssueUrl ?? null) : undefined,
        subIssuesTotal: features.subIssues ? (issue.subIssuesTotal ?? 0) : undefined,
        blockedByTotal: features.dependencies ? (issue.blockedByTotal ?? 0) : undefined,
      },
    ]),
  );
}

/**
 * Which optional features the server has, from the listing alone: issues there carry
 * `sub_issues_summary` and `issue_dependencies_summary` only where the server has them. With no
 * issue yet, both are assumed and a 404 on the route decides (`syncStructure`).
 */
function detectFeatures(observed: ObservedState): {
  subIssues: boolean;
  dependencies: boolean;
  missing: StructureFeature[];
} {
  const issues = [...observed.taskIssues.values()].flat();
  if (issues.length === 0) return { subIssues: true, dependencies: true, missing: [] };
  const subIssues = issues.some((issue) => issue.subIssuesTotal !== undefined);
  const dependencies = issues.some((issue) => issue.blockedByTotal !== undefined);
  return {
    subIssues,
    dependencies,
    missing: [
      ...(subIssues ? [] : (["sub-issues"] as const)),
      ...(dependencies ? [] : (["dependencies"] as const)),
    ],
  };
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
