import { fileURLToPath } from "node:url";
import { readChecklistFile } from "../../src/cli/read-checklist.js";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the CLI in-process with a fixed clock (Tuesday 2026-11-24, 10:00 in Berlin). */
export async function runNova(
  argv: readonly string[],
  terminal: { isTTY?: boolean; env?: Record<string, string>; columns?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: ROOT,
    now: () => new Date("2026-11-24T09:00:00Z"),
    readFile: readChecklistFile,
    connectGitHub: () => Promise.reject(new Error("no GitHub in offline CLI tests")),
    writeFile: () => Promise.resolve(),
    env: terminal.env ?? {},
    ...(terminal.isTTY !== undefined ? { isTTY: terminal.isTTY } : {}),
    ...(terminal.columns !== undefined ? { columns: terminal.columns } : {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
