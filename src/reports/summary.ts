import type { Plan, Task } from "../checklist/types.js";
import { resolveTaskStatus, type LiveState } from "./live-state.js";
import { computeProgress } from "./progress.js";
import { computeStepPlan, type StepPlanTask } from "./step-plan.js";
import type { Holidays } from "./working-days.js";

/** A task that can start soon, from the step plan. */
export interface SummaryNextTask {
  id: string;
  title: string;
  role: string | null;
  start: string;
  finish: string;
  critical: boolean;
  atRisk: boolean;
  writeBackPending: boolean;
  issueNumber: number | null;
  issueUrl: string | null;
}

/** A completed task (ticked, or its issue closed). */
export interface SummaryDoneTask {
  id: string;
  title: string;
  /** From the live state, when known. */
  closedAt: string | null;
  /** Closed on GitHub but not yet ticked in the checklist. */
  writeBackPending: boolean;
  issueNumber: number | null;
  issueUrl: string | null;
}

/** An open task waiting for open dependencies. */
export interface SummaryBlockedTask {
  id: string;
  title: string;
  blockedBy: Array<{ id: string; title: string }>;
}

/** The `summary` report; also the CLI's `--format json` output. */
export interface SummaryResult {
  today: string;
  delivery: string;
  limit: number;
  total: number;
  done: number;
  percent: number;
  /** Working days from `today` through `delivery`, both included; 0 once delivery has passed. */
  workingDaysLeft: number;
  /** `delivery` is before `today`. */
  deliveryPassed: boolean;
  /** Last working day of the step plan, or null when nothing is open. */
  finish: string | null;
  deliveryMet: boolean;
  /** Up to `limit` tasks, earliest start first (ties in step order). */
  next: SummaryNextTask[];
  /** Up to `limit` completed tasks, most recent first. */
  recentlyDone: SummaryDoneTask[];
  /** Every open task with an open dependency, in plan order. */
  blocked: SummaryBlockedTask[];
}

export interface SummaryOptions {
  today: string;
  delivery: string;
  live?: LiveState;
  /** How many next and recently completed tasks to list: an integer from 1 to 50 (default 5). */
  limit?: number;
  holidays?: Holidays;
}

export const SUMMARY_LIMIT_MAX = 50;

/**
 * A short status: progress, the next tasks to start, the last ones completed, what is blocked
 * and how many working days are left.
 *
 * "Recently completed" is ordered by the issue's `closedAt` (newest first) where the live state
 * has one, then by plan position descending for the rest: without a date, a later task in the plan
 * was most likely finished later. "Blocked" lists every such task (not capped by `limit`): a
 * dependency id that names no open task is done or unknown and blocks nothing.
 */
export function computeSummary(plan: Plan, options: SummaryOptions): SummaryResult {
  const { today, delivery, live, holidays } = options;
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > SUMMARY_LIMIT_MAX) {
    throw new RangeError(`limit must be an integer from 1 to ${SUMMARY_LIMIT_MAX}: ${limit}`);
  }
  const progress = computeProgress(plan, { live });
  const stepPlan = computeStepPlan(plan, {
    today,
    delivery,
    live,
    ...(holidays ? { holidays } : {}),
  });

  const stepTasks = stepPlan.lanes
    .flatMap((lane) => lane.tasks)
    .sort((a, b) => a.startDay - b.startDay || a.step - b.step);

  return {
    today,
    delivery,
    limit,
    total: progress.total,
    done: progress.done,
    percent: progress.percent,
    workingDaysLeft: stepPlan.workingDaysAvailable,
    deliveryPassed: delivery < today,
    finish: stepPlan.finish,
    deliveryMet: stepPlan.deliveryMet,
    next: stepTasks.slice(0, limit).map(toNextTask),
    recentlyDone: listRecentlyDone(plan.tasks, live).slice(0, limit),
    blocked: listBlocked(plan.tasks, live),
  };
}

function toNextTask(task: StepPlanTask): SummaryNextTask {
  return {
    id: task.id,
    title: task.title,
    role: task.role,
    start: task.start,
    finish: task.finish,
    critical: task.critical,
    atRisk: task.atRisk,
    writeBackPending: task.writeBackPending,
    issueNumber: task.issueNumber,
    issueUrl: task.issueUrl,
  };
}

function listRecentlyDone(tasks: readonly Task[], live: LiveState | undefined): SummaryDoneTask[] {
  const done = tasks
    .filter((task) => resolveTaskStatus(task, live).done)
    .map((task) => {
      const state = live?.get(task.id);
      return {
        position: task.position,
        summary: {
          id: task.id,
          title: task.title,
          closedAt: state?.closed ? (state.closedAt ?? null) : null,
          writeBackPending: resolveTaskStatus(task, live).writeBackPending,
          issueNumber: state?.issueNumber ?? null,
          issueUrl: state?.issueUrl ?? null,
        },
      };
    });
  done.sort((a, b) => {
    const dateA = a.summary.closedAt;
    const dateB = b.summary.closedAt;
    if (dateA !== null && dateB !== null && dateA !== dateB) {
      return dateA < dateB ? 1 : -1;
    }
    if (dateA !== null && dateB === null) return -1;
    if (dateA === null && dateB !== null) return 1;
    return b.position - a.position;
  });
  return done.map((entry) => entry.summary);
}

function listBlocked(tasks: readonly Task[], live: LiveState | undefined): SummaryBlockedTask[] {
  const openById = new Map<string, Task>();
  for (const task of tasks) {
    if (!resolveTaskStatus(task, live).done && !openById.has(task.id)) {
      openById.set(task.id, task);
    }
  }
  const blocked: SummaryBlockedTask[] = [];
  for (const task of tasks) {
    if (resolveTaskStatus(task, live).done) continue;
    const blockers = [...new Set(task.meta.after)]
      .map((id) => openById.get(id))
      .filter((dep): dep is Task => dep !== undefined && dep !== task);
    if (blockers.length > 0) {
      blocked.push({
        id: task.id,
        title: task.title,
        blockedBy: blockers.map((dep) => ({ id: dep.id, title: dep.title })),
      });
    }
  }
  return blocked;
}
