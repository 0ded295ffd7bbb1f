import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNova } from "./nova-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "nova-tasks-"));
const NESTED = join(dir, "nested.md");
writeFileSync(
  NESTED,
  [
    "# Plan",
    "",
    "- [x] Vorab <!-- nova: id=vorab -->",
    "",
    "## 1. Abschnitt",
    "",
    "- [ ] Eltern <!-- nova: id=eltern -->",
    "  - [x] Kind <!-- nova: id=kind -->",
    "- [ ] Zweite | mit `Pipe`",
    "",
  ].join("\n"),
);

describe("nova tasks", () => {
  it("lists every task of the bundled plan as the documented JSON", async () => {
    const { code, stdout, stderr } = await runNova(["tasks", "--format", "json"]);
    expect([code, stderr]).toEqual([0, ""]);
    const tasks = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(tasks).toHaveLength(20);
    expect(tasks[0]).toEqual({
      line: 6,
      checked: false,
      id: "dgx-setup-playbook-erstellen",
      title: "DGX Setup Playbook erstellen",
      section: "1. Infrastruktur- & Setup-Automatisierung",
      parent: null,
    });
    expect(tasks.map((task) => task.line)).toEqual(
      [...tasks.map((task) => task.line as number)].sort((a, b) => a - b),
    );
  });

  it("includes nested tasks with their parent's id, and tasks before the first section", async () => {
    const { stdout } = await runNova(["tasks", "--checklist", NESTED, "--format=json"]);
    expect(JSON.parse(stdout)).toEqual([
      { line: 3, checked: true, id: "vorab", title: "Vorab", section: null, parent: null },
      {
        line: 7,
        checked: false,
        id: "eltern",
        title: "Eltern",
        section: "1. Abschnitt",
        parent: null,
      },
      {
        line: 8,
        checked: true,
        id: "kind",
        title: "Kind",
        section: "1. Abschnitt",
        parent: "eltern",
      },
      {
        line: 9,
        checked: false,
        id: "zweite-mit-pipe",
        title: "Zweite | mit Pipe",
        section: "1. Abschnitt",
        parent: null,
      },
    ]);
  });

  it("prints a Markdown table with --format md, in German and English", async () => {
    const de = await runNova(["tasks", "--checklist", NESTED, "--format", "md"]);
    expect(de.stdout).toContain("| Zeile | Erledigt | ID | Titel | Abschnitt | Übergeordnet |");
    expect(de.stdout).toContain("| 8 | `[x]` | `kind` | Kind | 1\\. Abschnitt | `eltern` |");
    expect(de.stdout).toContain("| 9 | `[ ]` | `zweite-mit-pipe` | Zweite \\| mit Pipe |");
    expect(de.stdout).toContain("4 Aufgaben, davon 2 erledigt.");
    const en = await runNova(["tasks", "--checklist", NESTED, "--lang", "en"]);
    expect(en.stdout).toContain("| Line | Done | ID | Title | Section | Parent |");
    expect(en.stdout).toContain("4 tasks, 2 of them done.");
  });

  it("draws an aligned table in a terminal, nested tasks indented under their section", async () => {
    const { stdout } = await runNova(["tasks", "--checklist", NESTED], {
      isTTY: true,
      env: { NO_COLOR: "1" },
    });
    const lines = stdout.split("\n");
    expect(stdout).not.toMatch(/^\|/m);
    expect(lines).toContain("Vor dem ersten Abschnitt");
    expect(lines).toContain("1. Abschnitt");
    const kind = lines.find((line) => line.includes("Kind"))!;
    const eltern = lines.find((line) => line.includes("Eltern"))!;
    // The child's title starts two columns right of its parent's; the ids line up.
    expect(kind.indexOf("Kind")).toBe(eltern.indexOf("Eltern") + 2);
    expect(kind.indexOf("kind")).toBe(eltern.indexOf("eltern"));
    expect(kind).toMatch(/^ {4}8 {2}\[x\]/);
  });

  it("says so for a checklist without tasks", async () => {
    const empty = join(dir, "empty.md");
    writeFileSync(empty, "# Leer\n\nNur Text.\n");
    expect((await runNova(["tasks", "--checklist", empty, "--format", "json"])).stdout).toBe(
      "[]\n",
    );
    expect((await runNova(["tasks", "--checklist", empty])).stdout).toContain(
      "Die Checkliste enthält keine Aufgaben.",
    );
  });
});
