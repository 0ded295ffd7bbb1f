/**
 * The layers' import boundaries (issue 15), as `npm run lint` enforces them: ESLint's Node API
 * lints sample imports as if they stood in a file of each folder, with eslint.config.js and only
 * its `no-restricted-*` rules (no type information needed, so no TypeScript program is built).
 */
import { describe, expect, it } from "@jest/globals";
import { ESLint } from "eslint";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

// A plain JavaScript module without types: loaded by a path TypeScript does not resolve.
const CONFIG_PATH = "../../eslint.config.js";
const { DOMAIN_FOLDERS } = (await import(CONFIG_PATH)) as { DOMAIN_FOLDERS: string[] };

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId.startsWith("no-restricted-"),
});

/** The boundary messages ESLint gives `source` standing at `filePath`. */
async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  const messages = result!.messages;
  // A parse error would hide every rule: it is a broken sample, not a permitted import.
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => message.message);
}

async function restricted(filePath: string, source: string): Promise<boolean> {
  return (await violations(filePath, source)).length > 0;
}

describe("domain folders: use-cases and pure code", () => {
  it("every folder of src/ is classified: a domain folder, or app, github, cli", () => {
    const folders = readdirSync(new URL("../../src/", import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...DOMAIN_FOLDERS, "app", "cli", "github"].sort());
  });

  it.each(DOMAIN_FOLDERS)("src/%s may not import probot, ioredis or Octokit", async (folder) => {
    const file = `src/${folder}/sample.ts`;
    expect(await violations(file, 'import { Probot } from "probot";')).toEqual([
      expect.stringContaining("Only src/app, src/index.ts and src/main.ts may import probot"),
    ]);
    expect(await restricted(file, 'import type { Redis } from "ioredis";')).toBe(true);
    expect(await restricted(file, 'import { Octokit } from "@octokit/core";')).toBe(true);
    expect(
      await restricted(file, 'import type { Api } from "@octokit/plugin-rest-endpoint-methods";'),
    ).toBe(true);
  });

  it("nor the Octokit adapters, the app layer, the entries or the runner, lazily or in a type either", async () => {
    const file = "src/sync/sample.ts";
    for (const source of [
      'import { createOctokitPort } from "../github/octokit-port.js";',
      'import { listLabeledIssues } from "../github/rest-issues.js";',
      'import { createSyncService } from "../app/workers/sync-service.js";',
      'import type { Locks } from "../app/replicas/locks.js";',
      'export { x } from "../app/x.js";',
      'import nova from "../index.js";',
      'import "../main.js";',
      'const { run } = await import("probot");',
      'const worker = await import("../app/workers/webhook-worker.js");',
      'type Client = import("ioredis").Redis;',
      'import { remedy } from "../../packages/runner/src/checks/remediation.js";',
      'import { x } from "@nova/runner";',
    ]) {
      expect([source, await restricted(file, source)]).toEqual([source, true]);
    }
    expect(
      await restricted("src/cli/terminal/sample.ts", 'import { x } from "../../app/x.js";'),
    ).toBe(true);
  });

  it("and a file's restrictions add up: a later block does not lift an earlier one's", async () => {
    // ESLint keeps a rule's last setting per file; the language rule (one way to say things)
    // and the lazy-import restrictions share no-restricted-syntax, so both must stay in force.
    const source = [
      'export const words = (lang: string) => (lang === "de" ? "Aufgabe" : "task");',
      'export const later = () => import("../app/reconcile.js");',
    ].join("\n");
    expect(await violations("src/sync/sample.ts", source)).toEqual([
      expect.stringContaining("comparing with a language code"),
      expect.stringContaining("src/app (Probot, Redis, workers) sits above"),
    ]);
    expect(await violations("src/app/sample.ts", source)).toEqual([
      expect.stringContaining("comparing with a language code"),
    ]);
  });

  it("but other domain folders, the GitHub ports and the protocol", async () => {
    const file = "src/board/sample.ts";
    for (const source of [
      'import type { GitHubPort } from "../github/github-api.js";',
      'import { toGitHubError } from "../github/github-error.js";',
      'import { CONFIG_PATH } from "../config/config-path.js";',
      'import { parsePlan } from "../checklist/parse-plan.js";',
      'import { planSync } from "./plan-sync.js";',
      'import { gpuReportSchema } from "@nova/protocol";',
      'import { z } from "zod";',
      'const { x } = await import("../render/x.js");',
    ]) {
      expect([source, await restricted(file, source)]).toEqual([source, false]);
    }
  });
});

describe("src/github and src/cli: no Probot, no Redis", () => {
  it("the GitHub adapters use Octokit's own packages, not Probot's or the app's", async () => {
    const file = "src/github/sample.ts";
    expect(await restricted(file, 'import type { ProbotOctokit } from "probot";')).toBe(true);
    expect(await restricted(file, 'import { Redis } from "ioredis";')).toBe(true);
    expect(await restricted(file, 'import { x } from "../app/ops/metrics.js";')).toBe(true);
    expect(await restricted(file, 'import type { Octokit } from "@octokit/core";')).toBe(false);
    expect(await restricted(file, 'import { parseConfig } from "../config/parse-config.js";')).toBe(
      false,
    );
  });

  it("the CLI reaches src/app only lazily (its offline commands never load Probot)", async () => {
    const file = "src/cli/sample.ts";
    expect(await restricted(file, 'import { ProbotOctokit } from "probot";')).toBe(true);
    expect(await restricted(file, 'import { Octokit } from "@octokit/core";')).toBe(true);
    expect(
      await restricted(file, 'import { createCliOctokit } from "../app/create-cli-octokit.js";'),
    ).toBe(true);
    expect(await restricted(file, 'const m = await import("../app/create-cli-octokit.js");')).toBe(
      false,
    );
    expect(await restricted(file, 'const m = await import("probot");')).toBe(true);
  });
});

describe("the Probot layer and the entries", () => {
  it("src/app, src/index.ts and src/main.ts may import probot and ioredis", async () => {
    for (const file of ["src/app/workers/sample.ts", "src/index.ts", "src/main.ts"]) {
      expect(await restricted(file, 'import { Probot } from "probot";')).toBe(false);
      expect(await restricted(file, 'import { Redis } from "ioredis";')).toBe(false);
    }
  });

  it("app code may import @nova/protocol, not the runner's internals", async () => {
    const app = "src/app/http/sample.ts";
    expect(await restricted(app, 'import { gpuReportSchema } from "@nova/protocol";')).toBe(false);
    expect(await restricted(app, 'import { x } from "../../sync/plan.js";')).toBe(false);
    expect(
      await restricted(app, 'import { x } from "../../../packages/runner/src/checks/a.js";'),
    ).toBe(true);
    expect(await restricted(app, 'import { x } from "@nova/runner";')).toBe(true);
    expect(
      await restricted(app, 'import { x } from "../../../packages/protocol/src/report-schema.js";'),
    ).toBe(true);
  });
});

describe("the workspace packages", () => {
  it("the runner and the protocol package may not import the app", async () => {
    const file = "packages/runner/src/checks/sample.ts";
    expect(await restricted(file, 'import { x } from "@nova/protocol";')).toBe(false);
    expect(await restricted(file, 'import { x } from "../parse/parse-df.js";')).toBe(false);
    expect(
      await restricted(file, 'import { x } from "../../../../src/checklist/slugify.js";'),
    ).toBe(true);
    expect(await restricted(file, 'import { x } from "../../../../src/ingest/a.js";')).toBe(true);
  });

  it("the runner chooses no text by testing the language, and keeps its import rule", async () => {
    // The runner's language rule sits in a block of its own; ESLint keeps a rule's last setting
    // per file, so both rules must still be in force for a runner file.
    const source = [
      'export const words = (lang: string) => (lang === "de" ? "Prüfung" : "check");',
      'export const mark = (lang: string) => { switch (lang) { case "en": return "."; } return ","; };',
      'import { x } from "../../../../src/ingest/a.js";',
    ].join("\n");
    expect(await violations("packages/runner/src/checks/sample.ts", source)).toEqual([
      expect.stringContaining("comparing with a language code: add a key to packages/runner"),
      expect.stringContaining("switch on a language code: add a key to packages/runner"),
      expect.stringContaining("Workspace packages may not import the app"),
    ]);
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

describe("the sources as they are", () => {
  it("keep every boundary (what `npm run lint` checks, here without type information)", async () => {
    const results = await eslint.lintFiles(["src"]);
    const problems = results.flatMap((result) =>
      result.messages.map((message) => `${result.filePath}:${message.line} ${message.message}`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(150);
  }, 60_000);
});
