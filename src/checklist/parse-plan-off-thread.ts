import { Worker } from "node:worker_threads";
import { parsePlan } from "./parse-plan.js";
import { PLAN_PARSE_BUDGET_MS } from "./plan-limits.js";
import type { Plan } from "./types.js";

/**
 * `parsePlan` in a worker thread with a time budget, for plans anyone can send (the pull-request
 * preview): the event loop keeps answering webhooks and `/healthz` while it runs, and a plan that
 * takes longer than the budget is stopped and comes back empty with a `plan-limit` issue (limit
 * `time`), which lint turns into an error that fails the preview check run.
 */
export async function parsePlanOffThread(
  source: string,
  options: { budgetMs?: number } = {},
): Promise<Plan> {
  const budgetMs = options.budgetMs ?? PLAN_PARSE_BUDGET_MS;
  const worker = startWorker(source);
  return new Promise<Plan>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(overBudget(source, budgetMs));
    }, budgetMs);
    worker.once("message", (plan: Plan) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(plan);
    });
    worker.once("error", () => {
      clearTimeout(timer);
      // Out of memory or a worker that could not start: the budget's verdict, not a crash.
      resolve(overBudget(source, budgetMs));
    });
  });
}

function overBudget(source: string, budgetMs: number): Plan {
  const empty = parsePlan("");
  return {
    ...empty,
    source,
    issues: [
      {
        code: "plan-limit",
        point: { line: 1, column: 1, offset: 0 },
        limit: "time",
        found: budgetMs,
      },
    ],
  };
}

/**
 * Built, the worker is `plan-worker.js`. From source (tests, `npm run nova` under tsx) it is
 * TypeScript: Node 20 does not apply `--import tsx` to a worker's entry module, so a small
 * bootstrap registers tsx's loader first and then imports it.
 */
function startWorker(source: string): Worker {
  const options = { workerData: { source }, resourceLimits: { maxOldGenerationSizeMb: 1024 } };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./plan-worker.js", import.meta.url), options);
  const entry = JSON.stringify(new URL("./plan-worker.ts", import.meta.url).href);
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); });`,
    { ...options, eval: true },
  );
}
