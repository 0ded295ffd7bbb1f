import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./nova-in-process.js";

// Issue #14 ("a fast CLI"): the offline commands must not load the GitHub, Probot or server
// modules, which cost most of a cold start. This checks which modules load, not how long it
// takes (the timing is `npm run bench:cli`).

/** A module hook that appends every resolved module URL to the file named in the environment. */
const HOOK = `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.NOVA_RECORD_MODULES, result.url + "\\n");
  return result;
}`;
const REGISTER = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

const FORBIDDEN = /\/node_modules\/(probot|@probot|@octokit|octokit-|ioredis|pino|zod)\//;

/** Runs the real CLI (TypeScript sources through tsx) and returns the modules it loaded. */
async function loadedModules(argv: string[]): Promise<string[]> {
  const record = join(mkdtempSync(join(tmpdir(), "nova-modules-")), "modules.txt");
  await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      `data:text/javascript,${encodeURIComponent(REGISTER)}`,
      "src/cli/main.ts",
      ...argv,
    ],
    { cwd: ROOT, env: { ...process.env, NOVA_RECORD_MODULES: record, GITHUB_TOKEN: "" } },
  ).catch((error: { code?: number }) => {
    // `nova sync` without a token exits 2 after loading its modules; that is the control.
    if (error.code !== 2) throw error;
  });
  return readFileSync(record, "utf8").split("\n").filter(Boolean);
}

describe("the offline commands load no GitHub or server modules", () => {
  it.each([
    ["progress"],
    ["step-plan", "--format", "text"],
    ["tasks", "--format", "json"],
    ["plan"],
  ])(
    "nova %s",
    async (...argv) => {
      const modules = await loadedModules(argv);
      expect(modules.some((url) => url.endsWith("/src/cli/run-offline-command.ts"))).toBe(true);
      expect(modules.filter((url) => FORBIDDEN.test(url))).toEqual([]);
    },
    60_000,
  );

  it("while nova sync does load Probot's Octokit (the check can fail)", async () => {
    const modules = await loadedModules(["sync", "--repo", "acme/dgx"]);
    expect(modules.some((url) => /\/node_modules\/probot\//.test(url))).toBe(true);
  }, 60_000);
});
