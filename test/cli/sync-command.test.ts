import { describe, expect, it } from "@jest/globals";
import { readChecklistFile } from "../../src/cli/read-checklist.js";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { MemoryPort } from "../sync/memory-port.js";

async function nova(port: MemoryPort, ...argv: string[]) {
  return novaIn(port, {}, ...argv);
}

async function novaIn(port: MemoryPort, terminal: Pick<CliIo, "isTTY" | "env">, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const connected: string[] = [];
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
    now: () => new Date("2026-11-24T09:00:00Z"),
    readFile: readChecklistFile,
    writeFile: () => Promise.resolve(),
    ...terminal,
    connectGitHub: (repo, botLogin) => {
      connected.push(`${repo.owner}/${repo.repo}`);
      return Promise.resolve({ port, botLogin: botLogin ?? "nova-test[bot]" });
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, connected };
}

describe("nova sync", () => {
  it("--dry-run plans the first sync and writes nothing", async () => {
    const port = new MemoryPort();
    port.setFile("docs/dgx-spark-plan.md", loadChecklist("bundled"));
    const { code, stdout, connected } = await nova(port, "sync", "--repo", "acme/dgx", "--dry-run");
    expect([code, connected]).toEqual([0, ["acme/dgx"]]);
    expect(stdout).toContain("Probelauf: nichts wurde geschrieben.");
    expect(stdout).toContain("| angelegt | 26 |");
    expect(port.writes).toEqual([]);
  });

  it("--dry-run says what a sync would do, not what merging a pull request would do", async () => {
    const port = new MemoryPort();
    port.setFile("docs/dgx-spark-plan.md", loadChecklist("bundled"));
    const de = await nova(port, "sync", "--repo", "acme/dgx", "--dry-run");
    expect(de.stdout).toContain(
      "Probelauf: nichts wurde geschrieben. Ein Abgleich jetzt würde die Issues so ändern:",
    );
    expect(de.stdout).not.toMatch(/Zusammenführen/);
    const en = await nova(port, "sync", "--repo", "acme/dgx", "--dry-run", "--lang", "en");
    expect(en.stdout).toContain(
      "Dry run: nothing was written. A sync now would change the issues like this:",
    );
    expect(en.stdout).not.toMatch(/[Mm]erging/);
  });

  it("draws the dry run's counts as an aligned table in a terminal", async () => {
    const port = new MemoryPort();
    port.setFile("docs/dgx-spark-plan.md", loadChecklist("bundled"));
    const { code, stdout } = await novaIn(
      port,
      { isTTY: true, env: { NO_COLOR: "1" } },
      "sync",
      "--repo",
      "acme/dgx",
      "--dry-run",
    );
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/^\|/m);
    expect(stdout).toMatch(/^angelegt {20}26$/m); // 20 tasks, 6 section issues
    expect(stdout).toMatch(/^unverändert {18}0$/m);
    expect(stdout).toContain("• DGX Setup Playbook erstellen");
  });

  it("syncs, then reports that everything is up to date", async () => {
    const port = new MemoryPort();
    port.setFile("docs/dgx-spark-plan.md", loadChecklist("bundled"));
    expect((await nova(port, "sync", "--repo", "acme/dgx")).code).toBe(0);
    expect(port.issues).toHaveLength(26); // 20 tasks, 6 sections;
    const again = await nova(port, "sync", "--repo", "acme/dgx", "--lang", "en");
    expect(again.stdout).toContain("Everything is up to date: 26 issues match the checklist.");
  });

  it("stops with exit 1 and says what is wrong in an invalid config", async () => {
    const port = new MemoryPort();
    port.config = { sync: { maxWritesPerRun: 5000 } };
    const { code, stdout } = await nova(port, "sync", "--repo", "acme/dgx");
    expect(code).toBe(1);
    expect(stdout).toContain("sync.maxWritesPerRun");
    expect(port.writes).toEqual([]);
  });

  it("needs --repo owner/name", async () => {
    const port = new MemoryPort();
    for (const argv of [["sync"], ["sync", "--repo", "acme"], ["sync", "--repo", "a/b/c"]]) {
      const { code, stderr, connected } = await nova(port, ...argv);
      expect([code, connected]).toEqual([2, []]);
      expect(stderr).toMatch(/--repo/);
    }
  });
});
