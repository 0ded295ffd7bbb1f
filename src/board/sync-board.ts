import { lintPlan } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { NovaConfig, ProjectConfig } from "../config/schema.js";
import { toGitHubError } from "../github/github-error.js";
import type { Plan } from "../checklist/types.js";
import type { ObservedIssue, RepoRef } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";
import type {
  BoardIssue,
  BoardProject,
  ProjectLookup,
  ProjectPort,
} from "../github/project-port.js";
import { indexPlanIssues, indexTaskIssues } from "../sync/observe-repository.js";
import type { Logger } from "../logger.js";
import type { SyncObservation } from "../sync/sync-observation.js";
import { applyBoard, type ApplyBoardResult } from "./apply-board.js";
import { BOARD_FIELDS, resolveStatusNames } from "./board-fields.js";
import type { BoardStatus, BoardSummary } from "./board-status.js";
import { buildDesiredBoard } from "./desired-board.js";
import { planBoard, type BoardOp, type BoardPlan } from "./plan-board.js";
import { POINTS_PER_QUERY, type PointBudget } from "./point-budget.js";

export interface SyncBoardInput {
  github: GitHubPort;
  projects: ProjectPort;
  repo: RepoRef;
  config: NovaConfig;
  botLogin: string;
  /** The commit (after a sync) or branch to read the checklist at. */
  ref: string;
  /** After a sync: its plan and issues, so the board reads neither again. */
  observation?: SyncObservation;
  /** `YYYY-MM-DD` in `status.timezone`: day 0 of the schedule behind `Ziel`. */
  today: string;
  budget: PointBudget;
  /** Plan only: reads, but no write at all (not even creating the project). */
  dryRun?: boolean;
  /** Mutations one run may make (default: one minute of GitHub's secondary budget). */
  maxMutations?: number;
  log: Pick<Logger, "info" | "warn">;
}

export interface SyncBoardResult {
  status: BoardStatus;
  /** Writes are left (budget, GitHub failure): run again later. */
  needsFollowUp: boolean;
  /** The task issue numbers the run saw (absent when it stopped before reading them). */
  taskIssues?: number[];
}

/**
 * Mirrors the task issues on the Projects (v2) board: find (or create) the project, read its
 * fields and items, plan, apply. Reads: the checklist and the task issues (one REST page per
 * 100) unless a sync just read them (`observation`),
 * the project with its fields (one query), the items with their values (one query per 100) and,
 * for issues not on the board yet, their node ids (one query per 100).
 */
export async function syncBoard(input: SyncBoardInput): Promise<SyncBoardResult> {
  const { config, log } = input;
  const project = config.project;
  if (!project) return { status: { kind: "off" }, needsFollowUp: false };

  const observed = input.observation ?? (await observePlanAndIssues(input));
  if (typeof observed === "string") return skipped(observed);
  const { plan, issues: listed } = observed;
  const taskIssues = indexTaskIssues(listed, input.botLogin);
  // Section issues are on the board too (Bereich set, Reihenfolge empty).
  const sectionIssues = new Map(
    [...indexPlanIssues(listed, input.botLogin)].filter(([key]) => key.startsWith("section:")),
  );

  const numbers = [...taskIssues.values()].flatMap((issues) => issues.map((issue) => issue.number));
  const withIssues = (result: SyncBoardResult): SyncBoardResult => ({
    ...result,
    taskIssues: numbers,
  });

  let board: { project: BoardProject; created: boolean };
  try {
    const found = await findOrCreateProject(input, project);
    if ("kind" in found) {
      log.warn({ board: found }, "project board not synced");
      return withIssues({ status: found, needsFollowUp: false });
    }
    board = found;
  } catch (error) {
    return withIssues(failed(error, project.owner, log));
  }

  try {
    const items = await input.projects.listItems(board.project.id);
    const repository = `${input.repo.owner}/${input.repo.repo}`;
    const onBoard = new Map<number, number>();
    for (const item of items) {
      if (item.issue && item.issue.repository.toLowerCase() === repository.toLowerCase()) {
        onBoard.set(item.issue.number, item.issue.openClosingPulls);
      }
    }
    const missing = [...taskIssues.values(), ...sectionIssues.values()]
      .map((issues) => issues[0]?.number)
      .filter((number): number is number => number !== undefined && !onBoard.has(number));
    const found = missing.length
      ? await input.projects.findIssues({ owner: input.repo.owner, name: input.repo.repo }, missing)
      : new Map<number, BoardIssue>();
    await input.budget.take(
      POINTS_PER_QUERY * (2 + Math.ceil(items.length / 100) + Math.ceil(missing.length / 100)),
    );
    const openClosingPulls = new Map(onBoard);
    const issueIds = new Map<number, string>();
    for (const [number, issue] of found) {
      openClosingPulls.set(number, issue.openClosingPulls);
      issueIds.set(number, issue.nodeId);
    }

    const desired = buildDesiredBoard({
      plan,
      taskIssues,
      sectionIssues,
      config,
      today: input.today,
      openClosingPulls,
    });
    const boardPlan = planBoard(
      desired,
      { project: board.project, items, repository, issueIds },
      { statusNames: resolveStatusNames(project.statusOptions) },
    );
    if (input.dryRun) {
      return withIssues({
        status: { kind: "dry-run", ...describeProject(board), summary: summarize(boardPlan, null) },
        needsFollowUp: false,
      });
    }
    const applied = await applyBoard(boardPlan, input.projects, {
      projectId: board.project.id,
      budget: input.budget,
      ...(input.maxMutations ? { maxMutations: input.maxMutations } : {}),
    });
    const summary = summarize(boardPlan, applied);
    log.info(
      {
        project: board.project.url,
        requests: applied.requests,
        mutations: applied.mutations,
        added: summary.itemsAdded,
        values: summary.valuesWritten,
        archived: summary.itemsArchived,
        remaining: summary.remaining,
        failed: summary.failed.length,
      },
      applied.mutations === 0 ? "board: up to date" : "board applied",
    );
    if (applied.error) {
      log.warn({ err: applied.error }, "board: GitHub failed a write request");
    }
    return withIssues({
      status: { kind: "synced", ...describeProject(board), summary },
      needsFollowUp:
        applied.remaining.length > 0 ||
        applied.unnamedItems > 0 ||
        applied.error?.transient === true,
    });
  } catch (error) {
    return withIssues(failed(error, project.owner, log));
  }
}

/**
 * The checklist and the issue listing, read by the board itself (a run after an issue or pull
 * request event, or a follow-up); after a sync it has them from the sync.
 */
async function observePlanAndIssues(
  input: SyncBoardInput,
): Promise<
  { plan: Plan; issues: readonly ObservedIssue[] } | "checklist-missing" | "checklist-invalid"
> {
  const { config } = input;
  const source = await input.github.getFileText(config.checklist, input.ref);
  if (source === null) return "checklist-missing";
  const plan = parsePlan(source);
  const lint = lintPlan(plan, { file: config.checklist, lang: config.language });
  if (lint.some((problem) => problem.severity === "error")) return "checklist-invalid";
  return { plan, issues: await input.github.listIssuesWithLabel(config.labels.prefix) };
}

/** The project the configuration names, created when it says so; or why there is none. */
async function findOrCreateProject(
  input: SyncBoardInput,
  project: ProjectConfig,
): Promise<{ project: BoardProject; created: boolean } | BoardStatus> {
  const { projects } = input;
  const lookup: ProjectLookup & { repositoryId?: string | null } =
    "number" in project
      ? await projects.findProjectByNumber(project.owner, project.number)
      : await projects.findProjectByTitle(project.owner, project.title, {
          owner: input.repo.owner,
          name: input.repo.repo,
        });
  // https://docs.github.com/issues/planning-and-tracking-with-projects/automating-your-project/using-the-api-to-manage-projects:
  // an installation access token reaches organisation projects only.
  if (lookup.kind === "user") return { kind: "user-owned", owner: project.owner };
  if (lookup.kind === "owner-not-found") return { kind: "owner-not-found", owner: project.owner };
  const found = lookup.project;
  if (found?.closed) {
    return { kind: "project-closed", owner: project.owner, title: found.title, url: found.url };
  }
  if (found) return { project: found, created: false };
  if ("number" in project) {
    return { kind: "project-not-found", owner: project.owner, number: project.number };
  }
  if (!project.create || input.dryRun) {
    return { kind: "project-not-found", owner: project.owner, title: project.title };
  }
  const repositoryId = lookup.repositoryId ?? null;
  const created = await projects.createProject(lookup.ownerId, project.title, repositoryId);
  input.log.info({ project: created.url }, "board: project created");
  return { project: created, created: true };
}

function describeProject(board: { project: BoardProject; created: boolean }) {
  return { title: board.project.title, url: board.project.url, created: board.created };
}

function skipped(reason: Extract<BoardStatus, { kind: "skipped" }>["reason"]): SyncBoardResult {
  return { status: { kind: "skipped", reason }, needsFollowUp: false };
}

function failed(
  error: unknown,
  owner: string,
  log: Pick<Logger, "info" | "warn">,
): SyncBoardResult {
  const failure = toGitHubError(error);
  if (failure.kind === "forbidden") {
    log.warn({ err: failure, owner }, "board: no access to the organisation's projects");
    return { status: { kind: "forbidden", owner, message: failure.message }, needsFollowUp: false };
  }
  log.warn({ err: failure }, "board sync failed");
  return {
    status: { kind: "failed", message: failure.message, transient: failure.transient },
    needsFollowUp: failure.transient,
  };
}

/** Counts of a plan (a dry run) or of what was applied. */
function summarize(plan: BoardPlan, applied: ApplyBoardResult | null): BoardSummary {
  const done: readonly BoardOp[] = applied ? applied.applied : [...plan.structure, ...plan.values];
  const count = (kind: BoardOp["kind"]) => done.filter((op) => op.kind === kind).length;
  const values = done.filter((op) => op.kind === "set-value");
  return {
    fieldsCreated: done.flatMap((op) => (op.kind === "create-field" ? [op.name] : [])),
    optionsAdded: done.flatMap((op) =>
      op.kind === "add-options"
        ? op.added.map((name) => `${BOARD_FIELDS[op.field].name}: ${name}`)
        : [],
    ),
    itemsAdded: count("add-item"),
    itemsArchived: count("archive-item"),
    itemsUnarchived: count("unarchive-item"),
    valuesWritten: values.filter((op) => op.restoreOf === undefined).length,
    valuesRestored: values.filter((op) => op.restoreOf !== undefined).length,
    unchanged: plan.unchanged,
    conflicts: plan.conflicts.map((conflict) => `${conflict.name} (${conflict.dataType})`),
    failed: (applied?.failed ?? []).map(({ op, message }) => `${op.kind}: ${message}`),
    remaining: applied?.remaining.length ?? 0,
    mutationRequests: applied?.requests ?? 0,
    mutations: applied?.mutations ?? 0,
  };
}
