import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNova } from "./nova-in-process.js";

// Issue #16 ("The terminal", "German"): each case failed before the fix.

describe("impossible dates are bad input (exit 2 naming the value), not an internal error", () => {
  it.each([
    ["--delivery", "2026-13-45"],
    ["--today", "2026-13-45"],
    ["--delivery", "2026-12-32"],
    ["--today", "2026-00-10"],
    ["--delivery", "2026-02-30"],
    ["--today", "2026-02-29"],
  ])("nova step-plan %s %s", async (option, value) => {
    for (const command of ["step-plan", "summary"]) {
      const { code, stdout, stderr } = await runNova([command, option, value]);
      expect([code, stdout]).toEqual([2, ""]);
      expect(stderr).toBe(
        `nova: ${option} akzeptiert „${value}“ nicht: erwartet YYYY-MM-DD (siehe nova ${command} --help).\n`,
      );
    }
  });

  it("still accepts a real leap day", async () => {
    const { code } = await runNova(["step-plan", "--today", "2028-02-29", "--format", "json"]);
    expect(code).toBe(0);
  });
});

describe("global options before the command", () => {
  it("nova --lang en --help prints the English help", async () => {
    const { code, stdout, stderr } = await runNova(["--lang", "en", "--help"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("Help for one command: nova <command> --help");
  });

  it("nova --lang=en --format json progress speaks English JSON", async () => {
    const { code, stdout } = await runNova(["--lang=en", "--format", "json", "progress"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 20 });
  });

  it("nova --lang en step-plan --help explains step-plan in English", async () => {
    const { code, stdout } = await runNova(["--lang", "en", "step-plan", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("nova step-plan – open tasks");
  });

  it("an option after the command wins over the same one before it", async () => {
    const { stdout } = await runNova(["--format", "md", "progress", "--format", "json"]);
    expect(JSON.parse(stdout)).toMatchObject({ total: 20 });
  });

  it("an unknown option before the command is named as an option", async () => {
    const { code, stderr } = await runNova(["--nope", "progress"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "nova: unbekannte Option --nope für „nova progress“ (siehe nova progress --help).\n",
    );
    const alone = await runNova(["--lang", "en", "--nope"]);
    expect(alone.stderr).toBe("nova: unknown option --nope (see nova --help).\n");
  });
});

describe("did you mean", () => {
  it("suggests progress for progres, in German and English", async () => {
    const de = await runNova(["progres"]);
    expect(de.code).toBe(2);
    expect(de.stderr).toBe(
      "nova: unbekannter Befehl „progres“. Meintest du „nova progress“? (siehe nova --help)\n",
    );
    const en = await runNova(["--lang", "en", "sumary"]);
    expect(en.stderr).toBe(
      'nova: unknown command "sumary". Did you mean "nova summary"? (see nova --help)\n',
    );
  });

  it("suggests an option for a mistyped one", async () => {
    const { code, stderr } = await runNova(["step-plan", "--delivry", "2026-12-01"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "nova: unbekannte Option --delivry für „nova step-plan“ (siehe nova step-plan --help). Meintest du --delivery?\n",
    );
    const en = await runNova(["progress", "--formt", "json", "--lang", "en"]);
    expect(en.stderr).toBe(
      'nova: unknown option --formt for "nova progress" (see nova progress --help). Did you mean --format?\n',
    );
  });

  it("lists the commands when nothing is close", async () => {
    const { stderr } = await runNova(["fortschritt"]);
    expect(stderr).toContain("Befehle: lint, progress, step-plan");
    expect(stderr).toContain("tasks");
  });
});

describe("help texts", () => {
  const commands = ["help", "plan", "progress", "tasks", "step-plan", "summary", "lint"];

  it.each(commands)(
    "nova %s --help has a blank line before the common options",
    async (command) => {
      for (const lang of ["de", "en"]) {
        const { stdout } = await runNova([command, "--help", "--lang", lang]);
        const heading = lang === "de" ? "Optionen für alle Befehle:" : "Options for every command:";
        expect(stdout).toContain(`\n\n${heading}`);
      }
    },
  );

  it("German step-plan help is grammatical", async () => {
    const { stdout } = await runNova(["step-plan", "--help"]);
    expect(stdout).not.toContain("after=-Abhängigkeiten achtet");
    expect(stdout).toContain("die die Abhängigkeiten aus after=\nbeachtet");
  });
});

describe("singular and plural in lint's count", () => {
  const dir = mkdtempSync(join(tmpdir(), "nova-plural-"));
  const cycle = join(dir, "cycle.md");
  writeFileSync(
    cycle,
    "## A\n- [ ] **Eins** <!-- nova: id=a; after=b -->\n- [ ] **Zwei** <!-- nova: id=b; after=a -->\n",
  );
  const warnings = join(dir, "warnings.md");
  writeFileSync(warnings, "## A\n- [ ] Eins <!-- nova: id=a; colour=red; size=big -->\n");

  it("1 Fehler, 0 Warnungen / 1 error, 0 warnings", async () => {
    expect((await runNova(["lint", "--checklist", cycle])).stdout).toContain(
      "\n1 Fehler, 0 Warnungen.\n",
    );
    expect((await runNova(["lint", "--checklist", cycle, "--lang", "en"])).stdout).toContain(
      "\n1 error, 0 warnings.\n",
    );
  });

  it("0 Fehler, 2 Warnungen / 0 errors, 2 warnings", async () => {
    const de = await runNova(["lint", "--checklist", warnings]);
    expect(de.stdout).toMatch(/\n0 Fehler, 2 Warnungen\.\n$/);
    const en = await runNova(["lint", "--checklist", warnings, "--lang", "en"]);
    expect(en.stdout).toMatch(/\n0 errors, 2 warnings\.\n$/);
  });
});
