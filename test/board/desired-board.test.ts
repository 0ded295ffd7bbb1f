import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { buildDesiredBoard } from "../../src/board/desired-board.js";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import type { ObservedIssue } from "../../src/github/vocabulary.js";

const PLAN = parsePlan(
  [
    "# Plan",
    "## 1. Setup",
    "- [ ] **A** – eins <!-- nova: estimate=2d -->",
    "- [ ] **B** – zwei <!-- nova: due=2025-02-01 -->",
    "## 2. Daten",
    "- [ ] **C** – drei <!-- nova: role=ML -->",
    "- [ ] **D** – vier",
    "",
  ].join("\n"),
);

function issue(number: number, overrides: Partial<ObservedIssue> = {}): ObservedIssue {
  return {
    number,
    title: `#${number}`,
    body: "",
    state: "open",
    stateReason: null,
    labels: [],
    author: "nova[bot]",
    assignees: [],
    htmlUrl: "",
    closedAt: null,
    ...overrides,
  };
}

const CONFIG = {
  ...DEFAULT_CONFIG,
  roles: {
    DevOps: { members: [], sections: ["setup"] },
    Daten: { members: [], sections: [2] },
  },
};

describe("buildDesiredBoard", () => {
  it("maps state, section, order, role and Ziel (due, else the scheduled finish)", () => {
    const board = buildDesiredBoard({
      plan: PLAN,
      taskIssues: new Map([
        ["a", [issue(1)]],
        ["b", [issue(2, { assignees: ["alice"] })]],
        ["c", [issue(3, { state: "closed", stateReason: "completed" })]],
        ["d", [issue(4), issue(9)]],
        ["gone", [issue(7, { state: "closed", stateReason: "not_planned" })]],
      ]),
      config: CONFIG,
      today: "2025-01-06",
      openClosingPulls: new Map([[4, 1]]),
    });
    expect(board.tasks).toEqual([
      {
        taskId: "a",
        issueNumber: 1,
        open: true,
        state: "todo",
        section: "Setup",
        order: 1,
        role: "DevOps",
        target: "2025-01-07",
      },
      {
        taskId: "b",
        issueNumber: 2,
        open: true,
        state: "inProgress",
        section: "Setup",
        order: 2,
        role: "DevOps",
        target: "2025-02-01",
      },
      {
        taskId: "c",
        issueNumber: 3,
        open: false,
        state: "done",
        section: "Daten",
        order: 3,
        role: "ML",
        target: null,
      },
      {
        taskId: "d",
        issueNumber: 4,
        open: true,
        state: "inProgress",
        section: "Daten",
        order: 4,
        role: "Daten",
        target: "2025-01-06",
      },
    ]);
    expect(board.removedIssueNumbers).toEqual([7, 9]);
    expect(board.sections).toEqual(["Setup", "Daten"]);
    expect(board.roles).toEqual(["DevOps", "ML", "Daten"]);
  });

  it("skips tasks that have no issue yet", () => {
    const board = buildDesiredBoard({
      plan: PLAN,
      taskIssues: new Map([["a", [issue(1)]]]),
      config: DEFAULT_CONFIG,
      today: "2025-01-06",
      openClosingPulls: new Map(),
    });
    expect(board.tasks.map((task) => task.taskId)).toEqual(["a"]);
    expect(board.tasks[0]?.role).toBeNull();
  });
});

describe("buildDesiredBoard with nested tasks", () => {
  it("a nested task's issue is an item (no Reihenfolge, Ziel from due=), not a removed task's", () => {
    const plan = parsePlan(
      [
        "# Plan",
        "## 1. Setup",
        "- [ ] **A** – eins",
        "  - [ ] **Teil** – nested <!-- nova: due=2025-03-01 -->",
        "- [ ] **B** – zwei",
        "",
      ].join("\n"),
    );
    const board = buildDesiredBoard({
      plan,
      taskIssues: new Map([
        ["a", [issue(1)]],
        ["a-teil", [issue(2, { state: "closed", stateReason: "completed" })]],
        ["b", [issue(3)]],
      ]),
      config: CONFIG,
      today: "2025-01-06",
      openClosingPulls: new Map(),
    });
    expect(board.removedIssueNumbers).toEqual([]);
    expect(board.tasks.map((task) => [task.taskId, task.order, task.state, task.target])).toEqual([
      ["a", 1, "todo", "2025-01-06"],
      ["a-teil", null, "done", "2025-03-01"],
      ["b", 2, "todo", "2025-01-07"],
    ]);
  });
});
