import type { Plan, Task } from "../checklist/types.js";
import type { LiveState } from "./live-state.js";
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
  role: string | null;
  laneKey: string;
  estimate: number;
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

  // Status read inline (what `resolveTaskStatus` decides), not as an object per task.
  const open = plan.tasks.filter((task) => {
    const state = live?.get(task.id);
    return !(state ? state.closed : task.checked);
  });
  const ordered = orderTasks(open);
  // Each role's lane key once per distinct role, not a lowercased string per task and use.
  const laneKeys = new Map<string | null, string>();
  const laneKeyOf = (role: string | null): string => {
    let key = laneKeys.get(role);
    if (key === undefined) {
      key = toLaneKey(role);
      laneKeys.set(role, key);
    }
    return key;
  };

  const laneFree = new Map<string, Scheduled>();
  const byId = new Map<string, Scheduled>();
  const scheduled: Scheduled[] = [];
  for (const entry of ordered) {
    const role = readRole(entry.task);
    const laneKey = laneKeyOf(role);
    const lanePrevious = laneFree.get(laneKey) ?? null;
    const waitsFor: Scheduled[] = [];
    for (const id of entry.waitsFor) {
      const dependency = byId.get(id);
      if (dependency !== undefined) waitsFor.push(dependency);
    }
    let ready = lanePrevious?.finish ?? 0;
    for (const dependency of waitsFor) ready = Math.max(ready, dependency.finish);
    const start = snap(ready);
    const estimate = readEstimate(entry.task);
    const item: Scheduled = {
      task: entry.task,
      index: scheduled.length,
      start,
      finish: snap(start + estimate),
      lanePrevious,
      waitsFor,
      role,
      laneKey,
      estimate,
    };
    scheduled.push(item);
    laneFree.set(laneKey, item);
    if (!byId.has(entry.task.id)) byId.set(entry.task.id, item);
  }

  // A loop, not `Math.max(...spread)`: spreading 10,000 arguments is slow.
  let makespan = 0;
  for (const item of scheduled) makespan = Math.max(makespan, item.finish);
  const critical = markCritical(scheduled, makespan);

  const tasks: StepPlanTask[] = [];
  for (let index = 0; index < scheduled.length; index++) {
    const item = scheduled[index]!;
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
    const waitsFor: string[] = [];
    const waitsForSteps: number[] = [];
    for (const dependency of item.waitsFor) {
      waitsFor.push(dependency.task.id);
      // The stored index, not `scheduled.indexOf`: that scan made the step plan quadratic.
      waitsForSteps.push(dependency.index + 1);
    }
    tasks.push({
      step: index + 1,
      id: task.id,
      title: task.title,
      sectionNumber: task.section?.number ?? null,
      sectionTitle: task.section?.title ?? null,
      role: item.role,
      estimateDays: item.estimate,
      start: dateOfDay(firstDay),
      finish,
      startDay: item.start,
      finishDay: item.finish,
      waitsFor,
      waitsForSteps,
      critical: critical[index] === 1,
      atRisk: risks.length > 0,
      risks,
      due,
      inCycle: entry?.inCycle ?? false,
      ignoredAfter: entry?.ignoredAfter ?? [],
      writeBackPending: state ? state.closed !== task.checked : false,
      issueNumber: state?.issueNumber ?? null,
      issueUrl: state?.issueUrl ?? null,
    });
  }

  const finish =
    tasks.length === 0
      ? null
      : tasks.reduce((last, task) => (task.finish > last ? task.finish : last), startDate);
  const available = countWorkingDays(today, addCalendarDays(delivery, 1), holidays);
  const filter = options.role?.trim();
  const lanes = groupLanes(
    tasks,
    scheduled,
    open.map((task) => laneKeyOf(readRole(task))),
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

/**
 * Walks back from the tasks that end last along the predecessors that bound their start; marks
 * the critical ones (1) by their index in `scheduled`.
 */
function markCritical(scheduled: readonly Scheduled[], makespan: number): Uint8Array {
  const critical = new Uint8Array(scheduled.length);
  const stack = scheduled.filter((item) => item.finish === makespan);
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || critical[item.index] === 1) continue;
    critical[item.index] = 1;
    if (item.start === 0) continue;
    const previous = item.lanePrevious;
    if (previous && previous.finish === item.start) stack.push(previous);
    for (const dependency of item.waitsFor)
      if (dependency.finish === item.start) stack.push(dependency);
  }
  return critical;
}

/**
 * Groups tasks by lane (case-insensitive role). `laneOrder` lists the lane key of every open task
 * in plan order, so lanes appear in the order of their first task in the plan, not in the order
 * dependencies happen to release them. `scheduled[i]` holds the lane key of `tasks[i]`.
 */
function groupLanes(
  tasks: readonly StepPlanTask[],
  scheduled: readonly Scheduled[],
  laneOrder: readonly string[],
): StepPlanLane[] {
  const lanes = new Map<string, StepPlanTask[]>();
  for (const key of laneOrder) if (!lanes.has(key)) lanes.set(key, []);
  for (let index = 0; index < tasks.length; index++) {
    const key = scheduled[index]!.laneKey;
    const lane = lanes.get(key);
    if (lane) lane.push(tasks[index]!);
    else lanes.set(key, [tasks[index]!]);
  }
  const result: StepPlanLane[] = [];
  for (const laneTasks of lanes.values()) {
    if (laneTasks.length === 0) continue;
    const first = laneTasks[0];
    const last = laneTasks[laneTasks.length - 1];
    let workingDays = 0;
    for (const task of laneTasks) workingDays += task.estimateDays;
    result.push({
      // The spelling of the lane's first task names the lane ("DevOps" and "devops" are one).
      role: first?.role ?? null,
      start: first?.start ?? "",
      finish: last?.finish ?? "",
      workingDays: snap(workingDays),
      tasks: laneTasks,
    });
  }
  return result;
}
