/**
 * The preview's parse runs in a worker thread with a time budget: same plan as `parsePlan`, the
 * event loop stays free meanwhile, and a plan over the budget becomes a `plan-limit` lint error.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { lintPlan } from "../../src/checklist/lint.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { parsePlanOffThread } from "../../src/checklist/parse-plan-off-thread.js";

/** Nested quotes 30 deep, repeated: the slowest linear shape for the block parser. */
function slowPlan(size: number): string {
  const block = Array.from({ length: 30 }, (_, i) => `${">".repeat(i + 1)} q`).join("\n");
  return `# Plan\n\n## 1. A\n\n- [ ] t\n\n${`${block}\n\n`.repeat(Math.ceil(size / block.length))}`;
}

describe("parsePlanOffThread", () => {
  it("gives the plan parsePlan gives", async () => {
    const source = readFileSync("docs/dgx-spark-plan.md", "utf8");
    expect(await parsePlanOffThread(source)).toEqual(parsePlan(source));
  }, 60_000);

  it("keeps the event loop free while a slow plan parses", async () => {
    const source = slowPlan(300_000);
    const started = performance.now();
    parsePlan(source);
    const inThread = performance.now() - started;
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const plan = await parsePlanOffThread(source, { budgetMs: 60_000 });
    clearInterval(ticker);
    expect(plan.tasks).toHaveLength(1);
    // In this thread the parse blocks for its whole duration; off-thread the timer keeps ticking.
    expect(longestGap).toBeLessThan(Math.max(inThread / 2, 100) + 400);
    expect(inThread).toBeGreaterThan(0);
  }, 120_000);

  it("stops a parse over the time budget with a lint error that names the limit", async () => {
    const plan = await parsePlanOffThread(slowPlan(300_000), { budgetMs: 1 });
    expect(plan.tasks).toEqual([]);
    const problems = lintPlan(plan, { file: "plan.md", lang: "en" });
    expect(problems).toMatchObject([
      {
        code: "plan-limit",
        severity: "error",
        message: expect.stringContaining("could not be read within 15,000 ms") as unknown as string,
      },
    ]);
  }, 60_000);
});
