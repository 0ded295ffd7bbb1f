/**
 * `npm run bench:parsers`: how long Markdown parsers take on the 10,000-task plan of
 * `bench:checklist`, to show where the parse time goes and what other parsers would cost
 * (docs/development.md, "Benchmarks"). Nova itself uses remark-parse + remark-gfm.
 * Prints the best of several runs, after a warm-up, in milliseconds.
 */
import { Parser as CommonmarkParser } from "commonmark";
import MarkdownIt from "markdown-it";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { parse, postprocess, preprocess } from "micromark";
import { gfm } from "micromark-extension-gfm";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { parsePlan } from "../src/checklist/parse-plan.js";
import { generatePlan } from "./generate-plan.js";

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const source = generatePlan(TASKS);

const parsers: Array<[name: string, note: string, run: () => unknown]> = [
  ["Nova's parsePlan", "remark-parse + remark-gfm, then the plan model", () => parsePlan(source)],
  [
    "mdast + GFM",
    "mdast-util-from-markdown with all of GFM (what remark-gfm adds)",
    () => fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
  ],
  [
    "mdast + task lists",
    "only the GFM task-list extension",
    () =>
      fromMarkdown(source, {
        extensions: [gfmTaskListItem()],
        mdastExtensions: [gfmTaskListItemFromMarkdown()],
      }),
  ],
  [
    "micromark tokens",
    "tokens only, no tree: the floor for the unified family",
    () =>
      postprocess(
        parse()
          .document()
          .write(preprocess()(source, undefined, true)),
      ),
  ],
  ["markdown-it", "not mdast; block line numbers only", () => new MarkdownIt().parse(source, {})],
  [
    "commonmark.js",
    "not mdast; no inline source positions",
    () => new CommonmarkParser().parse(source),
  ],
];

console.log(
  `parser benchmark: ${TASKS} tasks, ${(source.length / 1024).toFixed(0)} KiB, best of ${RUNS} runs`,
);
for (const [name, note, run] of parsers) {
  run(); // warm-up
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  console.log(`  ${name.padEnd(20)} ${best.toFixed(0).padStart(6)} ms  ${note}`);
}
