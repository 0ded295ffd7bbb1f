/**
 * The catalogs (src/render/catalog/) are Nova's one place for sentences outside the templates.
 * The compiler checks that `en` has every key of `de`; these tests check what it cannot: no
 * empty text, the same placeholders in both languages, complete plural pairs, that every key a
 * template asks for exists, and that no code in src chooses a text by testing the language.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES, MESSAGES, say, translate } from "../../src/render/i18n.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

function listFiles(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the message catalogs", () => {
  it("have the same keys in every language", () => {
    const keys = Object.keys(MESSAGES.de).sort();
    expect(keys.length).toBeGreaterThan(200);
    for (const lang of LANGUAGES) expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  it("have no empty text", () => {
    for (const lang of LANGUAGES) {
      const empty = Object.entries(MESSAGES[lang]).filter(([, text]) => text.trim() === "");
      expect([lang, empty]).toEqual([lang, []]);
    }
  });

  it("have the same placeholders in every language", () => {
    const differing = Object.keys(MESSAGES.de).filter((key) =>
      LANGUAGES.some(
        (lang) =>
          placeholders(MESSAGES[lang][key as keyof typeof MESSAGES.de]).join() !==
          placeholders(MESSAGES.de[key as keyof typeof MESSAGES.de]).join(),
      ),
    );
    expect(differing).toEqual([]);
  });

  it("have both forms of every plural", () => {
    const keys = new Set(Object.keys(MESSAGES.de));
    const incomplete = [...keys].filter((key) => {
      const pair = /^(.*)_(one|other)$/.exec(key);
      return pair && !keys.has(`${pair[1]}_${pair[2] === "one" ? "other" : "one"}`);
    });
    expect(incomplete).toEqual([]);
  });

  it("have every key a template asks for", () => {
    const missing: string[] = [];
    for (const file of listFiles(join(ROOT, "templates"), ".hbs")) {
      const source = readFileSync(file, "utf8");
      for (const [, key] of source.matchAll(/\{\{t "([^"]+)"(?! this)/g)) {
        const known = [key!, `${key}_one`].some((candidate) =>
          Object.hasOwn(MESSAGES.de, candidate),
        );
        if (!known) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("fill typed parameters and pick plural forms", () => {
    expect(say("de", "format.date", { day: "24", month: "11", year: "2026" })).toBe("24.11.2026");
    expect(say("en", "format.date", { day: "24", month: "11", year: "2026" })).toBe("2026-11-24");
    expect(say("de", "waitsFor", { count: 1, steps: "3" })).toBe("wartet auf Schritt 3");
    expect(say("en", "tasks", { count: 2 })).toBe("2 tasks");
    // A parameter value is inserted as it is, never read again for placeholders.
    expect(say("en", "cli.lint.clean", { checklist: "{checklist}" })).toBe(
      "{checklist}: no problems.",
    );
    expect(() => translate("de", "no.such.key")).toThrow(/no\.such\.key/);
  });
});

describe("code in src", () => {
  it("never chooses a text by comparing with a language code", () => {
    // ESLint (`no-restricted-syntax` in eslint.config.js) enforces this while editing; this is
    // the same rule for `npm test`, on the source text.
    const comparison =
      /(?:[!=]==?\s*["'](?:de|en)["'])|(?:["'](?:de|en)["']\s*[!=]==?)|case\s+["'](?:de|en)["']/;
    const offenders = listFiles(join(ROOT, "src"), ".ts").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (comparison.test(line) ? [`${file}:${index + 1}: ${line}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
