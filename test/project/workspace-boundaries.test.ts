/**
 * The app and the runner share only @nova/protocol (issue 15): the `no-restricted-imports`
 * rules of eslint.config.js, run on sample imports, and the workspace layout they rely on.
 */
import { describe, expect, it } from "@jest/globals";
import { Linter } from "eslint";
import { readFileSync } from "node:fs";
type Block = { files?: string[]; rules?: Linter.RulesRecord };

// A plain JavaScript module without types: loaded by a path TypeScript does not resolve.
const CONFIG_PATH = "../../eslint.config.js";
const { default: config } = (await import(CONFIG_PATH)) as { default: Block[] };

/** The `no-restricted-imports` setting eslint.config.js gives files matching `glob`. */
function restrictionFor(glob: string): Linter.RuleEntry {
  const block = config.find(
    (entry) => entry.files?.includes(glob) && entry.rules?.["no-restricted-imports"],
  );
  expect(block).toBeDefined();
  return block!.rules!["no-restricted-imports"]!;
}

function restricted(glob: string, source: string): boolean {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(source, {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: { "no-restricted-imports": restrictionFor(glob) },
  });
  return messages.some((message) => message.ruleId === "no-restricted-imports");
}

describe("import boundaries", () => {
  it("app code may import @nova/protocol, not the runner's internals", () => {
    const app = "src/**/*.ts";
    expect(restricted(app, 'import { gpuReportSchema } from "@nova/protocol";')).toBe(false);
    expect(restricted(app, 'import { x } from "../sync/plan.js";')).toBe(false);
    expect(
      restricted(app, 'import { remedy } from "../../packages/runner/src/checks/remediation.js";'),
    ).toBe(true);
    expect(restricted(app, 'import { x } from "@nova/runner";')).toBe(true);
    expect(
      restricted(app, 'import { x } from "../../packages/protocol/src/report-schema.js";'),
    ).toBe(true);
  });

  it("the runner and the protocol package may not import the app", () => {
    const packages = "packages/runner/src/**/*.ts";
    expect(restricted(packages, 'import { x } from "@nova/protocol";')).toBe(false);
    expect(restricted(packages, 'import { x } from "../parse/parse-df.js";')).toBe(false);
    expect(restricted(packages, 'import { x } from "../../../src/checklist/slugify.js";')).toBe(
      true,
    );
    expect(restricted(packages, 'import { x } from "../../../../src/ingest/a.js";')).toBe(true);
  });

  it("the root is an npm workspace of packages/*, and the app depends on the protocol only", () => {
    const read = (path: string) =>
      JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")) as {
        name: string;
        workspaces?: string[];
        dependencies?: Record<string, string>;
        bin?: Record<string, string>;
      };
    const root = read("package.json");
    expect(root.workspaces).toEqual(["packages/*"]);
    expect(
      Object.keys(root.dependencies ?? {}).filter((name) => name.startsWith("@nova/")),
    ).toEqual(["@nova/protocol"]);
    const runner = read("packages/runner/package.json");
    expect(runner.name).toBe("@nova/runner");
    expect(runner.bin).toEqual({ "nova-runner": "bin/nova-runner.js" });
    expect(Object.keys(runner.dependencies ?? {})).toEqual(["@nova/protocol"]);
  });
});
