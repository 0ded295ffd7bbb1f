import type { Plan, Task } from "../checklist/types.js";
import type { NovaConfig } from "../config/schema.js";
import type { ObservedIssue } from "../github/vocabulary.js";
import { buildLiveState } from "../reports/build-live-state.js";
import { computeStepPlan } from "../reports/step-plan.js";
import { listIssueTasks, sectionKey } from "../sync/desired-state.js";
import { sameName, type TaskState } from "./board-fields.js";

/** One task as the board should show it; a null value means "Nova leaves the field alone". */
export interface DesiredTask {
  taskId: string;
  issueNumber: number;
  /** Open issue (an archived item of an open task is brought back). */
  open: boolean;
  state: TaskState;
  section: string | null;
  /** 1-based position in the plan; null for a section's or nested task's issue (left empty). */
  order: number | null;
  role: string | null;
  /** `YYYY-MM-DD`. */
  target: string | null;
}

export interface DesiredBoard {
  /** Tasks that have an issue, in plan order. */
  tasks: DesiredTask[];
  /** Issues Nova wrote for tasks no longer in the plan (and duplicates): their items are archived. */
  removedIssueNumbers: number[];
  /** The options `Bereich` and `Rolle` need, in plan order. */
  sections: string[];
  roles: string[];
}

export interface DesiredBoardInput {
  plan: Plan;
  /** Bot-written task issues by task id, lowest number first (see `indexTaskIssues`). */
  taskIssues: ReadonlyMap<string, readonly ObservedIssue[]>;
  /** Bot-written section issues by key (`section:<slug>`); they get an item with Bereich only. */
  sectionIssues?: ReadonlyMap<string, readonly ObservedIssue[]>;
  config: Pick<NovaConfig, "roles" | "holidays" | "delivery">;
  /** `YYYY-MM-DD` in the configured time zone: day 0 of the schedule. */
  today: string;
  /** Issue number → open pull requests that close it (GitHub's closing references). */
  openClosingPulls: ReadonlyMap<number, number>;
}

/**
 * What the board should hold for a plan and its issues. Pure.
 *
 * - Status: Done when the issue is closed; In Progress when it is assigned or an open pull
 *   request closes it; else Todo.
 * - Bereich: the section title. Reihenfolge: the position in the plan.
 * - Rolle: `role=` of the task, else the first role in `roles` whose `sections` name the task's
 *   section (by slug or number).
 * - Ziel: `due=`, else the step plan's scheduled finish (open tasks only, as `/nova step-plan`
 *   computes it today; a closed task keeps whatever it had).
 */
export function buildDesiredBoard(input: DesiredBoardInput): DesiredBoard {
  const { plan, taskIssues, config, today } = input;
  const live = buildLiveState(taskIssues);
  const schedule = computeStepPlan(plan, {
    today,
    // The finish dates do not depend on the delivery date; it only marks risks.
    delivery: config.delivery ?? today,
    live,
    holidays: config.holidays,
  });
  const finishById = new Map<string, string>();
  for (const lane of schedule.lanes) {
    for (const task of lane.tasks) finishById.set(task.id, task.finish);
  }

  const tasks: DesiredTask[] = [];
  const sections: string[] = [];
  const roles: string[] = [];
  const addName = (list: string[], name: string | null) => {
    if (name && !list.some((known) => sameName(known, name))) list.push(name);
  };
  const primary = new Set<number>();
  // Nested tasks have issues of their own where the sync links sub-issues: on the board too.
  for (const task of listIssueTasks(plan.tasks)) {
    const issue = taskIssues.get(task.id)?.[0];
    if (!issue || primary.has(issue.number)) continue;
    primary.add(issue.number);
    const open = issue.state === "open";
    const section = task.section?.title.trim() || null;
    const role = resolveRole(task, config.roles);
    addName(sections, section);
    addName(roles, role);
    const pulls = input.openClosingPulls.get(issue.number) ?? 0;
    tasks.push({
      taskId: task.id,
      issueNumber: issue.number,
      open,
      state: !open ? "done" : issue.assignees.length > 0 || pulls > 0 ? "inProgress" : "todo",
      section,
      // Reihenfolge orders the plan's top-level tasks; a nested task shows under its parent.
      order: task.parentId === undefined ? task.position + 1 : null,
      role,
      target: task.meta.due ?? (open ? (finishById.get(task.id) ?? null) : null),
    });
  }

  for (const section of plan.sections) {
    const issue = input.sectionIssues?.get(sectionKey(section.slug))?.[0];
    if (!issue || primary.has(issue.number)) continue;
    const title = section.title.trim() || null;
    addName(sections, title);
    tasks.push({
      taskId: sectionKey(section.slug),
      issueNumber: issue.number,
      open: issue.state === "open",
      state: issue.state === "open" ? "todo" : "done",
      section: title,
      order: null,
      role: null,
      target: null,
    });
  }

  // Every other task issue is a removed task's or a duplicate (the sync closes both).
  const removedIssueNumbers: number[] = [];
  for (const issues of taskIssues.values()) {
    for (const issue of issues)
      if (!primary.has(issue.number)) removedIssueNumbers.push(issue.number);
  }
  removedIssueNumbers.sort((a, b) => a - b);
  return { tasks, removedIssueNumbers, sections, roles };
}

/** The role of a task: its own `role=`, else the first configured role covering its section. */
function resolveRole(task: Task, roles: NovaConfig["roles"]): string | null {
  const own = task.meta.role?.trim();
  if (own) return own;
  const section = task.section;
  if (!section) return null;
  for (const [name, role] of Object.entries(roles)) {
    const covers = role.sections.some((reference) =>
      typeof reference === "number" ? reference === section.number : reference === section.slug,
    );
    if (covers) return name;
  }
  return null;
}
