/**
 * Hostile checklists (anyone who can open a pull request can send one to the preview): parse
 * time grows linearly with the input for every pathological shape, and the documented limits
 * (docs/checklist-format.md, "Limits") end in a lint error, never a crash or a stack overflow.
 */
import { describe, expect, it } from "@jest/globals";
import { flattenTasks, lintPlan } from "../../src/checklist/lint.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { PLAN_LIMITS } from "../../src/checklist/plan-limits.js";
import { parseComment } from "../../src/commands/parse-commands.js";
import { MAX_INLINE_MARKUP } from "../../src/markdown/inline.js";

const HEAD = "# Plan\n\n## 1. Abschnitt\n\n";

/** Each shape as a function of a size; `size` and 16 × `size` are timed. */
const SHAPES: Record<string, (size: number) => string> = {
  "unbalanced brackets in one task": (n) => `${HEAD}- [ ] ${"[".repeat(n)} x\n`,
  "link openers in one task": (n) => `${HEAD}- [ ] ${"[a](".repeat(n / 4)} x\n`,
  "link openers in many tasks": (n) =>
    HEAD + `- [ ] ${"[a](".repeat(50)} x\n`.repeat(Math.ceil(n / 210)),
  "emphasis runs in one task": (n) => `${HEAD}- [ ] ${"*a_".repeat(n / 3)}\n`,
  "emphasis runs in many tasks": (n) =>
    HEAD + `- [ ] ${"*a_**".repeat(40)}\n`.repeat(Math.ceil(n / 207)),
  "backtick runs in one task": (n) => `${HEAD}- [ ] ${"`a``".repeat(n / 4)}\n`,
  "nested quotes on one line": (n) => `${HEAD}${">".repeat(n)} - [ ] x\n`,
  "nested list markers on one line": (n) => `${HEAD}${"- ".repeat(n / 2)}[ ] x\n`,
  "nested lists by indentation, repeated": (n) => {
    const block = Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- [ ] t${i}`).join("\n");
    return HEAD + `${block}\n\n`.repeat(Math.ceil(n / block.length));
  },
  "nested quotes by lines, repeated": (n) => {
    const block = Array.from({ length: 30 }, (_, i) => `${">".repeat(i + 1)} q`).join("\n");
    return HEAD + `${block}\n\n`.repeat(Math.ceil(n / block.length));
  },
  "one long line": (n) => `${HEAD}- [ ] ${"a ".repeat(n / 2)}\n`,
  "many tasks": (n) =>
    HEAD + "- [ ] **Titel** – Text `x` <!-- nova: estimate=1d -->\n".repeat(Math.ceil(n / 52)),
};

/**
 * Milliseconds per parse: runs repeat until 40 ms have passed (so a fast parse is measurable);
 * best of five, so a round another process or a collection interrupted does not count.
 */
function time(source: string, parse: (source: string) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let runs = 0;
    let elapsed: number;
    do {
      parse(source);
      runs++;
      elapsed = performance.now() - start;
    } while (elapsed < 40);
    best = Math.min(best, elapsed / runs);
  }
  return best;
}

describe("hostile checklists", () => {
  const SMALL = 20_000;
  // Linear: 16 × the input takes about 16 × the time; quadratic would take 256 ×. The margin is
  // generous because the machine is shared (garbage collection grows with the heap, too).
  const MAX_RATIO = 64;
  for (const [shape, build] of Object.entries(SHAPES)) {
    it(`parses in linear time: ${shape}`, () => {
      const small = build(SMALL);
      const large = build(SMALL * 16);
      time(small, parsePlan); // warm-up
      const ratio = time(large, parsePlan) / time(small, parsePlan);
      expect({ shape, ratio: ratio < MAX_RATIO ? "linear" : ratio }).toEqual({
        shape,
        ratio: "linear",
      });
      // Slash commands go through the same parser.
      time(small, parseComment);
      const commandRatio = time(large, parseComment) / time(small, parseComment);
      expect({ shape, commandRatio: commandRatio < MAX_RATIO ? "linear" : commandRatio }).toEqual({
        shape,
        commandRatio: "linear",
      });
    });
  }

  const limitOf = (source: string) => {
    const plan = parsePlan(source);
    const problems = lintPlan(plan, { file: "plan.md", lang: "en" }).filter(
      (problem) => problem.code === "plan-limit",
    );
    return { plan, problems };
  };

  it("a file over the size limit gets a lint error naming the limit, and is not parsed", () => {
    const { plan, problems } = limitOf(HEAD + "- [ ] x\n".repeat(PLAN_LIMITS.chars / 8 + 1));
    expect(plan.tasks).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe("error");
    expect(problems[0]!.message).toContain("4,000,000");
  });

  it("more tasks than the limit: the first ones are read and lint names the limit", () => {
    const { plan, problems } = limitOf(HEAD + "- [ ] t\n".repeat(PLAN_LIMITS.tasks + 5));
    expect(flattenTasks(plan.tasks)).toHaveLength(PLAN_LIMITS.tasks);
    expect(problems.map((problem) => problem.message)).toEqual([
      "Too many tasks: more than 20,000 (here at least 20,001). Nova reads only the first 20,000.",
    ]);
  });

  it.each([
    ["10,000 nested quotes", `${HEAD}${">".repeat(10_000)} x\n`],
    ["10,000 nested list markers", `${HEAD}${"- ".repeat(10_000)}[ ] x\n`],
    [
      "40 nested lists by indentation",
      HEAD + Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- [ ] t${i}`).join("\n"),
    ],
  ])("nesting past the depth limit is a lint error, not a crash: %s", (_name, source) => {
    const { problems } = limitOf(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^Nested too deeply: [\d,]+ levels of quotes and lists, at most 32\./,
    );
  });

  it("a task with more inline markup than the bound is read as plain text with a lint error", () => {
    const { plan, problems } = limitOf(`${HEAD}- [ ] ${"*".repeat(MAX_INLINE_MARKUP + 1)} x\n`);
    expect(plan.tasks).toHaveLength(1);
    expect(problems[0]!.message).toContain("Too much markup");
  });

  it("nesting within the limit is read completely", () => {
    const { plan, problems } = limitOf(
      HEAD + Array.from({ length: 20 }, (_, i) => `${"  ".repeat(i)}- [ ] t${i}`).join("\n"),
    );
    expect(problems).toEqual([]);
    let depth = 0;
    for (let task = plan.tasks[0]; task; task = task.subtasks[0]) depth++;
    expect(depth).toBe(20);
  });
});
