/**
 * `npm run bench:checklist`: parse, lint and step-plan of a generated 10,000-task plan.
 * Prints the median of several runs in milliseconds per phase (after a warm-up run).
 */
import { lintPlan } from "../src/checklist/lint.js";
import { parsePlan } from "../src/checklist/parse-plan.js";
import { computeStepPlan } from "../src/reports/step-plan.js";
import { generatePlan } from "./generate-plan.js";

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const source = generatePlan(TASKS);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const timings = {
  parse: [] as number[],
  lint: [] as number[],
  stepPlan: [] as number[],
  total: [] as number[],
};
for (let run = 0; run <= RUNS; run++) {
  const t0 = performance.now();
  const plan = parsePlan(source);
  const t1 = performance.now();
  lintPlan(plan, { file: "bench.md", lang: "de" });
  const t2 = performance.now();
  computeStepPlan(plan, { today: "2026-11-24", delivery: "2027-06-30" });
  const t3 = performance.now();
  if (run === 0) continue; // warm-up
  timings.parse.push(t1 - t0);
  timings.lint.push(t2 - t1);
  timings.stepPlan.push(t3 - t2);
  timings.total.push(t3 - t0);
}

console.log(
  `checklist benchmark: ${TASKS} tasks, ${(source.length / 1024).toFixed(0)} KiB, median of ${RUNS} runs`,
);
for (const [phase, values] of Object.entries(timings)) {
  console.log(`  ${phase.padEnd(9)} ${median(values).toFixed(1).padStart(8)} ms`);
}
// The target (#2). The parse is remark-parse (micromark), whose throughput bounds it:
// see docs/development.md, "Benchmarks".
const TARGET_MS = 200;
const total = median(timings.total);
const throughput = source.length / 1024 / 1024 / (median(timings.parse) / 1000);
console.log(
  `  target    ${TARGET_MS.toFixed(1).padStart(8)} ms: ${total < TARGET_MS ? "met" : "missed"}` +
    ` (parse ${throughput.toFixed(2)} MB/s)`,
);
