import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gpuReportSchema } from "@nova/protocol";
import { RUNNER_VERSION } from "../src/runner-version.js";
import { eightH100 } from "./machines.js";
import { writeRecording } from "./write-recording.js";

/** The runner package (its package.json has the build script) and the repository root. */
const PACKAGE = fileURLToPath(new URL("../", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
let dir: string;
let bundle: string;

/**
 * Builds dist/nova-runner.mjs exactly as `npm run build:runner` does, but into a temporary
 * directory with no node_modules above it, and runs it with plain Node: what copying the file
 * onto the DGX does.
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nova-bundle-"));
  bundle = join(dir, "nova-runner.mjs");
  const pkg = JSON.parse(await readFile(join(PACKAGE, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [tool, ...args] = pkg.scripts["build"]!.split(" ");
  expect(tool).toBe("esbuild");
  const built = spawnSync(
    join(ROOT, "node_modules/.bin/esbuild"),
    [
      ...args.map((arg) => arg.replace("--outfile=dist/nova-runner.mjs", `--outfile=${bundle}`)),
      `--metafile=${join(dir, "meta.json")}`,
    ],
    {
      cwd: PACKAGE,
      encoding: "utf8",
    },
  );
  expect(built.status).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("dist/nova-runner.mjs", () => {
  it("contains the runner and the protocol package, no app code", async () => {
    const meta = JSON.parse(await readFile(join(dir, "meta.json"), "utf8")) as {
      inputs: Record<string, unknown>;
    };
    const inputs = Object.keys(meta.inputs).map((input) =>
      relative(ROOT, resolve(PACKAGE, input)).split(sep).join("/"),
    );
    expect(inputs).toContain("packages/runner/src/main.ts");
    expect(inputs).toContain("packages/protocol/src/report-schema.ts");
    const foreign = inputs.filter(
      (input) =>
        !input.startsWith("packages/runner/src/") &&
        !input.startsWith("packages/protocol/src/") &&
        !input.startsWith("node_modules/"),
    );
    expect(foreign).toEqual([]);
  });

  it("imports nothing but Node's standard library", async () => {
    const code = await readFile(bundle, "utf8");
    const specifiers = [
      ...code.matchAll(
        /\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|\brequire\(\s*"([^"]+)"\s*\)/g,
      ),
    ].map((match) => match[1] ?? match[2] ?? match[3]!);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !specifier.startsWith("node:"))).toEqual([]);
    expect(code.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("runs with plain Node outside the repository: --version, and check --from a recording", async () => {
    const version = spawnSync(process.execPath, [bundle, "--version"], {
      cwd: dir,
      encoding: "utf8",
      env: {},
    });
    expect(version.stdout).toBe(`${RUNNER_VERSION}\n`);
    const recording = await writeRecording(join(dir, "h100x8"), eightH100(), { expectGpus: 8 });
    const check = spawnSync(
      process.execPath,
      [bundle, "check", "--from", recording, "--json", "--min-driver", "560", "--min-cuda", "12.4"],
      {
        cwd: dir,
        encoding: "utf8",
        env: {},
      },
    );
    expect(check.stderr).toBe("");
    const report = gpuReportSchema.parse(JSON.parse(check.stdout));
    expect(report.gpus).toHaveLength(8);
    expect(check.status).toBe(0);
  });
});
