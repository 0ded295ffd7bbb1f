import type { Plan, Task } from "../checklist/types.js";
import { isTaskDone, type LiveState } from "./live-state.js";

/** Progress of one section (or of the pseudo-section for tasks outside any section). */
export interface SectionProgress {
  /** The heading's number, or null for an unnumbered heading and for the pseudo-section. */
  number: number | null;
  /** The section title; `""` for the pseudo-section of tasks before the first heading. */
  title: string;
  total: number;
  done: number;
  percent: number;
}

/** The `progress` report; also the CLI's `--format json` output. */
export interface ProgressResult {
  total: number;
  done: number;
  percent: number;
  sections: SectionProgress[];
}

export interface ProgressOptions {
  live?: LiveState;
}

/**
 * Whole percent, rounded down so that 100 means every task is done; 0 when there is nothing to
 * count (an empty plan is not "complete").
 */
export function computePercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((done * 100) / total);
}

function summarise(tasks: readonly Task[], live: LiveState | undefined) {
  const done = tasks.filter((task) => isTaskDone(task, live)).length;
  return {
    total: tasks.length,
    done,
    percent: computePercent(done, tasks.length),
  };
}

/**
 * Counts done tasks per section and overall. Only top-level tasks count: subtasks belong to their
 * parent. Sections come in plan order, empty ones included. Tasks before the first heading are
 * counted in a pseudo-section `{ number: null, title: "" }` placed first, and only when there are
 * such tasks, so an ordinary plan's sections map one to one onto its headings.
 */
export function computeProgress(plan: Plan, options: ProgressOptions = {}): ProgressResult {
  const { live } = options;
  const sections: SectionProgress[] = [];
  const outside = plan.tasks.filter((task) => task.sectionIndex < 0);
  if (outside.length > 0) {
    sections.push({ number: null, title: "", ...summarise(outside, live) });
  }
  for (const section of plan.sections) {
    sections.push({
      number: section.number,
      title: section.title,
      ...summarise(section.tasks, live),
    });
  }
  return { ...summarise(plan.tasks, live), sections };
}
