import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { loadChecklist } from "../fixtures/load-fixture.js";

describe("parsePlan on the bundled plan", () => {
  const plan = parsePlan(loadChecklist("bundled"));

  it("reads the title, the intro, 6 numbered sections and 20 open tasks", () => {
    expect(plan.title).toBe("DGX Spark Vorbereitungsplan (Nächste 2 Wochen)");
    expect(plan.intro).toMatch(/^Der DGX Spark wird in etwa zwei Wochen geliefert\./);
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual([
      [1, "Infrastruktur- & Setup-Automatisierung"],
      [2, "KI-Stack & Modellbereitstellung"],
      [3, "Daten- & Wissensbasis vorbereiten"],
      [4, "Orchestrierung & Agenten-Workflows"],
      [5, "Monitoring, Reporting & Kommunikation"],
      [6, "Operative Vorbereitung"],
    ]);
    expect(plan.sections.map((s) => s.tasks.length)).toEqual([4, 4, 3, 3, 3, 3]);
    expect(plan.tasks).toHaveLength(20);
    expect(plan.tasks.every((task) => !task.checked)).toBe(true);
    expect(plan.issues).toEqual([]);
  });

  it("splits bold titles from the description after the dash", () => {
    const task = plan.tasks[1]!;
    expect(task.title).toBe("NVIDIA Treiber + CUDA Installationsskript vorbereiten");
    expect(task.description).toBe(
      "Automatisiertes Bash/Python-Skript in `scripts/` anlegen, inklusive Prüfroutinen.",
    );
    expect(task.id).toBe("nvidia-treiber-cuda-installationsskript-vorbereiten");
    expect(task.idSource).toBe("slug");
    expect(task.section?.slug).toBe("infrastruktur-setup-automatisierung");
    expect(task.line).toBe(7);
  });

  it("classifies inline code as paths or commands", () => {
    const byTitle = (title: string) => plan.tasks.find((task) => task.title === title)!;
    expect(byTitle("NVIDIA Treiber + CUDA Installationsskript vorbereiten").references).toEqual([
      { kind: "path", text: "scripts/" },
    ]);
    expect(byTitle("Container-Orchestrierung absichern").references).toEqual([
      { kind: "command", text: "python -m nova containers --checklist" },
    ]);
    expect(byTitle("Remote-Zugriff dokumentieren").references).toEqual([
      { kind: "path", text: "docs/FOUNDATION_CONTAINER_SETUP.md" },
    ]);
    expect(byTitle("Inference-Skripte vorbereiten").references).toEqual([
      { kind: "path", text: "nova/models" },
    ]);
    expect(byTitle("Statusberichte automatisieren").references).toEqual([
      { kind: "command", text: "python -m nova summary --limit 5" },
    ]);
  });

  it("keeps the note with its emoji and knows where each checkbox is", () => {
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]!.text).toMatch(/^💡 \*\*Hinweis:\*\* Viele dieser Aufgaben/);
    expect(plan.notes[0]!.sectionIndex).toBe(5);
    for (const task of plan.tasks) expect(plan.source[task.checkboxOffset]).toBe(" ");
  });

  it("gives every task a unique id", () => {
    expect(new Set(plan.tasks.map((task) => task.id)).size).toBe(20);
  });
});

describe("parsePlan on the as-received (mojibake) file", () => {
  it("yields the same 20 tasks, titles, descriptions and sections as the repaired plan", () => {
    const repaired = parsePlan(loadChecklist("bundled"));
    const garbled = parsePlan(loadChecklist("as-received"));
    const view = (plan: typeof repaired) => ({
      title: plan.title,
      sections: plan.sections.map((s) => s.heading),
      tasks: plan.tasks.map((t) => [t.id, t.title, t.description, t.section?.title]),
      notes: plan.notes.map((n) => n.text),
    });
    expect(garbled.tasks).toHaveLength(20);
    expect(view(garbled)).toEqual(view(repaired));
  });
});

describe("parsePlan metadata, subtasks and shapes", () => {
  const plan = parsePlan(loadChecklist("metadata"));
  const task = (id: string) => plan.tasks.find((candidate) => candidate.id === id)!;

  it("reads every metadata key from the trailing comment", () => {
    const cuda = task("cuda-install");
    expect(cuda.idSource).toBe("explicit");
    expect(cuda.meta).toEqual({
      id: "cuda-install",
      after: ["dgx-setup"],
      role: "Plattform",
      estimateDays: 2,
      due: "2026-12-04",
      owner: "alice",
    });
    expect(cuda.description).toBe(
      "NVIDIA-Treiber per `scripts/install-nvidia-stack.sh` einspielen.",
    );
    expect(cuda.references).toEqual([{ kind: "path", text: "scripts/install-nvidia-stack.sh" }]);
  });

  it("treats nested task items as subtasks of their parent", () => {
    const setup = task("dgx-setup");
    expect(setup.checked).toBe(true);
    expect(setup.subtasks.map((s) => [s.id, s.title, s.checked, s.parentId])).toEqual([
      ["dgx-setup-benutzer-anlegen", "Benutzer anlegen", true, "dgx-setup"],
      ["dgx-setup-time-sync-pruefen", "Time Sync prüfen", false, "dgx-setup"],
    ]);
    expect(plan.tasks).toHaveLength(5);
  });

  it("splits a plain title at the dash, or takes the whole text", () => {
    expect(plan.tasks[2]!.title).toBe("Einfacher Titel ohne Fettdruck");
    expect(plan.tasks[2]!.description).toBe("mit Beschreibung nach Bindestrich");
    expect(plan.tasks[3]!.title).toBe("Nur ein Titel");
    expect(plan.tasks[3]!.description).toBe("");
  });

  it("allows unnumbered sections, em dashes, hour estimates and reports unknown keys", () => {
    expect(plan.sections[1]).toMatchObject({
      number: null,
      title: "Offene Fragen",
      slug: "offene-fragen",
    });
    const licence = task("lizenz-klaeren");
    expect(licence.description).toBe("Wer zahlt?");
    expect(licence.meta.estimateDays).toBe(0.5);
    expect(plan.issues).toEqual([
      expect.objectContaining({
        code: "meta-unknown-key",
        key: "colour",
        taskId: "lizenz-klaeren",
      }),
    ]);
    expect(plan.notes[0]!.text).toBe("Ein Hinweis\nüber zwei Zeilen.");
  });

  it("records tasks before any section, tasks without a title and malformed metadata", () => {
    const odd = parsePlan(
      "- [ ] **Lose Aufgabe** – vor allen Abschnitten\n\n## A\n- [ ] <!-- nova: role=x -->\n- [ ] **X** <!-- nova: estimate=viel; due=2026-02-30; kaputt -->\n",
    );
    expect(odd.tasks[0]!.section).toBeNull();
    expect(
      odd.issues.map((issue) => [issue.code, issue.point.line, issue.rule ?? issue.key]),
    ).toEqual([
      ["task-outside-section", 1, undefined],
      ["task-without-title", 4, undefined],
      ["meta-malformed", 5, "syntax"],
      ["meta-malformed", 5, "estimate"],
      ["meta-malformed", 5, "due"],
    ]);
  });

  it("keeps offsets true in CRLF files", () => {
    const crlf = parsePlan(loadChecklist("crlf"));
    expect(crlf.eol).toBe("\r\n");
    expect(crlf.tasks.map((t) => [t.title, t.description, t.line])).toEqual([
      ["Erste Aufgabe", "Beschreibung eins.", 4],
      ["Zweite Aufgabe", "Beschreibung zwei.", 5],
    ]);
    for (const t of crlf.tasks) expect(crlf.source[t.checkboxOffset]).toBe(" ");
  });
});

describe("parsePlan metadata comments with repeated keys", () => {
  const entriesOf = (comment: string) =>
    parsePlan(`## 1. A\n\n- [ ] **Titel** ${comment}\n`).tasks[0]!.metaComment!.entries;

  it("keeps the last value of a key, in the place where the key first appeared", () => {
    expect(entriesOf("<!-- NOVA: id=a; role=Ops; id=b -->")).toEqual([
      { key: "id", value: "b" },
      { key: "role", value: "Ops" },
    ]);
  });

  it("does the same for a comment with many entries", () => {
    const many = Array.from({ length: 12 }, (_, i) => `k${i % 5}=v${i}`).join("; ");
    expect(entriesOf(`<!-- nova: ${many} -->`)).toEqual([
      { key: "k0", value: "v10" },
      { key: "k1", value: "v11" },
      { key: "k2", value: "v7" },
      { key: "k3", value: "v8" },
      { key: "k4", value: "v9" },
    ]);
  });
});
