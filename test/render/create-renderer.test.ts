import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { createRenderer, type TemplateName } from "../../src/render/create-renderer.js";

/** A throwaway templates folder with `progress.hbs` in both languages. */
function makeTemplates(source: string | { de: string; en: string }) {
  const dir = mkdtempSync(join(tmpdir(), "nova-templates-"));
  for (const lang of ["de", "en"] as const) {
    mkdirSync(join(dir, lang));
    const text = typeof source === "string" ? source : source[lang];
    writeFileSync(join(dir, lang, "progress.hbs"), text);
  }
  return { dir, templatesDir: pathToFileURL(`${dir}/`) };
}

describe("createRenderer", () => {
  const helpers = [
    "{{md title}}",
    "{{bar p width=4}}",
    "{{percent p}}",
    "{{date d}}",
    "{{date missing}}",
    "{{number n}}",
    "{{days n}}",
    "{{days 1}}",
    '{{t "critical"}}',
    '{{t "risk" r due=(date d)}}',
    "{{join list}}",
  ].join("\n");
  const data = {
    title: "*Hallo* @bob",
    p: 50,
    d: "2026-11-24",
    missing: null,
    n: 1.5,
    r: "due",
    list: [1, 2],
  };

  it("formats in German", () => {
    const { templatesDir } = makeTemplates(helpers);
    const output = createRenderer({ templatesDir }).render("progress", "de", data);
    expect(output.split("\n")).toEqual([
      "\\*Hallo\\* @\u200Dbob",
      "██░░",
      "50\u00A0%",
      "24.11.2026",
      "–",
      "1,5",
      "1,5 Arbeitstage",
      "1 Arbeitstag",
      "kritischer Pfad",
      "Fälligkeit 24.11.2026 überschritten",
      "1, 2",
      "",
    ]);
  });

  it("formats in English", () => {
    const { templatesDir } = makeTemplates(helpers);
    const output = createRenderer({ templatesDir }).render("progress", "en", data);
    expect(output.split("\n")).toEqual([
      "\\*Hallo\\* @\u200Dbob",
      "██░░",
      "50%",
      "2026-11-24",
      "–",
      "1.5",
      "1.5 working days",
      "1 working day",
      "critical path",
      "misses its due date 2026-11-24",
      "1, 2",
      "",
    ]);
  });

  it("joins a list or one property of each item", () => {
    const { templatesDir } = makeTemplates('{{join items key="step" sep=" / "}}|{{join plain}}');
    const data = { items: [{ step: 1 }, { step: 4 }], plain: ["a", "b"] };
    expect(createRenderer({ templatesDir }).render("progress", "de", data)).toBe("1 / 4|a, b\n");
  });

  it("passes values through without HTML escaping (user text goes through md)", () => {
    const { templatesDir } = makeTemplates("{{raw}}");
    expect(createRenderer({ templatesDir }).render("progress", "de", { raw: "a & <b>" })).toBe(
      "a & <b>\n",
    );
  });

  it("fails loudly on a misspelt field or message key", () => {
    const missing = makeTemplates("{{titel}}");
    expect(() => createRenderer(missing).render("progress", "de", { title: "x" })).toThrow();
    const key = makeTemplates('{{t "kritisch"}}');
    expect(() => createRenderer(key).render("progress", "de", {})).toThrow(/kritisch/);
  });

  it("collapses the blank lines that conditional blocks leave behind", () => {
    const { templatesDir } = makeTemplates("a\n\n{{#if no}}\nx\n{{/if}}\n\n\nb   \n\n");
    expect(createRenderer({ templatesDir }).render("progress", "de", { no: false })).toBe(
      "a\n\nb\n",
    );
  });

  it("compiles each template once", () => {
    const { dir, templatesDir } = makeTemplates("eins");
    const renderer = createRenderer({ templatesDir });
    expect(renderer.render("progress", "de", {})).toBe("eins\n");
    writeFileSync(join(dir, "de", "progress.hbs"), "zwei");
    expect(renderer.render("progress", "de", {})).toBe("eins\n");
    expect(createRenderer({ templatesDir }).render("progress", "de", {})).toBe("zwei\n");
  });

  it("picks the template of the requested language", () => {
    const { templatesDir } = makeTemplates({ de: "Hallo", en: "Hello" });
    const renderer = createRenderer({ templatesDir });
    expect(renderer.render("progress", "de", {})).toBe("Hallo\n");
    expect(renderer.render("progress", "en", {})).toBe("Hello\n");
  });

  it("refuses names outside the template list", () => {
    const { templatesDir } = makeTemplates("x");
    const renderer = createRenderer({ templatesDir });
    expect(() => renderer.render("../secret" as TemplateName, "de", {})).toThrow(
      /Unknown template/,
    );
  });

  it("finds the repository's templates by default", () => {
    const output = createRenderer().render("progress", "en", {
      total: 0,
      done: 0,
      percent: 0,
      sections: [],
    });
    expect(output).toContain("## Progress");
  });
});
