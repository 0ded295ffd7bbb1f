import { describe, expect, it } from "@jest/globals";
import type { ObservedIssue } from "../../src/github/vocabulary.js";
import {
  planReorder,
  planStructure,
  planStructureReads,
  type StructureInput,
} from "../../src/sync/plan-structure.js";

function issue(number: number, extra: Partial<ObservedIssue> = {}): ObservedIssue {
  return {
    id: 1000 + number,
    number,
    title: `#${number}`,
    body: "",
    state: "open",
    stateReason: null,
    labels: [],
    author: "nova-test[bot]",
    assignees: [],
    htmlUrl: "",
    closedAt: null,
    apiUrl: `api/${number}`,
    parentIssueUrl: null,
    subIssuesTotal: 0,
    blockedByTotal: 0,
    milestone: null,
    ...extra,
  };
}

/** Applies reorder moves to a list, as GitHub does. */
function move(current: number[], ops: ReturnType<typeof planReorder>): number[] {
  const order = [...current];
  for (const op of ops) {
    if (op.kind !== "reorder-sub-issue") continue;
    order.splice(order.indexOf(op.childId), 1);
    if ("afterId" in op.anchor) order.splice(order.indexOf(op.anchor.afterId) + 1, 0, op.childId);
    else order.splice(order.indexOf(op.anchor.beforeId), 0, op.childId);
  }
  return order;
}

describe("planReorder", () => {
  it.each([
    [[1, 2, 3, 4], [1, 2, 3, 4], 0],
    [[1, 2, 4, 3], [1, 2, 3, 4], 1], // an inserted task appended by GitHub: one move
    [[2, 1, 3], [1, 2, 3], 1], // a swap
    [[4, 3, 2, 1], [1, 2, 3, 4], 3],
    [[3, 1, 2], [1, 2, 3], 1],
  ])("%j → %j in %i moves", (current, wanted, moves) => {
    const ops = planReorder("section:a", 1, current, wanted);
    expect(ops).toHaveLength(moves);
    expect(move(current, ops)).toEqual(wanted);
  });

  it("orders any permutation, never with more moves than items out of place", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const wanted = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => i + 1);
      const current = [...wanted].sort(() => random() - 0.5);
      const ops = planReorder("section:a", 1, current, wanted);
      expect(move(current, ops)).toEqual(wanted);
      expect(ops.length).toBeLessThanOrEqual(wanted.length - 1);
    }
  });
});

describe("planStructure", () => {
  const parent = issue(1, { subIssuesTotal: 2 });
  const base = (issues: Array<[string, ObservedIssue]>, extra: Partial<StructureInput> = {}) => ({
    desired: { subIssues: [{ parent: "section:a", children: ["x", "y"] }], blockedBy: [] },
    issues: new Map(issues),
    touched: new Set<string>(),
    created: new Set<string>(),
    ...extra,
  });

  it("reads nothing and writes nothing when the listing's summaries agree", () => {
    const input = base([
      ["section:a", parent],
      ["x", issue(2, { parentIssueUrl: "api/1" })],
      ["y", issue(3, { parentIssueUrl: "api/1" })],
    ]);
    expect(planStructureReads(input)).toEqual({ subIssuesOf: [], blockedByOf: [] });
    expect(planStructure(input, { subIssues: new Map(), blockedBy: new Map() })).toEqual([]);
  });

  it("restores a hand-removed sub-issue and moves one from another parent with replace_parent", () => {
    const input = base([
      ["section:a", parent],
      ["x", issue(2, { parentIssueUrl: null })],
      ["y", issue(3, { parentIssueUrl: "api/9" })],
    ]);
    expect(planStructureReads(input).subIssuesOf).toEqual(["section:a"]);
    const ops = planStructure(input, {
      subIssues: new Map([["section:a", []]]),
      blockedBy: new Map(),
    });
    expect(ops).toEqual([
      expect.objectContaining({
        kind: "add-sub-issue",
        childId: 1002,
        replaceParent: false,
        restored: true,
      }),
      expect.objectContaining({ kind: "add-sub-issue", childId: 1003, replaceParent: true }),
    ]);
  });

  it("adds a missing blocked-by, removes one between Nova's issues the plan dropped, keeps a person's", () => {
    const input: StructureInput = {
      desired: { subIssues: [], blockedBy: [{ key: "y", blockers: ["x"] }] },
      issues: new Map([
        ["x", issue(2)],
        ["y", issue(3, { blockedByTotal: 2 })],
        ["z", issue(4)],
      ]),
      touched: new Set(["y"]),
      created: new Set(),
    };
    expect(planStructureReads(input).blockedByOf).toEqual(["y"]);
    const persons = issue(99);
    const ops = planStructure(input, {
      subIssues: new Map(),
      blockedBy: new Map([["y", [issue(4), persons]]]),
    });
    expect(ops).toEqual([
      expect.objectContaining({
        kind: "add-blocked-by",
        number: 3,
        blockerId: 1002,
        restored: false,
      }),
      expect.objectContaining({ kind: "remove-blocked-by", number: 3, blockerId: 1004 }),
    ]);
  });
});
