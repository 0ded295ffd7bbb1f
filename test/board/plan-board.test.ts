import { describe, expect, it } from "@jest/globals";
import { resolveStatusNames } from "../../src/board/board-fields.js";
import type { DesiredBoard, DesiredTask } from "../../src/board/desired-board.js";
import { planBoard, type BoardOp, type ObservedBoard } from "../../src/board/plan-board.js";
import type { BoardField, BoardItem, BoardValue } from "../../src/github/project-port.js";

const OPTIONS = { statusNames: resolveStatusNames(undefined) };

function option(id: string, name: string) {
  return { id, name, color: "GRAY" as const, description: "" };
}

const STATUS: BoardField = {
  id: "F-status",
  name: "Status",
  dataType: "SINGLE_SELECT",
  options: [option("s1", "Todo"), option("s2", "In Progress"), option("s3", "Done")],
};
const BEREICH: BoardField = {
  id: "F-bereich",
  name: "Bereich",
  dataType: "SINGLE_SELECT",
  options: [option("b1", "Setup")],
};
const ORDER: BoardField = { id: "F-order", name: "Reihenfolge", dataType: "NUMBER", options: [] };
const ROLE: BoardField = {
  id: "F-role",
  name: "Rolle",
  dataType: "SINGLE_SELECT",
  options: [option("r1", "DevOps")],
};
const TARGET: BoardField = { id: "F-target", name: "Ziel", dataType: "DATE", options: [] };
const ALL_FIELDS = [STATUS, BEREICH, ORDER, ROLE, TARGET];

function task(overrides: Partial<DesiredTask> = {}): DesiredTask {
  return {
    taskId: "setup",
    issueNumber: 1,
    open: true,
    state: "todo",
    section: "Setup",
    order: 1,
    role: "DevOps",
    target: "2025-01-06",
    ...overrides,
  };
}

function desired(tasks: DesiredTask[], extra: Partial<DesiredBoard> = {}): DesiredBoard {
  return { tasks, removedIssueNumbers: [], sections: ["Setup"], roles: ["DevOps"], ...extra };
}

function item(
  id: string,
  number: number | null,
  values: Record<string, BoardValue> = {},
  archived = false,
): BoardItem {
  return {
    id,
    archived,
    issue:
      number === null
        ? null
        : { nodeId: `I_${number}`, repository: "acme/dgx", number, openClosingPulls: 0 },
    values: new Map(Object.entries(values)),
  };
}

/** The values an up-to-date item of `task()` has. */
const CURRENT: Record<string, BoardValue> = {
  "F-status": { kind: "option", optionId: "s1", name: "Todo" },
  "F-bereich": { kind: "option", optionId: "b1", name: "Setup" },
  "F-order": { kind: "number", number: 1 },
  "F-role": { kind: "option", optionId: "r1", name: "DevOps" },
  "F-target": { kind: "date", date: "2025-01-06" },
};

function observed(
  fields: BoardField[],
  items: BoardItem[],
  ids: Record<number, string> = {},
): ObservedBoard {
  return {
    project: { id: "P", number: 1, title: "Board", url: "https://x", closed: false, fields },
    items,
    repository: "acme/dgx",
    issueIds: new Map(Object.entries(ids).map(([number, id]) => [Number(number), id])),
  };
}

const kinds = (ops: BoardOp[]) => ops.map((op) => op.kind);

describe("planBoard", () => {
  it("on a new project: creates the four fields, adds the item and sets its five values", () => {
    const plan = planBoard(desired([task()]), observed([STATUS], [], { 1: "I_1" }), OPTIONS);
    expect(plan.structure).toEqual([
      {
        kind: "create-field",
        field: "section",
        name: "Bereich",
        dataType: "SINGLE_SELECT",
        options: [{ name: "Setup", color: expect.any(String), description: "" }],
      },
      {
        kind: "create-field",
        field: "order",
        name: "Reihenfolge",
        dataType: "NUMBER",
        options: [],
      },
      expect.objectContaining({ kind: "create-field", field: "role", name: "Rolle" }),
      { kind: "create-field", field: "target", name: "Ziel", dataType: "DATE", options: [] },
      { kind: "add-item", taskId: "setup", issueNumber: 1, contentId: "I_1" },
    ]);
    expect(plan.values).toEqual(
      ["status", "section", "order", "role", "target"].map((field) =>
        expect.objectContaining({ kind: "set-value", item: { taskId: "setup" }, field }),
      ),
    );
    expect(plan.values[0]).toMatchObject({ value: { option: "Todo" } });
    expect(plan.unchanged).toBe(0);
  });

  it("writes nothing for an item that is up to date", () => {
    const plan = planBoard(
      desired([task()]),
      observed(ALL_FIELDS, [item("I1", 1, CURRENT)]),
      OPTIONS,
    );
    expect(plan.structure).toEqual([]);
    expect(plan.values).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it("writes only the field that differs", () => {
    const plan = planBoard(
      desired([task({ state: "done", open: false, target: null })]),
      observed(ALL_FIELDS, [item("I1", 1, CURRENT)]),
      OPTIONS,
    );
    expect(plan.values).toEqual([
      {
        kind: "set-value",
        item: { itemId: "I1" },
        issueNumber: 1,
        field: "status",
        value: { option: "Done" },
      },
    ]);
  });

  it("keeps a person's own Status (Blockiert) while the task is open; closed → Done wins", () => {
    const withBlocked: BoardField = {
      ...STATUS,
      options: [...STATUS.options, option("s4", "Blockiert")],
    };
    const blocked: Record<string, BoardValue> = {
      ...CURRENT,
      "F-status": { kind: "option", optionId: "s4", name: "Blockiert" },
    };
    const fields = [withBlocked, BEREICH, ORDER, ROLE, TARGET];
    for (const state of ["todo", "inProgress"] as const) {
      const open = planBoard(
        desired([task({ state })]),
        observed(fields, [item("I1", 1, blocked)]),
        OPTIONS,
      );
      expect(open.values).toEqual([]);
    }
    const done = planBoard(
      desired([task({ state: "done", open: false })]),
      observed(fields, [item("I1", 1, blocked)]),
      OPTIONS,
    );
    expect(done.values).toEqual([
      expect.objectContaining({ field: "status", value: { option: "Done" } }),
    ]);
    // Nova's own three still follow the task: Todo → In Progress.
    const moved = planBoard(
      desired([task({ state: "inProgress" })]),
      observed(fields, [item("I1", 1, CURRENT)]),
      OPTIONS,
    );
    expect(moved.values).toEqual([
      expect.objectContaining({ field: "status", value: { option: "In Progress" } }),
    ]);
  });

  it("never clears a value Nova has nothing for (a person's Rolle or Ziel stays)", () => {
    const plan = planBoard(
      desired([task({ role: null, target: null })], { roles: [] }),
      observed(ALL_FIELDS, [item("I1", 1, CURRENT)]),
      OPTIONS,
    );
    expect(plan.values).toEqual([]);
  });

  it("adds a missing option by passing the whole list again, and restores values whose option may get a new id", () => {
    const plan = planBoard(
      desired([task({ section: "Daten" })], { sections: ["Setup", "Daten"] }),
      observed(ALL_FIELDS, [
        item("I1", 1, CURRENT),
        item("draft", null, { "F-bereich": { kind: "option", optionId: "b1", name: "Setup" } }),
      ]),
      OPTIONS,
    );
    expect(plan.structure).toEqual([
      {
        kind: "add-options",
        field: "section",
        fieldId: "F-bereich",
        options: [
          { name: "Setup", color: "GRAY", description: "" },
          { name: "Daten", color: expect.any(String), description: "" },
        ],
        added: ["Daten"],
      },
    ]);
    expect(plan.values).toEqual([
      expect.objectContaining({
        item: { itemId: "I1" },
        field: "section",
        value: { option: "Daten" },
      }),
      {
        kind: "set-value",
        item: { itemId: "draft" },
        issueNumber: null,
        field: "section",
        value: { option: "Setup" },
        restoreOf: "b1",
      },
    ]);
  });

  it("leaves a field alone whose name another type has", () => {
    const text: BoardField = { id: "F-text", name: "bereich", dataType: "TEXT", options: [] };
    const plan = planBoard(
      desired([task()]),
      observed([STATUS, text, ORDER, ROLE, TARGET], [item("I1", 1, CURRENT)]),
      OPTIONS,
    );
    expect(plan.conflicts).toEqual([{ field: "section", name: "bereich", dataType: "TEXT" }]);
    expect(plan.structure).toEqual([]);
    expect(plan.values).toEqual([]);
  });

  it("recognises Offen / In Arbeit / Erledigt and does not add the English names", () => {
    const german: BoardField = {
      ...STATUS,
      options: [option("g1", "Offen"), option("g2", "In Arbeit"), option("g3", "Erledigt")],
    };
    const plan = planBoard(
      desired([task({ state: "inProgress" })]),
      observed(
        [german, BEREICH, ORDER, ROLE, TARGET],
        [
          item("I1", 1, {
            ...CURRENT,
            "F-status": { kind: "option", optionId: "g1", name: "Offen" },
          }),
        ],
      ),
      OPTIONS,
    );
    expect(plan.structure).toEqual([]);
    expect(plan.values).toEqual([
      expect.objectContaining({ field: "status", value: { option: "In Arbeit" } }),
    ]);
  });

  it("archives removed tasks' items, brings back an open task's archived item, leaves a closed one archived", () => {
    const plan = planBoard(
      desired([task(), task({ taskId: "done", issueNumber: 2, open: false, state: "done" })], {
        removedIssueNumbers: [3],
      }),
      observed(ALL_FIELDS, [
        item("I1", 1, CURRENT, true),
        item("I2", 2, {}, true),
        item("I3", 3, CURRENT),
      ]),
      OPTIONS,
    );
    expect(plan.structure).toEqual([
      { kind: "unarchive-item", itemId: "I1", issueNumber: 1 },
      { kind: "archive-item", itemId: "I3", issueNumber: 3 },
    ]);
    expect(plan.values).toEqual([]);
  });

  it("creates Rolle only once there is a role, and places no issue GitHub did not resolve", () => {
    const plan = planBoard(
      desired([task({ role: null })], { roles: [] }),
      observed([STATUS], []),
      OPTIONS,
    );
    expect(kinds(plan.structure)).toEqual(["create-field", "create-field", "create-field"]);
    expect(plan.structure.map((op) => (op.kind === "create-field" ? op.name : ""))).toEqual([
      "Bereich",
      "Reihenfolge",
      "Ziel",
    ]);
    expect(plan.unresolved).toEqual([1]);
  });

  it("ignores items of other repositories on a shared board", () => {
    const other: BoardItem = {
      ...item("X", 1, {}),
      issue: { nodeId: "I_x", repository: "acme/web", number: 1, openClosingPulls: 0 },
    };
    const plan = planBoard(
      desired([task()], { removedIssueNumbers: [1] }),
      observed(ALL_FIELDS, [other], { 1: "I_1" }),
      OPTIONS,
    );
    expect(kinds(plan.structure)).toEqual(["add-item"]);
  });
});
