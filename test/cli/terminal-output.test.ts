import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripAnsi, measureWidth } from "../../src/cli/terminal/text-width.js";
import { runNova } from "./nova-in-process.js";

// Issue #16: in a terminal the CLI draws its reports (aligned tables, bars, colours, numbered
// lists, a timeline) instead of printing raw Markdown; --format md and json stay as they were.

const TTY = { isTTY: true, columns: 100 };
const PLAIN_TTY = { ...TTY, env: { NO_COLOR: "1" } };
// eslint-disable-next-line no-control-regex
const ESC = /\u001b\[/;

describe("nova progress in a terminal", () => {
  it("draws an aligned table with bars, no Markdown syntax", async () => {
    const { code, stdout } = await runNova(["progress"], PLAIN_TTY);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\*\*|^\||```|`/m);
    expect(stdout).not.toMatch(ESC);
    const lines = stdout.split("\n");
    const header = lines.find((line) => line.startsWith("Abschnitt"))!;
    const rows = lines.filter((line) => /^\d\. /.test(line));
    expect(rows).toHaveLength(6);
    // "Erledigt" is right-aligned: every count ends where the header word ends.
    const end = header.indexOf("Erledigt") + "Erledigt".length;
    for (const row of rows) expect(row.slice(0, end)).toMatch(/\d+\/\d+$/);
    expect(rows[0]).toMatch(/0\/4 {2}░{20} {5}0\u00a0%$/);
  });

  it("colours a terminal unless NO_COLOR is set", async () => {
    expect((await runNova(["progress"], TTY)).stdout).toMatch(ESC);
    expect((await runNova(["progress"], { ...TTY, env: { NO_COLOR: "" } })).stdout).toMatch(ESC);
    expect((await runNova(["progress"], PLAIN_TTY)).stdout).not.toMatch(ESC);
  });

  it("keeps Markdown for a pipe, and for --format md in a terminal", async () => {
    const piped = await runNova(["progress"]);
    expect(piped.stdout).toContain("**0 von 20 Aufgaben erledigt**");
    expect(piped.stdout).toContain("| Abschnitt | Erledigt | Fortschritt | Anteil |");
    expect((await runNova(["progress", "--format", "md"], TTY)).stdout).toBe(piped.stdout);
    const forced = await runNova(["progress"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toBe(piped.stdout);
  });

  it("--format text draws for a terminal anywhere; FORCE_COLOR adds colours", async () => {
    const text = await runNova(["progress", "--format", "text"]);
    expect(text.stdout).toBe((await runNova(["progress"], { ...PLAIN_TTY, columns: 80 })).stdout);
    expect(text.stdout).not.toMatch(ESC);
    const forced = await runNova(["progress", "--format", "text"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(ESC);
    const off = await runNova(["progress"], { ...TTY, env: { FORCE_COLOR: "0" } });
    expect(off.stdout).not.toMatch(ESC);
  });

  it("keeps JSON with --format json in a terminal", async () => {
    const { stdout } = await runNova(["progress", "--format", "json"], TTY);
    expect(JSON.parse(stdout)).toMatchObject({ total: 20, done: 0 });
  });
});

describe("nova step-plan in a terminal", () => {
  it("draws a timeline instead of the Mermaid source, within the terminal's width", async () => {
    const { stdout } = await runNova(["step-plan", "--today", "2026-11-24"], TTY);
    expect(stdout).not.toContain("mermaid");
    expect(stdout).not.toContain("gantt");
    expect(stdout).not.toMatch(/^\| /m);
    const plain = stripAnsi(stdout).split("\n");
    // Prose wraps in the terminal by itself; the timeline and the tables must fit.
    const drawn = plain.filter((line) => /[█·─]|^ *\d+ /.test(line));
    expect(drawn.length).toBeGreaterThan(40);
    for (const line of drawn) expect(measureWidth(line)).toBeLessThanOrEqual(100);
    // The axis starts with today; each of the 20 tasks has a bar; the delivery day is marked.
    expect(plain.find((line) => line.includes("24.11.") && !line.includes("2026"))).toBeDefined();
    const bars = plain.filter((line) => /^ {0,2}\d+ .*█/.test(line));
    expect(bars).toHaveLength(20);
    expect(bars.every((line) => line.includes("┃"))).toBe(true);
    // Step 2 starts the day after step 1 ends: its bar begins where step 1's ends.
    const [first, second] = bars;
    expect(second!.indexOf("█")).toBe(first!.lastIndexOf("█") + 1);
  });

  it("puts tasks after the delivery date past the marker and says the date is at risk", async () => {
    const { stdout } = await runNova(
      ["step-plan", "--today", "2026-11-24", "--delivery", "2026-11-25", "--lang", "en"],
      PLAIN_TTY,
    );
    expect(stdout).toContain("! The delivery date is at risk.");
    // The marker has a column of its own: step 2 ends on the delivery day, right before it;
    // step 3 starts the next working day, right after it.
    const step2 = stdout.split("\n").find((line) => /^ {2}2 NVIDIA/.test(line))!;
    const step3 = stdout.split("\n").find((line) => /^ {2}3 Container/.test(line))!;
    expect(step2.indexOf("┃")).toBe(step2.lastIndexOf("█") + 1);
    expect(step3.indexOf("█")).toBe(step3.indexOf("┃") + 1);
    expect(stdout).toContain("ends after delivery");
  });

  it("keeps the Mermaid chart with --format md", async () => {
    const { stdout } = await runNova(["step-plan", "--format", "md"], TTY);
    expect(stdout).toContain("```mermaid");
  });
});

describe("nova summary in a terminal", () => {
  it("numbers the next tasks 1, 2, 3 … instead of printing every item as 1.", async () => {
    const { stdout } = await runNova(["summary", "--today", "2026-11-24"], PLAIN_TTY);
    const numbered = stdout.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(numbered.map((line) => line.split(".")[0])).toEqual(["1", "2", "3", "4", "5"]);
    expect(stdout).not.toContain("**");
  });
});

describe("nova plan and nova lint in a terminal", () => {
  it("plan draws aligned tables of labels and issues", async () => {
    const { stdout } = await runNova(["plan"], PLAIN_TTY);
    expect(stdout).not.toMatch(/^\|/m);
    expect(stdout).toContain(
      "würde 7 Labels und 26 Issues anlegen (eins je Bereich, eins je Aufgabe), 20 Aufgaben als Sub-Issues ihres Bereichs verknüpfen und 0 „Blockiert durch“-Beziehungen anlegen (53 Schreibzugriffe)",
    );
  });

  it("lint colours the severity and keeps one line per problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nova-lint-tty-"));
    const file = join(dir, "cycle.md");
    writeFileSync(
      file,
      "## A\n- [ ] **Eins** <!-- nova: id=a; after=b -->\n- [ ] **Zwei** <!-- nova: id=b; after=a -->\n",
    );
    const { code, stdout } = await runNova(["lint", "--checklist", file], TTY);
    expect(code).toBe(1);
    expect(stdout).toContain("\u001b[31mFehler\u001b[39m");
    expect(stripAnsi(stdout)).toContain(": Fehler: Zyklische Abhängigkeit: a → b → a");
  });
});

describe("nova containers in a terminal", () => {
  it("prints one finding per line with its severity, no Markdown table", async () => {
    const bad = "test/fixtures/containers/bad";
    const { code, stdout } = await runNova(["containers", "--checklist", bad], PLAIN_TTY);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/^\|/m);
    expect(stdout).toContain(
      "✗ Nicht bestanden: Fehler beheben (Exit-Code 1). 14 Fehler · 15 Warnungen · 4 Hinweise — 3 Dateien geprüft.",
    );
    expect(stdout).toContain(
      `Fehler  ${bad}/compose.yaml:7 (trainer): \`HF_TOKEN\` steht als Klartext in der Datei`,
    );
    const coloured = await runNova(["containers", "--checklist", bad], TTY);
    expect(coloured.stdout).toContain("\u001b[36mHF_TOKEN\u001b[39m");
    // Piped, it stays the Markdown report.
    expect((await runNova(["containers", "--checklist", bad])).stdout).toContain(
      "| | Datei | Zeile | Dienst/Stufe | Befund |",
    );
  });
});
