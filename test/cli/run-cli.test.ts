import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readChecklistFile } from "../../src/cli/read-checklist.js";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const AS_RECEIVED = fileURLToPath(
  new URL("../fixtures/checklist/dgx-spark-plan.as-received.md", import.meta.url),
);

/** Runs the CLI in-process with a fixed clock (Tuesday 2026-11-24, 10:00 in Berlin). */
async function nova(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string; written: Map<string, string> }> {
  let stdout = "";
  let stderr = "";
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: ROOT,
    now: () => new Date("2026-11-24T09:00:00Z"),
    readFile: readChecklistFile,
    connectGitHub: () => Promise.reject(new Error("no GitHub in offline CLI tests")),
    writeFile: (path, text) => {
      written.set(path, text);
      return Promise.resolve();
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, written };
}

describe("nova progress", () => {
  it("reports 6 sections, 20 tasks and 0 % in German by default", async () => {
    const { code, stdout, stderr } = await nova("progress");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("Infrastruktur- & Setup-Automatisierung");
    expect(stdout).toMatch(/0 von 20|0\/20/);
    expect(stdout).toMatch(/Fortschritt/);
  });

  it("speaks English with --lang en", async () => {
    const { code, stdout } = await nova("progress", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Progress/);
    expect(stdout).not.toMatch(/Fortschritt/);
  });

  it("prints the documented JSON shape with --format json", async () => {
    const { code, stdout } = await nova("progress", "--format=json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ total: 20, done: 0, percent: 0 });
    expect(json.sections).toHaveLength(6);
    expect((json.sections as unknown[])[0]).toEqual({
      number: 1,
      title: "Infrastruktur- & Setup-Automatisierung",
      total: 4,
      done: 0,
      percent: 0,
    });
  });
});

describe("nova plan", () => {
  it("shows the labels, the 6 section and 20 task issues and the links a first sync would create", async () => {
    const { code, stdout } = await nova("plan", "--format", "json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as {
      labels: Array<{ name: string }>;
      issues: Array<{ taskId: string; title: string; labels: string[]; state: string }>;
      links: { subIssues: number; blockedBy: number };
      writes: number;
    };
    expect(plan.labels.map((label) => label.name)).toEqual([
      "dgx",
      "dgx/infrastruktur-setup-automatisierung",
      "dgx/ki-stack-modellbereitstellung",
      "dgx/daten-wissensbasis-vorbereiten",
      "dgx/orchestrierung-agenten-workflows",
      "dgx/monitoring-reporting-kommunikation",
      "dgx/operative-vorbereitung",
    ]);
    expect(plan.issues).toHaveLength(26);
    // In checklist order: the section's issue, then its tasks.
    expect(plan.issues[0]).toMatchObject({
      taskId: "section:infrastruktur-setup-automatisierung",
      title: "1. Infrastruktur- & Setup-Automatisierung",
      labels: ["dgx", "dgx/infrastruktur-setup-automatisierung"],
      state: "open",
    });
    expect(plan.issues[1]).toMatchObject({
      title: "DGX Setup Playbook erstellen",
      labels: ["dgx", "dgx/infrastruktur-setup-automatisierung"],
      state: "open",
    });
    expect(plan.issues.filter((issue) => issue.taskId.startsWith("section:"))).toHaveLength(6);
    // 7 labels + 26 issues + 20 sub-issue links; the bundled plan has no after=.
    expect(plan.links).toEqual({ subIssues: 20, blockedBy: 0 });
    expect(plan.writes).toBe(53);
  });

  it("renders Markdown with every issue title", async () => {
    const { code, stdout } = await nova("plan");
    expect(code).toBe(0);
    expect(stdout).toContain("DGX Setup Playbook erstellen");
    expect(stdout).toContain("dgx/operative-vorbereitung");
  });
});

describe("nova lint", () => {
  it("finds no problems in the bundled plan", async () => {
    const { code, stdout } = await nova("lint");
    expect(code).toBe(0);
    expect(stdout).toBe("docs/dgx-spark-plan.md: keine Probleme.\n");
  });

  it("reports the mojibake of the as-received file with file:line:column and the fix, exit 0 (warnings)", async () => {
    const { code, stdout } = await nova("lint", "--checklist", AS_RECEIVED, "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain(
      `${AS_RECEIVED}:1:31: warning: Mojibake (UTF-8 read as windows-1254): "(NÃ¤chste" should read "(Nächste"`,
    );
  });

  it("--fix writes the repaired plan, byte for byte the bundled one", async () => {
    const { code, written } = await nova("lint", "--checklist", AS_RECEIVED, "--fix");
    expect(code).toBe(0);
    expect(written.get(AS_RECEIVED)).toBe(
      readFileSync(join(ROOT, "docs/dgx-spark-plan.md"), "utf8"),
    );
  });

  it("exits 1 on errors, such as a dependency cycle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nova-cli-"));
    const file = join(dir, "plan.md");
    writeFileSync(
      file,
      "## A\n- [ ] **Eins** <!-- nova: id=a; after=b -->\n- [ ] **Zwei** <!-- nova: id=b; after=a -->\n",
    );
    const { code, stdout } = await nova("lint", "--checklist", file);
    expect(code).toBe(1);
    expect(stdout).toContain("Zyklische Abhängigkeit: a → b → a");
    expect(stdout).toContain("1 Fehler, 0 Warnungen.");
  });
});

describe("bad input: one clear line, exit 2, no stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "nova-bad-"));
  mkdirSync(join(dir, "folder"));
  writeFileSync(join(dir, "binary.md"), Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe]));
  writeFileSync(join(dir, "huge.md"), Buffer.alloc(10 * 1024 * 1024, 0x61));

  it.each([
    [
      ["progress", "--checklist", join(dir, "missing.md")],
      `Checkliste nicht gefunden: ${join(dir, "missing.md")}`,
    ],
    [["progress", "--checklist", join(dir, "folder")], "ist ein Verzeichnis"],
    [["progress", "--checklist", join(dir, "binary.md")], "ist keine Textdatei"],
    [["progress", "--checklist", join(dir, "huge.md")], "ist zu groß (10,0 MB; höchstens 4 MB)"],
    [["progress", "--frobnicate"], "unbekannte Option --frobnicate für „nova progress“"],
    [["summary", "--limit", "500"], "--limit akzeptiert „500“ nicht: erwartet 1–50"],
    [
      ["step-plan", "--delivery", "2026-02-30"],
      "--delivery akzeptiert „2026-02-30“ nicht: erwartet YYYY-MM-DD",
    ],
    [["progress", "--format", "xml"], "--format akzeptiert „xml“ nicht: erwartet md | json"],
    [["fortschritt"], "unbekannter Befehl „fortschritt“"],
    [["summary", "--limit"], "--limit braucht einen Wert"],
  ])("nova %j", async (argv, message) => {
    const { code, stdout, stderr } = await nova(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("--help", () => {
  it.each(["lint", "progress", "step-plan", "summary", "plan"])(
    "explains nova %s",
    async (command) => {
      const { code, stdout } = await nova(command, "--help");
      expect(code).toBe(0);
      expect(stdout).toContain(`nova ${command} –`);
      expect(stdout).toContain("--checklist");
    },
  );

  it("lists every command", async () => {
    const { stdout } = await nova("--help", "--lang", "en");
    for (const command of ["plan", "progress", "step-plan", "summary", "lint"])
      expect(stdout).toContain(`nova ${command}`);
  });
});

describe("the real process", () => {
  const run = promisify(execFile);
  it("exits 2 with one line for an unknown flag, and 0 for progress", async () => {
    const tsx = join(ROOT, "node_modules/.bin/tsx");
    const bad = await run(tsx, ["src/cli/main.ts", "progress", "--nope"], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toBe(
      "nova: unbekannte Option --nope für „nova progress“ (siehe nova progress --help).\n",
    );
    const good = await run(tsx, ["src/cli/main.ts", "progress", "--format", "json"], { cwd: ROOT });
    expect(JSON.parse(good.stdout)).toMatchObject({ total: 20, percent: 0 });
  });
});
