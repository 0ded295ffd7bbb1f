import { describe, expect, it } from "@jest/globals";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(dir, entry.name))
        : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return files.flat().filter((file) => file.endsWith(".ts"));
}

describe("runbook links", () => {
  it("every runbook the runner links exists, with the section it names", async () => {
    const links = new Set<string>();
    for (const file of await sourceFiles(join(ROOT, "packages/runner/src")))
      for (const match of (await readFile(file, "utf8")).matchAll(
        /docs\/runbooks\/[a-z0-9-]+\.md(?:#[a-z0-9-]+)?/g,
      ))
        links.add(match[0]);
    expect(links.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const link of links) {
      const [path, section] = link.split("#") as [string, string | undefined];
      const text = await readFile(join(ROOT, path), "utf8").catch(() => null);
      if (text === null) {
        broken.push(`${link} (no file)`);
        continue;
      }
      const anchors = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1]!));
      if (section !== undefined && !anchors.includes(section)) broken.push(`${link} (no heading)`);
    }
    expect(broken).toEqual([]);
  });
});
