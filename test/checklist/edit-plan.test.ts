import { describe, expect, it } from "@jest/globals";
import { applyTextEdits, planSetChecked, planSetTaskId } from "../../src/checklist/edit-plan.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { loadChecklist } from "../fixtures/load-fixture.js";

/** The lines that differ between two texts, as [line number, before, after]. */
function changedLines(before: string, after: string): Array<[number, string, string]> {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) =>
    line === b[i] ? [] : [[i + 1, line, b[i]!] as [number, string, string]],
  );
}

describe("write-back edits", () => {
  it("ticks one task of the bundled plan by changing one character of one line", () => {
    const source = loadChecklist("bundled");
    const plan = parsePlan(source);
    const task = plan.tasks[1]!;
    const edited = applyTextEdits(source, planSetChecked(plan, task.id, true));
    expect(edited).toHaveLength(source.length);
    expect(changedLines(source, edited)).toEqual([
      [
        7,
        expect.stringMatching(/^- \[ \] \*\*NVIDIA/),
        expect.stringMatching(/^- \[x\] \*\*NVIDIA/),
      ],
    ]);
    const reparsed = parsePlan(edited);
    expect(reparsed.tasks.map((t) => t.checked)).toEqual(plan.tasks.map((t) => t.id === task.id));
  });

  it("makes no edit when the box already agrees, and unticks a ticked one", () => {
    const plan = parsePlan(loadChecklist("metadata"));
    expect(planSetChecked(plan, "cuda-install", false)).toEqual([]);
    const edited = applyTextEdits(plan.source, planSetChecked(plan, "dgx-setup", false));
    expect(changedLines(plan.source, edited)).toEqual([
      [
        7,
        "- [x] **DGX Setup** – Erstkonfiguration. <!-- nova: id=dgx-setup -->",
        "- [ ] **DGX Setup** – Erstkonfiguration. <!-- nova: id=dgx-setup -->",
      ],
    ]);
  });

  it("ticks a subtask", () => {
    const plan = parsePlan(loadChecklist("metadata"));
    const edited = applyTextEdits(
      plan.source,
      planSetChecked(plan, "dgx-setup-time-sync-pruefen", true),
    );
    expect(changedLines(plan.source, edited)).toEqual([
      [9, "  - [ ] Time Sync prüfen", "  - [x] Time Sync prüfen"],
    ]);
  });

  it("keeps CRLF line endings and every other byte", () => {
    const source = loadChecklist("crlf");
    const plan = parsePlan(source);
    const edits = [
      ...planSetChecked(plan, "zweite-aufgabe", true),
      ...planSetTaskId(plan, "erste-aufgabe"),
    ];
    expect(applyTextEdits(source, edits)).toBe(
      "# CRLF-Plan\r\n\r\n## 1. Abschnitt\r\n" +
        "- [ ] **Erste Aufgabe** – Beschreibung eins. <!-- nova: id=erste-aufgabe -->\r\n" +
        "- [x] **Zweite Aufgabe** – Beschreibung zwei.\r\n",
    );
  });

  it("adds id= to an existing comment or changes an existing id, touching only the comment", () => {
    const plan = parsePlan(loadChecklist("metadata"));
    const added = applyTextEdits(plan.source, planSetTaskId(plan, "lizenz-klaeren"));
    expect(changedLines(plan.source, added)).toEqual([
      [
        14,
        "- [ ] **Lizenz klären** — Wer zahlt? <!-- nova: estimate=4h; colour=blue -->",
        "- [ ] **Lizenz klären** — Wer zahlt? <!-- nova: id=lizenz-klaeren; estimate=4h; colour=blue -->",
      ],
    ]);
    const renamed = applyTextEdits(
      plan.source,
      planSetTaskId(plan, "dgx-setup", "dgx-first-setup"),
    );
    expect(changedLines(plan.source, renamed)).toEqual([
      [
        7,
        "- [x] **DGX Setup** – Erstkonfiguration. <!-- nova: id=dgx-setup -->",
        "- [x] **DGX Setup** – Erstkonfiguration. <!-- nova: id=dgx-first-setup -->",
      ],
    ]);
    expect(planSetTaskId(plan, "dgx-setup")).toEqual([]);
    expect(parsePlan(added).tasks.find((t) => t.title === "Lizenz klären")).toMatchObject({
      id: "lizenz-klaeren",
      idSource: "explicit",
      meta: { estimateDays: 0.5 },
    });
  });

  it("refuses unknown tasks, invalid ids and overlapping edits", () => {
    const plan = parsePlan(loadChecklist("metadata"));
    expect(() => planSetChecked(plan, "nope", true)).toThrow('no task with id "nope"');
    expect(() => planSetTaskId(plan, "dgx-setup", "Not An Id")).toThrow("not a valid task id");
    expect(() =>
      applyTextEdits("abc", [
        { offset: 0, length: 2, text: "x" },
        { offset: 1, length: 1, text: "y" },
      ]),
    ).toThrow("edits overlap");
  });
});
