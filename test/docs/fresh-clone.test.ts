import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";

/**
 * A fresh clone has no `shared/` folder beside the checkout (issue 16): no test, script, benchmark or document
 * may read or point there. Fixtures copied from it live in `test/fixtures/`, with their origin.
 */
const ROOT = new URL("../../", import.meta.url);
const FOLDERS = [
  "src",
  "test",
  "packages",
  "bench",
  "scripts",
  "docs",
  "templates",
  ".ci",
  ".github",
  "bin",
];
/** Installed or built files inside the workspace packages. */
const GENERATED = /(?:^|\/)(?:node_modules|lib|dist)\//;
const FILES = ["README.md", "package.json", "jest.config.js", "Dockerfile"];
const TEXT = /\.(?:ts|js|mjs|cjs|json|md|hbs|ya?ml|sh)$|^run$/;
/**
 * A path that climbs out of the checkout into `shared/` (`[a]` keeps this file itself from
 * spelling such a path, so a plain grep for one finds only real offenders).
 */
const OUTSIDE = /(?:\.\.\/)+sh[a]red\b/;

function listFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(new URL(folder, ROOT), { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return names
    .map((name) => `${folder}/${name}`)
    .filter((path) => !GENERATED.test(path) && TEXT.test(path.split("/").at(-1)!));
}

describe("a fresh clone", () => {
  it("needs nothing from the shared folder beside the checkout", () => {
    const files = [...FOLDERS.flatMap(listFiles), ...FILES];
    expect(files.length).toBeGreaterThan(100);
    const offending = files.filter((path) => {
      if (path === "test/docs/fresh-clone.test.ts") return false;
      let text: string;
      try {
        text = readFileSync(new URL(path, ROOT), "utf8");
      } catch {
        return false; // a folder named like a file
      }
      if (!/\.[cm]?[jt]s$/.test(path)) return OUTSIDE.test(text);
      // In code a path is relative to its file: `src/app/*/` importing `../shared/…` stays inside.
      const file = new URL(path, ROOT);
      return [...text.matchAll(new RegExp(OUTSIDE, "g"))].some(
        ([climb]) => !new URL(climb, file).href.startsWith(ROOT.href),
      );
    });
    expect(offending).toEqual([]);
  });
});
