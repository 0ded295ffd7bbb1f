import type {
  BoardField,
  BoardItem,
  BoardOptionInput,
  BoardProject,
} from "../github/project-port.js";
import {
  BOARD_FIELDS,
  FIELD_KEYS,
  STATUS_COLORS,
  TASK_STATES,
  pickOptionColor,
  sameName,
  type FieldKey,
  type StatusName,
  type TaskState,
} from "./board-fields.js";
import type { DesiredBoard, DesiredTask } from "./desired-board.js";

/** The board as one run observed it. */
export interface ObservedBoard {
  project: BoardProject;
  items: readonly BoardItem[];
  /** `owner/name` of the repository whose tasks these are (a board may hold others). */
  repository: string;
  /** Node ids of the task issues that have no item yet, by number. */
  issueIds: ReadonlyMap<number, string>;
}

/** A value as Nova wants it; options by name (their ids are known only after the field exists). */
export type ValueSpec = { option: string } | { number: number } | { date: string };

/** An existing item, or the item a task's `add-item` creates in the same run. */
export type ItemRef = { itemId: string } | { taskId: string };

export type BoardOp =
  | {
      kind: "create-field";
      field: FieldKey;
      name: string;
      dataType: "SINGLE_SELECT" | "NUMBER" | "DATE";
      options: BoardOptionInput[];
    }
  | {
      kind: "add-options";
      field: FieldKey;
      fieldId: string;
      /** Every option the field keeps, then the new ones: GitHub replaces the whole list. */
      options: BoardOptionInput[];
      added: string[];
    }
  | { kind: "add-item"; taskId: string; issueNumber: number; contentId: string }
  | { kind: "unarchive-item"; itemId: string; issueNumber: number }
  | { kind: "archive-item"; itemId: string; issueNumber: number }
  | {
      kind: "set-value";
      item: ItemRef;
      /** The task issue, or null for an item that is not one of this repository's tasks. */
      issueNumber: number | null;
      field: FieldKey;
      value: ValueSpec;
      /**
       * Set when the value only puts back what the item had before the field's options were
       * replaced: skipped if the option kept its id.
       */
      restoreOf?: string;
    };

export interface BoardPlan {
  /** The existing field used for each key; null when it is created in this run or unusable. */
  fields: Record<FieldKey, BoardField | null>;
  /** Fields whose name another type already uses: Nova leaves them (and those values) alone. */
  conflicts: Array<{ field: FieldKey; name: string; dataType: string }>;
  /** Fields, options and items: the first requests (the value writes need their ids). */
  structure: BoardOp[];
  /** `set-value` ops. */
  values: BoardOp[];
  /** Tasks whose item needs no write. */
  unchanged: number;
  /** Task issues GitHub did not resolve to a node id: placed on a later run. */
  unresolved: number[];
}

export interface PlanBoardOptions {
  statusNames: Record<TaskState, StatusName>;
}

/**
 * Compares the desired board with the observed one: fields and options created when missing
 * (never renamed or removed), every task issue an item, values written only where they differ,
 * removed tasks' items archived. Pure.
 */
export function planBoard(
  desired: DesiredBoard,
  observed: ObservedBoard,
  options: PlanBoardOptions,
): BoardPlan {
  const structure: BoardOp[] = [];
  const values: BoardOp[] = [];
  const conflicts: BoardPlan["conflicts"] = [];
  const fields = {} as Record<FieldKey, BoardField | null>;
  /** Keys whose field exists or is created in this run. */
  const usable = new Set<FieldKey>();
  /** Keys whose options are replaced in this run (existing values may need restoring). */
  const replaced = new Set<FieldKey>();
  /** Per single-select key: desired option → the name it has on the board. */
  const optionNames = new Map<FieldKey, (name: string) => string>();

  const wanted: Record<"status" | "section" | "role", string[]> = {
    status: TASK_STATES.map((state) => options.statusNames[state].add),
    section: desired.sections,
    role: desired.roles,
  };

  for (const key of FIELD_KEYS) {
    const spec = BOARD_FIELDS[key];
    const existing = observed.project.fields.find((field) => sameName(field.name, spec.name));
    fields[key] = null;
    if (existing && existing.dataType !== spec.dataType) {
      conflicts.push({ field: key, name: existing.name, dataType: existing.dataType });
      continue;
    }
    if (key === "order" || key === "target") {
      if (existing) fields[key] = existing;
      else structure.push({ kind: "create-field", field: key, ...spec, options: [] });
      usable.add(key);
      continue;
    }
    const names =
      key === "status" ? resolveStatusOptions(existing, options.statusNames) : wanted[key];
    const color = (name: string) =>
      key === "status" ? statusColor(name, options.statusNames) : pickOptionColor(name);
    const current = existing?.options ?? [];
    const missing = names.filter((name) => !current.some((option) => sameName(option.name, name)));
    optionNames.set(
      key,
      (name) => current.find((option) => sameName(option.name, name))?.name ?? name,
    );
    if (!existing) {
      // GitHub refuses a single-select field without options; `Rolle` waits for a first role.
      if (missing.length === 0) continue;
      structure.push({
        kind: "create-field",
        field: key,
        ...spec,
        options: missing.map((name) => ({ name, color: color(name), description: "" })),
      });
      usable.add(key);
      continue;
    }
    fields[key] = existing;
    usable.add(key);
    if (missing.length > 0) {
      replaced.add(key);
      structure.push({
        kind: "add-options",
        field: key,
        fieldId: existing.id,
        options: [
          ...current.map(({ name, color: kept, description }) => ({
            name,
            color: kept,
            description,
          })),
          ...missing.map((name) => ({ name, color: color(name), description: "" })),
        ],
        added: missing,
      });
    }
  }

  const statusOption = (state: TaskState): string => {
    const name = resolveStatusOptions(fields.status, options.statusNames)[
      TASK_STATES.indexOf(state)
    ];
    return name ?? options.statusNames[state].add;
  };

  const repository = observed.repository.toLowerCase();
  const byNumber = new Map<number, BoardItem>();
  for (const item of observed.items) {
    if (item.issue && item.issue.repository.toLowerCase() === repository) {
      byNumber.set(item.issue.number, item);
    }
  }

  /** Items whose values this run decides; every other item's replaced options are restored. */
  const decided = new Set<string>();
  let unchanged = 0;
  const unresolved: number[] = [];
  for (const task of desired.tasks) {
    const item = byNumber.get(task.issueNumber);
    let ref: ItemRef;
    let wrote = false;
    if (!item) {
      const contentId = observed.issueIds.get(task.issueNumber);
      if (!contentId) {
        unresolved.push(task.issueNumber);
        continue;
      }
      structure.push({
        kind: "add-item",
        taskId: task.taskId,
        issueNumber: task.issueNumber,
        contentId,
      });
      ref = { taskId: task.taskId };
      wrote = true;
    } else {
      // A closed task's item may have been archived on purpose (GitHub's auto-archive workflow).
      if (item.archived && !task.open) continue;
      if (item.archived) {
        structure.push({ kind: "unarchive-item", itemId: item.id, issueNumber: task.issueNumber });
        wrote = true;
      }
      ref = { itemId: item.id };
      decided.add(item.id);
    }
    const desiredValues = describeValues(task, statusOption, optionNames);
    const push = (key: FieldKey, value: ValueSpec, restoreOf?: string) => {
      values.push({
        kind: "set-value",
        item: ref,
        issueNumber: task.issueNumber,
        field: key,
        value,
        ...(restoreOf === undefined ? {} : { restoreOf }),
      });
      if (restoreOf === undefined) wrote = true;
    };
    for (const key of FIELD_KEYS) {
      if (!usable.has(key)) continue;
      const field = fields[key];
      const want = desiredValues[key];
      const have = field && item ? item.values.get(field.id) : undefined;
      // A person's own Status (e.g. `Blockiert`) stays while the task is open; closed → Done.
      const personsStatus =
        key === "status" &&
        have?.kind === "option" &&
        task.state !== "done" &&
        !isNovaStatus(have.name, options.statusNames);
      if (want !== null && !personsStatus && !(have && sameValue(have, want))) {
        push(key, want);
      } else if (have?.kind === "option" && replaced.has(key)) {
        // The value stays (Nova's, or a person's where Nova has none): it may need putting back.
        push(key, { option: have.name }, have.optionId);
      }
    }
    if (!wrote) unchanged++;
  }

  const removed = new Set(desired.removedIssueNumbers);
  for (const item of observed.items) {
    const number =
      item.issue && item.issue.repository.toLowerCase() === repository ? item.issue.number : null;
    if (number !== null && removed.has(number) && !item.archived) {
      structure.push({ kind: "archive-item", itemId: item.id, issueNumber: number });
    }
    if (decided.has(item.id)) continue;
    for (const key of replaced) {
      const field = fields[key];
      const have = field ? item.values.get(field.id) : undefined;
      if (have?.kind !== "option") continue;
      values.push({
        kind: "set-value",
        item: { itemId: item.id },
        issueNumber: number,
        field: key,
        value: { option: have.name },
        restoreOf: have.optionId,
      });
    }
  }

  return { fields, conflicts, structure, values, unchanged, unresolved };
}

/** The option names of the states, in `TASK_STATES` order: an existing recognised one, else the one to add. */
function resolveStatusOptions(
  field: BoardField | null | undefined,
  names: Record<TaskState, StatusName>,
): string[] {
  return TASK_STATES.map((state) => {
    for (const candidate of names[state].recognised) {
      const option = field?.options.find((existing) => sameName(existing.name, candidate));
      if (option) return option.name;
    }
    return names[state].add;
  });
}

/** Whether a `Status` option is one of Nova's three (by any name Nova recognises for a state). */
function isNovaStatus(name: string, names: Record<TaskState, StatusName>): boolean {
  return TASK_STATES.some(
    (state) =>
      sameName(names[state].add, name) ||
      names[state].recognised.some((candidate) => sameName(candidate, name)),
  );
}

function statusColor(name: string, names: Record<TaskState, StatusName>) {
  const state = TASK_STATES.find((candidate) => sameName(names[candidate].add, name));
  return state ? STATUS_COLORS[state] : pickOptionColor(name);
}

function describeValues(
  task: DesiredTask,
  statusOption: (state: TaskState) => string,
  optionNames: ReadonlyMap<FieldKey, (name: string) => string>,
): Record<FieldKey, ValueSpec | null> {
  const option = (key: FieldKey, name: string | null): ValueSpec | null =>
    name === null ? null : { option: (optionNames.get(key) ?? ((same: string) => same))(name) };
  return {
    status: { option: statusOption(task.state) },
    section: option("section", task.section),
    order: task.order === null ? null : { number: task.order },
    role: option("role", task.role),
    target: task.target === null ? null : { date: task.target },
  };
}

function sameValue(
  have: NonNullable<ReturnType<BoardItem["values"]["get"]>>,
  want: ValueSpec,
): boolean {
  if ("option" in want) return have.kind === "option" && sameName(have.name, want.option);
  if ("number" in want) return have.kind === "number" && Math.abs(have.number - want.number) < 1e-9;
  return have.kind === "date" && have.date === want.date;
}
