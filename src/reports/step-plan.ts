import type { Plan, Task } from "../checklist/types.js";
import { resolveTaskStatus, type LiveState } from "./live-state.js";
import { orderTasks } from "./order-tasks.js";
import {
  addCalendarDays,
  advanceToWorkingDay,
  countWorkingDays,
  createWorkingDayCalendar,
  type Holidays,
} from "./working-days.js";
import { isIsoDate } from "../checklist/iso-date.js";

/** Why a task is at risk: it ends after the delivery date, or after its own `due=`. */
export type RiskReason = "delivery" | "due";

/** One open task in the step plan. */
export interface StepPlanTask {
  /** 1-based position in dependency order across all roles. */
  step: number;
  id: string;
  title: string;
  sectionNumber: number | null;
  /** Null for a task before the first heading. */
  sectionTitle: string | null;
  /** The lane: `meta.role`, else the section title; null when neither exists. */
  role: string | null;
  /** Working days the task takes (`meta.estimateDays`, default 1; may be fractional). */
  estimateDays: number;
  /** First working day the task is worked on, `YYYY-MM-DD`. */
  start: string;
  /** Last working day the task is worked on (inclusive), `YYYY-MM-DD`. */
  finish: string;
  /** Start in working days after the beginning of `startDate` (fractional). */
  startDay: number;
  /** End in working days after the beginning of `startDate` (fractional). */
  finishDay: number;
  /** Open dependencies the task waits for (ids). */
  waitsFor: string[];
  /** The same dependencies as step numbers. */
  waitsForSteps: number[];
  /** On the critical path: delaying it delays the overall finish. */
  critical: boolean;
  atRisk: boolean;
  risks: RiskReason[];
  due: string | null;
  /** Part of an `after=` cycle (lint explains it). */
  inCycle: boolean;
  /** Dependencies ignored to break a cycle. */
  ignoredAfter: string[];
  /** The checklist box is ticked but the issue is open (see `resolveTaskStatus`). */
  writeBackPending: boolean;
  issueNumber: number | null;
  issueUrl: string | null;
}

/** One role's lane: its tasks in the order the role works on them. */
export interface StepPlanLane {
  role: string | null;
  start: string;
  finish: string;
  /** Sum of the lane's estimates in working days. */
  workingDays: number;
  tasks: StepPlanTask[];
}

/** The `step-plan` report; also the CLI's `--format json` output. */
export interface StepPlanResult {
  today: string;
  delivery: string;
  /** The first working day on or after `today`: day 0 of the schedule. */
  startDate: string;
  /** The role filter as given, or null. */
  role: string | null;
  holidays: string[];
  /** Open tasks in the whole plan (regardless of the role filter). */
  openTasks: number;
  /** Last working day of the whole schedule, or null when nothing is open. */
  finish: string | null;
  /** Working days from `today` through `delivery`, both included; 0 when delivery has passed. */
  workingDaysAvailable: number;
  /** Working days from `startDate` through `finish`. */
  workingDaysNeeded: number;
  deliveryMet: boolean;
  /** `delivery` is before `today` (as the summary's `deliveryPassed`). */
  deliveryPassed: boolean;
  /**
   * The critical tasks of the whole plan (all roles, even with a filter), in step order. Parallel
   * chains that end at the same time are all critical, so this is a set, not one chain.
   */
  criticalPath: Array<{ step: number; id: string; title: string }>;
  /** Lanes in plan order (of their first task), filtered by `role`. */
  lanes: StepPlanLane[];
}

export interface StepPlanOptions {
  /** The clock: `YYYY-MM-DD`. Work can start on this day if it is a working day. */
  today: string;
  /** Delivery date `YYYY-MM-DD`; work finishing on that day is on time. */
  delivery: string;
  live?: LiveState;
  /** Show only this role's lane (case-insensitive); scheduling still uses every lane. */
  role?: string;
  holidays?: Holidays;
}

/** Schedule arithmetic is in fractional days; snapping keeps 0.1 + 0.2 from missing a day. */
function snap(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function readRole(task: Task): string | null {
  const role = task.meta.role?.trim();
  if (role) return role;
  const title = task.section?.title.trim();
  return title ? title : null;
}

function readEstimate(task: Task): number {
  const estimate = task.meta.estimateDays;
  return estimate !== undefined && Number.isFinite(estimate) && estimate >= 0 ? estimate : 1;
}

function toLaneKey(role: string | null): string {
  return role === null ? "" : `:${role.toLowerCase()}`;
}

interface Scheduled {
  task: Task;
  /** 0-based index in step order (step - 1). */
  index: number;
  start: number;
  finish: number;
  lanePrevious: Scheduled | null;
  waitsFor: Scheduled[];
}

/**
 * The open tasks as a schedule. Order: dependencies first, then plan position (see
 * `orderTasks`). Each role is one lane that works through its tasks sequentially in that order
 * (no reordering to fill idle time, so the plan reads as the team will work it); lanes run in
 * parallel. A task starts when its lane is free and every open dependency has finished, and takes
 * `meta.estimateDays` working days (default 1, fractional allowed) counted from `today` (or the
 * next working day). Dates are the working days a task touches: a half-day task starting
 * mid-day has the same start and finish date.
 *
 * Critical tasks are those whose delay would move the overall finish: starting from the tasks
 * that end last, each critical task's lane predecessor or dependency that ends exactly when it
 * starts is critical too. A task is at risk when it ends after `delivery` or after its `due=`.
 */
export function computeStepPlan(plan: Plan, options: StepPlanOptions): StepPlanResult {
  const { today, delivery, live } = options;
  const holidays = [...(options.holidays ?? [])];
  for (const date of [today, delivery]) {
    if (!isIsoDate(date)) {
      throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    }
  }
  const startDate = advanceToWorkingDay(today, holidays);
  const dateOfDay = createWorkingDayCalendar(startDate, holidays);

  const open = plan.tasks.filter((task) => !resolveTaskStatus(task, live).done);
  const ordered = orderTasks(open);

  const laneFree = new Map<string, Scheduled>();
  const byId = new Map<string, Scheduled>();
  const scheduled: Scheduled[] = [];
  for (const entry of ordered) {
    const laneKey = toLaneKey(readRole(entry.task));
    const lanePrevious = laneFree.get(laneKey) ?? null;
    const waitsFor = entry.waitsFor
      .map((id) => byId.get(id))
      .filter((item): item is Scheduled => item !== undefined);
    let ready = lanePrevious?.finish ?? 0;
    for (const dependency of waitsFor) ready = Math.max(ready, dependency.finish);
    const start = snap(ready);
    const item: Scheduled = {
      task: entry.task,
      index: scheduled.length,
      start,
      finish: snap(start + readEstimate(entry.task)),
      lanePrevious,
      waitsFor,
    };
    scheduled.push(item);
    laneFree.set(laneKey, item);
    if (!byId.has(entry.task.id)) byId.set(entry.task.id, item);
  }

  // A loop, not `Math.max(...spread)`: spreading 10,000 arguments is slow.
  let makespan = 0;
  for (const item of scheduled) makespan = Math.max(makespan, item.finish);
  const critical = markCritical(scheduled, makespan);

  const tasks: StepPlanTask[] = scheduled.map((item, index) => {
    const { task } = item;
    const entry = ordered[index];
    const firstDay = Math.floor(item.start);
    const lastDay = Math.max(firstDay, Math.ceil(item.finish) - 1);
    const finish = dateOfDay(lastDay);
    const due = task.meta.due ?? null;
    const risks: RiskReason[] = [];
    if (finish > delivery) risks.push("delivery");
    if (due !== null && finish > due) risks.push("due");
    const state = live?.get(task.id);
    const role = readRole(task);
    return {
      step: index + 1,
      id: task.id,
      title: task.title,
      sectionNumber: task.section?.number ?? null,
      sectionTitle: task.section?.title ?? null,
      role,
      estimateDays: readEstimate(task),
      start: dateOfDay(firstDay),
      finish,
      startDay: item.start,
      finishDay: item.finish,
      waitsFor: item.waitsFor.map((dep) => dep.task.id),
      // The stored index, not `scheduled.indexOf`: that scan made the step plan quadratic.
      waitsForSteps: item.waitsFor.map((dep) => dep.index + 1),
      critical: critical.has(item),
      atRisk: risks.length > 0,
      risks,
      due,
      inCycle: entry?.inCycle ?? false,
      ignoredAfter: entry?.ignoredAfter ?? [],
      writeBackPending: resolveTaskStatus(task, live).writeBackPending,
      issueNumber: state?.issueNumber ?? null,
      issueUrl: state?.issueUrl ?? null,
    };
  });

  const finish =
    tasks.length === 0
      ? null
      : tasks.reduce((last, task) => (task.finish > last ? task.finish : last), startDate);
  const available = countWorkingDays(today, addCalendarDays(delivery, 1), holidays);
  const filter = options.role?.trim();
  const lanes = groupLanes(
    tasks,
    open.map((task) => toLaneKey(readRole(task))),
  ).filter((lane) => !filter || toLaneKey(lane.role) === toLaneKey(filter));

  return {
    today,
    delivery,
    startDate,
    role: options.role ?? null,
    holidays,
    openTasks: tasks.length,
    finish,
    workingDaysAvailable: Math.max(0, available),
    workingDaysNeeded: Math.ceil(makespan),
    deliveryMet: finish === null || finish <= delivery,
    deliveryPassed: delivery < today,
    criticalPath: tasks
      .filter((task) => task.critical)
      .map((task) => ({ step: task.step, id: task.id, title: task.title })),
    lanes,
  };
}

/** Walks back from the tasks that end last along the predecessors that bound their start. */
function markCritical(scheduled: readonly Scheduled[], makespan: number): Set<Scheduled> {
  const critical = new Set<Scheduled>();
  const stack = scheduled.filter((item) => item.finish === makespan);
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || critical.has(item)) continue;
    critical.add(item);
    if (item.start === 0) continue;
    const candidates = [...(item.lanePrevious ? [item.lanePrevious] : []), ...item.waitsFor];
    for (const previous of candidates) {
      if (previous.finish === item.start) stack.push(previous);
    }
  }
  return critical;
}

/**
 * Groups tasks by lane (case-insensitive role). `laneOrder` lists the lane key of every open task
 * in plan order, so lanes appear in the order of their first task in the plan, not in the order
 * dependencies happen to release them.
 */
function groupLanes(tasks: readonly StepPlanTask[], laneOrder: readonly string[]): StepPlanLane[] {
  const lanes = new Map<string, StepPlanTask[]>();
  for (const key of laneOrder) if (!lanes.has(key)) lanes.set(key, []);
  for (const task of tasks) {
    const key = toLaneKey(task.role);
    const lane = lanes.get(key) ?? [];
    lane.push(task);
    lanes.set(key, lane);
  }
  return [...lanes.values()]
    .filter((laneTasks) => laneTasks.length > 0)
    .map((laneTasks) => {
      const first = laneTasks[0];
      const last = laneTasks[laneTasks.length - 1];
      return {
        // The spelling of the lane's first task names the lane ("DevOps" and "devops" are one).
        role: first?.role ?? null,
        start: first?.start ?? "",
        finish: last?.finish ?? "",
        workingDays: snap(laneTasks.reduce((sum, task) => sum + task.estimateDays, 0)),
        tasks: laneTasks,
      };
    });
}
