/**
 * `scripts/find-import-cycles.ts`, the import-cycle check of `npm run lint` (issue 15): it sees
 * every kind of import, type-only ones included, and it fails on a cycle.
 */
import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { join } from "node:path";
import {
  DEFAULT_ROOTS,
  findImportCycles,
  listTypeScriptFiles,
  readImportGraph,
} from "../../scripts/find-import-cycles.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The import graph of in-memory modules. */
function graphOf(modules: Record<string, string>) {
  return readImportGraph(Object.keys(modules), (file) => modules[file]!);
}

async function runCheck(...folders: string[]) {
  return promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/find-import-cycles.ts", ...folders],
    {
      cwd: ROOT,
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("findImportCycles", () => {
  it("finds a cycle made of type-only imports", () => {
    const graph = graphOf({
      "src/a.ts": 'import type { B } from "./b.js";\nexport type A = { b: B };',
      "src/b.ts": 'import type { A } from "./a.js";\nexport type B = { a: A };',
    });
    expect(findImportCycles(graph)).toEqual([["src/a.ts", "src/b.ts", "src/a.ts"]]);
  });

  it("follows re-exports, lazy imports and type-position imports, across folders", () => {
    const graph = graphOf({
      "src/commands/a.ts": 'export { b } from "../bot-pr/b.js";',
      "src/bot-pr/b.ts": 'export const b = async () => (await import("../sync/c.js")).c;',
      "src/sync/c.ts": 'export type C = import("../commands/a.js").A;\nexport const c = 1;',
      "src/sync/d.ts": 'import { c } from "./c.js";\nexport const d = c;',
    });
    expect(findImportCycles(graph)).toEqual([
      ["src/bot-pr/b.ts", "src/sync/c.ts", "src/commands/a.ts", "src/bot-pr/b.ts"],
    ]);
  });

  it("finds a module that imports itself, and nothing where imports only go one way", () => {
    expect(findImportCycles(graphOf({ "x.ts": 'import "./x.js";' }))).toEqual([["x.ts", "x.ts"]]);
    const tree = graphOf({
      "src/a.ts": 'import { b } from "./b.js";\nimport { c } from "./dir/index.js";',
      "src/b.ts": 'import { c } from "./dir";\nimport { Probot } from "probot";',
      "src/dir/index.ts": 'import type { X } from "@nova/protocol";',
    });
    expect(tree.get("src/b.ts")).toEqual(["src/dir/index.ts"]);
    expect(findImportCycles(tree)).toEqual([]);
  });

  it("reports each tangle once, however many cycles run through it", () => {
    const graph = graphOf({
      "a.ts": 'import "./b.js";\nimport "./c.js";',
      "b.ts": 'import "./a.js";\nimport "./c.js";',
      "c.ts": 'import "./a.js";',
    });
    expect(findImportCycles(graph)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });
});

describe("the check", () => {
  it("fails on the cycle in test/fixtures/import-cycle", async () => {
    const result = await runCheck("test/fixtures/import-cycle");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "import cycle: test/fixtures/import-cycle/customer.ts -> test/fixtures/import-cycle/order.ts -> test/fixtures/import-cycle/customer.ts",
    );
  }, 60_000);

  it("covers the tests too, fixtures left out", () => {
    expect(DEFAULT_ROOTS).toEqual(expect.arrayContaining(["src", "packages", "test"]));
    const tests = listTypeScriptFiles(join(ROOT, "test")).map((file) => file.slice(ROOT.length));
    expect(tests).toContain("test/fake-github/fake-github.ts");
    expect(tests.filter((file) => file.startsWith("test/fixtures/"))).toEqual([]);
  });

  it("passes on the repository (what npm run lint runs)", async () => {
    const result = await runCheck();
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^no import cycles among \d+ modules/),
    });
  }, 60_000);
});
