import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import YAML from "yaml";
import { parseConfig } from "../../src/config/parse-config.js";
import { novaConfigSchema } from "../../src/config/schema.js";
import { ANY_KEY, listConfigKeys } from "../../src/config/walk-schema.js";

const DOC = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");

/** A dotted key path; `<role>` is a placeholder for a name the user chooses. */
const KEY_PATH = /^[A-Za-z][A-Za-z0-9-]*(?:\.(?:[A-Za-z][A-Za-z0-9-]*|<[a-z-]+>))*$/;

/** The code spans of a line of Markdown that look like key paths, placeholders as `*`. */
function extractKeyPaths(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)]
    .map((match) => match[1] ?? "")
    .filter((span) => KEY_PATH.test(span))
    .map((span) => span.replace(/<[a-z-]+>/g, ANY_KEY));
}

/**
 * The keys the page documents: key paths in headings, and in the first column of each table
 * whose first header cell is "Key". Code blocks are skipped.
 */
function listDocumentedKeys(markdown: string): Set<string> {
  const keys = new Set<string>();
  let inCode = false;
  let inKeyTable = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (/^#{1,6}\s/.test(line)) {
      for (const key of extractKeyPaths(line)) keys.add(key);
      continue;
    }
    if (!line.startsWith("|")) {
      inKeyTable = false;
      continue;
    }
    const firstCell = line.split("|")[1]?.trim() ?? "";
    if (/^Key$/.test(firstCell)) {
      inKeyTable = true;
      continue;
    }
    if (inKeyTable && !/^:?-+:?$/.test(firstCell)) {
      for (const key of extractKeyPaths(firstCell)) keys.add(key);
    }
  }
  return keys;
}

/** The bodies of the ```yaml code blocks. */
function listYamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

describe("docs/configuration.md", () => {
  it("finds the keys in headings and key tables", () => {
    const sample = [
      "## `sync`",
      "| Key | Type |",
      "| --- | --- |",
      "| `sync.closeRemoved` | `true` |",
      "| `roles.<role>.members` | list |",
      "",
      "| Level | Meaning |",
      "| --- | --- |",
      "| `read` | reads |",
      "```",
      "## `notAKey`",
      "```",
      "## Sharing `_extends` in `.github/nova.yml`",
    ].join("\n");
    expect([...listDocumentedKeys(sample)].sort()).toEqual([
      "roles.*.members",
      "sync",
      "sync.closeRemoved",
    ]);
  });

  it("documents exactly the keys of the schema", () => {
    const schemaKeys = listConfigKeys(novaConfigSchema);
    // A walker that found nothing would make the comparison pass vacuously.
    expect(schemaKeys).toEqual(
      expect.arrayContaining(["sync.maxWritesPerRun", "roles.*.sections", "project.create"]),
    );
    const documented = listDocumentedKeys(DOC);
    const undocumented = schemaKeys.filter((key) => !documented.has(key));
    const stale = [...documented].filter((key) => !schemaKeys.includes(key));
    expect({ undocumented, stale }).toEqual({ undocumented: [], stale: [] });
  });

  it("shows an example that is a valid configuration", () => {
    const blocks = listYamlBlocks(DOC);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const result = parseConfig(YAML.parse(block));
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it("configures the bundled plan in its full example", () => {
    const example = listYamlBlocks(DOC).find((block) => block.startsWith("# .github/nova.yml\n"));
    const result = parseConfig(YAML.parse(example ?? ""));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const config = result.config;
    expect(config.checklist).toBe("docs/dgx-spark-plan.md");
    const plan = readFileSync(new URL(`../../${config.checklist}`, import.meta.url), "utf8");
    expect(plan).toMatch(/^# DGX Spark/);
    expect(config.labels.sectionColors).toEqual({
      "infrastruktur-setup-automatisierung": "1D76DB",
      "monitoring-reporting-kommunikation": "FBCA04",
    });
    expect(config.delivery).toBe("2026-12-04");
    expect(config.roles["ML"]?.members).toEqual(["bob", "carol"]);
    expect(config.sync.reconcile).toBe(6 * 3_600_000);
    expect(config.commands.permissions).toMatchObject({ sync: "maintain", progress: "read" });
    expect(config.project).toEqual({
      owner: "my-org",
      title: "DGX Spark Vorbereitung",
      create: true,
    });
  });

  it("documents every default as the schema has it", () => {
    // Spot checks of the values most likely to drift: the row of each key names its default.
    const rows = new Map(
      DOC.split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) => [line.split("|")[1]?.trim() ?? "", line.split("|")[3]?.trim() ?? ""]),
    );
    expect(rows.get("`sync.maxWritesPerRun`")).toBe("`200`");
    expect(rows.get("`sync.reconcile`")).toBe("`6h`");
    expect(rows.get("`status.schedule`")).toBe("`0 6 * * 1-5`");
    expect(rows.get("`status.timezone`")).toBe("`Europe/Berlin`");
    expect(rows.get("`gpu.task`")).toBe("`nvidia-treiber-cuda-installationsskript-vorbereiten`");
    expect(rows.get("`labels.color`")).toBe("`76B900`");
    expect(rows.get("`commands.rateLimit.perUser`")).toBe("`5`");
    expect(rows.get("`commands.rateLimit.windowMinutes`")).toBe("`10`");
  });
});
