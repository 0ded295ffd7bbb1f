import type { Plan, Task } from "../checklist/types.js";

/** One checklist task as `nova tasks` lists it (its JSON shape is documented in docs/cli.md). */
export interface TaskRow {
  /** 1-based line of the list item. */
  line: number;
  checked: boolean;
  id: string;
  title: string;
  /** The section heading as written (`1. Infrastruktur…`), or null before the first heading. */
  section: string | null;
  /** The id of the task this one is nested in, or null for a top-level task. */
  parent: string | null;
  /** Nesting depth: 0 for a top-level task (not in the JSON; the terminal indents by it). */
  depth: number;
}

/** Every task of the plan, nested ones included, in document order. */
export function listTasks(plan: Plan): TaskRow[] {
  const rows: TaskRow[] = [];
  // An explicit stack instead of recursion: nesting depth is bounded by the parser, not by us.
  const stack: Array<{ task: Task; parent: string | null; depth: number }> = plan.tasks
    .map((task) => ({ task, parent: null, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { task, parent, depth } = stack.pop()!;
    rows.push({
      line: task.line,
      checked: task.checked,
      id: task.id,
      title: task.title,
      section: plan.sections[task.sectionIndex]?.heading ?? null,
      parent,
      depth,
    });
    for (let index = task.subtasks.length - 1; index >= 0; index -= 1)
      stack.push({ task: task.subtasks[index]!, parent: task.id, depth: depth + 1 });
  }
  return rows.sort((a, b) => a.line - b.line);
}

/** The documented JSON of `nova tasks --format json` (without the terminal's depth). */
export function toTaskJson(rows: readonly TaskRow[]): Array<Omit<TaskRow, "depth">> {
  return rows.map(({ line, checked, id, title, section, parent }) => ({
    line,
    checked,
    id,
    title,
    section,
    parent,
  }));
}
