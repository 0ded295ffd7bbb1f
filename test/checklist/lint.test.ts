import { describe, expect, it } from "@jest/globals";
import { lintPlan } from "../../src/checklist/lint.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { loadChecklist } from "../fixtures/load-fixture.js";

const lint = (source: string, lang: "de" | "en" = "en") =>
  lintPlan(parsePlan(source), { file: "docs/dgx-spark-plan.md", lang });

describe("lintPlan", () => {
  it("finds nothing wrong with the bundled plan", () => {
    expect(lint(loadChecklist("bundled"))).toEqual([]);
  });

  it("reports the mojibake of the as-received file on each garbled line, with the fix", () => {
    const received = loadChecklist("as-received");
    const repairedLines = loadChecklist("bundled").split("\n");
    const problems = lint(received, "de");
    const garbledLines = received
      .split("\n")
      .flatMap((line, i) => (line === repairedLines[i] ? [] : [i + 1]));
    expect(problems.map((p) => p.line)).toEqual(garbledLines);
    for (const problem of problems) {
      expect(problem).toMatchObject({
        code: "mojibake",
        severity: "warning",
        file: "docs/dgx-spark-plan.md",
      });
      expect(problem.fix).toBe(repairedLines[problem.line - 1]);
    }
    const title = problems[0]!;
    expect([title.line, title.column]).toEqual([1, 31]);
    expect(title.message).toContain("„(NÃ¤chste“ sollte „(Nächste“ lauten");
    expect(title.message).toContain("windows-1254");
  });

  it("names both lines of a duplicate id", () => {
    const problems = lint("## A\n- [ ] **Setup** – eins\n- [ ] **Setup** – zwei\n");
    expect(problems).toEqual([
      expect.objectContaining({ code: "duplicate-id", severity: "error", line: 3, column: 1 }),
    ]);
    expect(problems[0]!.message).toBe(
      'Task id "setup" is used twice (also on line 2). Ids must be unique: give one of the tasks its own <!-- nova: id=… -->.',
    );
  });

  it("reports unknown after= ids at the metadata comment", () => {
    const [problem] = lint("## A\n- [ ] **Eins** – x <!-- nova: after=gibt-es-nicht -->\n");
    expect(problem).toMatchObject({
      code: "unknown-dependency",
      severity: "error",
      line: 2,
      column: 20,
    });
    expect(problem!.message).toContain("after=gibt-es-nicht");
  });

  it("names the cycle of a dependency loop, once", () => {
    const source = [
      "## A",
      "- [ ] **Eins** <!-- nova: id=a; after=c -->",
      "- [ ] **Zwei** <!-- nova: id=b; after=a -->",
      "- [ ] **Drei** <!-- nova: id=c; after=b -->",
      "- [ ] **Vier** <!-- nova: id=d; after=d -->",
      "- [ ] **Fünf** <!-- nova: id=e; after=a -->",
    ].join("\n");
    const cycles = lint(source).filter((p) => p.code === "dependency-cycle");
    expect(cycles.map((p) => [p.line, p.message])).toEqual([
      [2, "Dependency cycle: a → c → b → a. Remove at least one after=."],
      [5, "Dependency cycle: d → d. Remove at least one after=."],
    ]);
    expect(lint(source, "de").find((p) => p.code === "dependency-cycle")!.message).toBe(
      "Zyklische Abhängigkeit: a → c → b → a. Mindestens ein after= muss entfernt werden.",
    );
  });

  it("reports malformed and unknown metadata, missing titles and tasks outside sections", () => {
    const problems = lint(
      "- [ ] draußen\n\n## A\n- [ ] <!-- nova: role=x -->\n- [ ] **X** <!-- nova: due=morgen; farbe=rot -->\n",
    );
    expect(problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [1, "task-outside-section", "warning"],
      [4, "task-without-title", "error"],
      [5, "meta-malformed", "error"],
      [5, "meta-unknown-key", "warning"],
    ]);
    expect(problems[2]!.message).toBe(
      'Malformed metadata "due=morgen": a date is written YYYY-MM-DD, e.g. 2026-12-04.',
    );
  });

  it("handles a 5,000-task dependency chain without overflowing the stack", () => {
    const lines = ["## A"];
    for (let i = 0; i < 5000; i++)
      lines.push(`- [ ] **T${i}** <!-- nova: id=t${i}; after=t${(i + 1) % 5000} -->`);
    const cycles = lint(lines.join("\n")).filter((p) => p.code === "dependency-cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message.split(" → ")).toHaveLength(5001);
  });
});
