import type { RunnerDeps } from "../src/cli/runner-deps.js";
import { runRunnerCli } from "../src/cli/run-runner-cli.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `nova-runner` in-process with fakes: a fixed clock and report id, no sleeping, and no
 * live probes or network unless a test passes them.
 */
export async function runCli(argv: string[], overrides: Partial<RunnerDeps> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const deps: RunnerDeps = {
    env: {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color: false,
    now: () => new Date("2026-01-12T09:00:00.000Z"),
    randomUUID: () => "4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
    createLiveProbes: () => {
      throw new Error("this test must not probe the live machine");
    },
    fetch: () => Promise.reject(new Error("this test must not use the network")),
    sleep: () => Promise.resolve(),
    random: () => 1,
    readFile: () => Promise.reject(new Error("no files in this test")),
    writeFile: () => Promise.resolve(),
    readStdin: () => Promise.resolve(""),
    uid: 1000,
    home: "/nonexistent",
    ...overrides,
  };
  const code = await runRunnerCli(argv, deps);
  return { code, stdout, stderr };
}
