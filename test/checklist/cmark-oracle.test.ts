/**
 * The oracle for "which items are tasks": Debian's cmark-gfm (what github.com renders checklists
 * with). Every document, from the GFM spec shipped with cmark-gfm, the tricky cases in
 * test/fixtures/checklist/github-tasks and seeded fuzzed documents, must give the same tasks
 * (line, checked) in Nova's plan as in `cmark-gfm -t xml --sourcepos -e tasklist`.
 */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { flattenTasks } from "../../src/checklist/lint.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";

const SPEC = "/usr/share/doc/cmark-gfm/spec.txt.gz";
const hasCmark = spawnSync("cmark-gfm", ["--version"]).status === 0;
if (!hasCmark) {
  console.warn(
    "SKIPPED: cmark-gfm is not installed (apt-get install cmark-gfm); .ci/run installs it. " +
      "Nova's task rule is not checked against GitHub's renderer.",
  );
}
const describeWithCmark = hasCmark ? describe : describe.skip;

type TaskState = string; // "line:checked"

function renderTasks(markdown: string): TaskState[] {
  const result = spawnSync("cmark-gfm", ["-t", "xml", "--sourcepos", "-e", "tasklist"], {
    input: markdown,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr}`);
  return [
    ...result.stdout.matchAll(/<tasklist sourcepos="(\d+):\d+-[^"]*" completed="(\w+)"/g),
  ].map((match) => `${match[1]}:${match[2]}`);
}

function novaTasks(markdown: string): TaskState[] {
  return flattenTasks(parsePlan(markdown).tasks)
    .map((task) => `${task.line}:${task.checked}`)
    .sort((a, b) => Number(a.split(":")[0]) - Number(b.split(":")[0]));
}

function expectSameTasks(name: string, markdown: string): void {
  const github = renderTasks(markdown);
  const nova = novaTasks(markdown);
  // The document in the failure message, so a disagreement can be reproduced.
  expect({ name, markdown, tasks: nova }).toEqual({ name, markdown, tasks: github });
}

/** The examples of the GFM spec that ships with cmark-gfm (`→` stands for a tab there). */
function readSpecExamples(): Array<{ name: string; markdown: string }> {
  if (!existsSync(SPEC)) return [];
  const text = gunzipSync(readFileSync(SPEC)).toString("utf8");
  const examples: Array<{ name: string; markdown: string }> = [];
  const pattern = /^`{32} example[^\n]*\n([\s\S]*?)^\.\n[\s\S]*?^`{32}$/gm;
  for (const match of text.matchAll(pattern))
    examples.push({
      name: `spec example ${examples.length + 1}`,
      markdown: match[1]!.replace(/→/g, "\t"),
    });
  return examples;
}

const CORPUS = "test/fixtures/checklist/github-tasks";

describeWithCmark("Nova's tasks equal cmark-gfm's (the tasks GitHub shows)", () => {
  it("for every example of the GFM spec shipped with cmark-gfm", () => {
    const examples = readSpecExamples();
    expect(examples.length).toBeGreaterThan(600);
    for (const { name, markdown } of examples) expectSameTasks(name, markdown);
  });

  it("for the corpus of tricky cases (every disagreement of issue #14 and its neighbours)", () => {
    const files = readdirSync(CORPUS).filter(
      (file) => file.endsWith(".md") && file !== "README.md",
    );
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) expectSameTasks(file, readFileSync(`${CORPUS}/${file}`, "utf8"));
  });

  it("for the bundled plan", () => {
    expectSameTasks("docs/dgx-spark-plan.md", readFileSync("docs/dgx-spark-plan.md", "utf8"));
  });

  it("for seeded fuzzed documents built from task-list fragments", () => {
    const indent = fc.constantFrom("", "", " ", "  ", "   ", "    ", "     ", "\t", "  \t");
    const container = fc.constantFrom(
      "",
      "",
      "- ",
      "* ",
      "+ ",
      "1. ",
      "2) ",
      "10. ",
      "> ",
      ">",
      "- - ",
      "-",
      "-\t",
      "1.",
    );
    const box = fc.constantFrom(
      "",
      "[ ]",
      "[x]",
      "[X]",
      "[ ] ",
      "[x] ",
      "[ ]  ",
      "[\t]",
      "[]",
      "[ x]",
      "[ ]\t",
    );
    const text = fc.constantFrom(
      "",
      "foo",
      " foo",
      "   ",
      " [x] bar",
      " `code`",
      "---",
      "===",
      " # h",
      "```",
      "    code",
      " <!-- c -->",
      " **b** – d",
      " - [ ] x",
      "\\[ ]",
      "[ ]",
    );
    const line = fc.tuple(indent, container, indent, box, text).map((parts) => parts.join(""));
    const document = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\n", "\r\n"))
      .map(([lines, eol]) => lines.join(eol) + eol);
    fc.assert(
      fc.property(document, (markdown) => {
        expect({ markdown, tasks: novaTasks(markdown) }).toEqual({
          markdown,
          tasks: renderTasks(markdown),
        });
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});
