/**
 * Tests mirror src/ (issue 15): `test/<dir>/<name>.test.ts` tests `src/<dir>/<name>.ts` or the
 * folder `src/<dir>`, so a newcomer finds a module's tests by its path. Tests that start the whole
 * app against the fake GitHub live in test/integration. Not mirrored: test/integration,
 * test/project (repository files), test/docs, test/fake-github, test/fixtures, and helpers
 * (files that are not `*.test.ts`).
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NOT_MIRRORED = new Set(["integration", "project", "docs", "fake-github", "fixtures"]);

function listFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Every `*.test.ts` under test/ that should mirror src/, as a path relative to test/. */
const mirroredTests = listFiles("test")
  .map((path) => relative("test", path))
  .filter((path) => path.endsWith(".test.ts") && !NOT_MIRRORED.has(path.split("/")[0]!));

/** The folders (relative to src/) of each source file name, e.g. "parse-plan" -> ["checklist"]. */
const sourceFolders = new Map<string, string[]>();
for (const path of listFiles("src").filter((file) => file.endsWith(".ts"))) {
  const name = basename(path, ".ts");
  sourceFolders.set(name, [...(sourceFolders.get(name) ?? []), dirname(relative("src", path))]);
}

describe("test/ mirrors src/", () => {
  it("finds the tests it checks", () => {
    expect(mirroredTests.length).toBeGreaterThan(50);
    expect(mirroredTests).toContain("checklist/parse-plan.test.ts");
  });

  it("each test sits in the test folder of an existing src folder", () => {
    const orphans = mirroredTests.filter((path) => !existsSync(join(ROOT, "src", dirname(path))));
    expect(orphans).toEqual([]);
  });

  it("a test named after a source file sits in that file's folder", () => {
    const misplaced = mirroredTests.flatMap((path) => {
      const folders = sourceFolders.get(basename(path, ".test.ts"));
      return folders && !folders.includes(dirname(path))
        ? [`test/${path} (src/${folders[0]}/${basename(path, ".test.ts")}.ts)`]
        : [];
    });
    expect(misplaced).toEqual([]);
  });

  it("tests that start the whole app against the fake GitHub are in test/integration", () => {
    // test/app's tests of the HTTP layer start the server too: its routes are what they test.
    const startsTheApp = /from "[^"]*(\/integration\/start-nova[^"/]*|\/src\/index)\.js"/;
    const outside = mirroredTests.filter(
      (path) =>
        !path.startsWith("app/") &&
        (path.endsWith(".integration.test.ts") ||
          startsTheApp.test(readFileSync(join(ROOT, "test", path), "utf8"))),
    );
    expect(outside).toEqual([]);
  });
});
