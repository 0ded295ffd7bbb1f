import type { Task } from "../checklist/types.js";

/** What GitHub says about one task's issue, as observed by the sync layer. */
export interface LiveTaskState {
  closed: boolean;
  /** Whether the issue has an assignee. */
  assigned?: boolean;
  issueNumber?: number;
  issueUrl?: string;
  /**
   * When the issue was closed (`closed_at`, an ISO 8601 timestamp or a `YYYY-MM-DD` date).
   * Used to order "recently completed"; ignored while the issue is open.
   */
  closedAt?: string;
}

/** Live GitHub state keyed by task id. A task without an entry has no known issue. */
export type LiveState = ReadonlyMap<string, LiveTaskState>;

/** Whether a task counts as done, and whether the checklist disagrees with its issue. */
export interface TaskStatus {
  done: boolean;
  /**
   * The checkbox in the checklist does not match the issue state yet: the issue was closed
   * (or reopened) on GitHub and the plan file still needs the tick written back (or removed).
   */
  writeBackPending: boolean;
}

/**
 * The status of a task: the issue state wins when it is known, because people close issues on
 * GitHub long before someone ticks the box in the plan file; the checkbox decides otherwise.
 */
export function resolveTaskStatus(
  task: Pick<Task, "id" | "checked">,
  live?: LiveState,
): TaskStatus {
  const state = live?.get(task.id);
  if (!state) return { done: task.checked, writeBackPending: false };
  return {
    done: state.closed,
    writeBackPending: state.closed !== task.checked,
  };
}

/** Whether a task counts as done (see {@link resolveTaskStatus}). */
export function isTaskDone(task: Pick<Task, "id" | "checked">, live?: LiveState): boolean {
  return resolveTaskStatus(task, live).done;
}
