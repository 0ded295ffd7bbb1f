import { rename, writeFile } from "node:fs/promises";
import { readChecklistFile } from "./read-checklist.js";
import { runCli } from "./run-cli.js";

/** The `nova` command: wires the real process to `runCli`. */
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: () => new Date(),
  readFile: readChecklistFile,
  // Probot's Octokit loads only for the commands that talk to GitHub.
  connectGitHub: async (repo, botLogin) =>
    (await import("./connect-github.js")).createConnectGitHub(process.env)(repo, botLogin),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  // Write beside the file and rename, so an interrupted --fix never leaves half a checklist.
  writeFile: async (path, text) => {
    const temporary = `${path}.nova-tmp`;
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
  },
});
process.exitCode = code;
