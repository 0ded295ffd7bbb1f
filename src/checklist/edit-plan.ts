import { flattenTasks } from "./lint.js";
import { splitMetaComment } from "./parse-task-meta.js";
import { TASK_ID_PATTERN } from "./slugify.js";
import type { Plan, Task } from "./types.js";

/** Replace `length` characters at `offset` with `text`. Offsets are into `plan.source`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

export class PlanEditError extends Error {
  constructor(
    message: string,
    readonly code: "unknown-task" | "invalid-id" | "overlapping-edits",
  ) {
    super(message);
    this.name = "PlanEditError";
  }
}

/**
 * The edit that ticks or unticks a task's box: one character. No edit when it already agrees.
 * Works for subtasks too.
 */
export function planSetChecked(plan: Plan, taskId: string, checked: boolean): TextEdit[] {
  const task = requireTask(plan, taskId);
  if (task.checked === checked) return [];
  return [{ offset: task.checkboxOffset, length: 1, text: checked ? "x" : " " }];
}

/**
 * The edit that pins a task's id in its metadata comment: changes the `id=` value, adds
 * `id=…;` to an existing comment, or appends ` <!-- nova: id=… -->` to the task's line.
 * No edit when the task already has that explicit id.
 */
export function planSetTaskId(plan: Plan, taskId: string, newId: string = taskId): TextEdit[] {
  if (!TASK_ID_PATTERN.test(newId)) {
    throw new PlanEditError(`"${newId}" is not a valid task id`, "invalid-id");
  }
  const task = requireTask(plan, taskId);
  if (task.idSource === "explicit" && task.id === newId) return [];
  const comment = task.metaComment;
  if (!comment) {
    return [{ offset: task.paragraphEndOffset, length: 0, text: ` <!-- nova: id=${newId} -->` }];
  }
  const { entries, bodyStart } = splitMetaComment(comment.raw);
  const base = comment.span.start.offset;
  // The last id= wins when parsing, so that is the one to change.
  const idEntry = entries.filter((entry) => entry.key === "id").at(-1);
  if (idEntry) {
    return [
      {
        offset: base + idEntry.valueStart,
        length: idEntry.valueEnd - idEntry.valueStart,
        text: newId,
      },
    ];
  }
  const hasOtherEntries = entries.length > 0;
  return [
    {
      offset: base + bodyStart,
      length: 0,
      text: hasOtherEntries ? `id=${newId}; ` : `id=${newId} `,
    },
  ];
}

/**
 * Applies non-overlapping edits to a source. Every byte outside the edits stays as it was
 * (line endings included).
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    if (previous.offset + previous.length > sorted[i]!.offset) {
      throw new PlanEditError("edits overlap", "overlapping-edits");
    }
  }
  let result = "";
  let cursor = 0;
  for (const edit of sorted) {
    result += source.slice(cursor, edit.offset) + edit.text;
    cursor = edit.offset + edit.length;
  }
  return result + source.slice(cursor);
}

function requireTask(plan: Plan, taskId: string): Task {
  const task = flattenTasks(plan.tasks).find((candidate) => candidate.id === taskId);
  if (!task) throw new PlanEditError(`no task with id "${taskId}"`, "unknown-task");
  return task;
}
