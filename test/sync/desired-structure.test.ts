import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { buildDesiredState, sectionKey } from "../../src/sync/desired-state.js";

const LINKS = {
  htmlUrl: "https://github.com/acme/dgx",
  defaultBranch: "main",
  checklistPath: "docs/plan.md",
  sha: "0".repeat(40),
};
const SETTINGS = { prefix: "dgx", lang: "de" as const };
const STRUCTURE = { sectionIssues: true, dependencies: true, milestone: null };

describe("buildDesiredState: the plan's structure", () => {
  const plan = parsePlan(
    [
      "## 1. Setup",
      "- [ ] **A** – eins",
      "  - [ ] **B** – nested",
      "    - [x] **C** – deeper",
      "  - [ ] **D** – nested",
      "- [ ] **E** – zwei",
      "",
    ].join("\n"),
  );

  it("nested tasks get issues after their parent, as sub-issues of their parent task's issue", () => {
    const desired = buildDesiredState(plan, SETTINGS, LINKS, undefined, STRUCTURE);
    expect(desired.issues.map((issue) => [issue.taskId, issue.state])).toEqual([
      [sectionKey("setup"), "open"],
      ["a", "open"],
      ["a-b", "open"],
      ["a-b-c", "closed"],
      ["a-d", "open"],
      ["e", "open"],
    ]);
    expect(desired.subIssues).toEqual([
      { parent: sectionKey("setup"), children: ["a", "e"] },
      { parent: "a", children: ["a-b", "a-d"] },
      { parent: "a-b", children: ["a-b-c"] },
    ]);
    // Labelled like their top-level task.
    expect(desired.issues.find((issue) => issue.taskId === "a-b-c")!.labels).toEqual([
      "dgx",
      "dgx/setup",
    ]);
  });

  it("without section issues, nested tasks stay checkboxes in their parent's body", () => {
    const desired = buildDesiredState(plan, SETTINGS, LINKS, undefined, {
      ...STRUCTURE,
      sectionIssues: false,
    });
    expect(desired.issues.map((issue) => issue.taskId)).toEqual(["a", "e"]);
    expect(desired.subIssues).toEqual([]);
  });

  it("stays within GitHub's limits: 8 levels, 100 sub-issues per parent", () => {
    const deep = parsePlan(
      [
        "## 1. Setup",
        "- [ ] **L0** – top",
        ...Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i + 1)}- [ ] **L${i + 1}** – n`),
        "",
      ].join("\n"),
    );
    const levels = buildDesiredState(deep, SETTINGS, LINKS, undefined, STRUCTURE);
    // Section (1), L0 (2), L1…L6 (3…8); L7 and L8 are checkboxes in L6's body.
    expect(levels.issues.map((issue) => issue.title)).toEqual([
      "1. Setup",
      "L0",
      "L1",
      "L2",
      "L3",
      "L4",
      "L5",
      "L6",
    ]);
    expect(levels.issues.at(-1)!.body).toContain("L7");

    const wide = parsePlan(
      [
        "## 1. Setup",
        ...Array.from({ length: 102 }, (_, i) => `- [ ] **Aufgabe ${i + 1}** – x`),
        "",
      ].join("\n"),
    );
    const many = buildDesiredState(wide, SETTINGS, LINKS, undefined, STRUCTURE);
    expect(many.issues).toHaveLength(103);
    expect(many.subIssues[0]!.children).toHaveLength(100);
  });
});
