/**
 * The runner's catalogs (packages/runner/src/text/) hold what nova-runner says outside the
 * sentences of one check. The compiler checks that `en` has every key of `de` and that `say`
 * gets every placeholder; these tests check what it cannot: no extra key in `en`, no empty text,
 * the same placeholders in both languages, and that no runner code tests the language.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLanguage, MESSAGES, say, sayEach, type Language } from "../src/text/say.js";

const SRC = new URL("../src/", import.meta.url).pathname;
const LANGUAGES = Object.keys(MESSAGES) as Language[];
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

describe("the runner's message catalogs", () => {
  it("are German and English", () => {
    expect(LANGUAGES.sort()).toEqual(["de", "en"]);
  });

  it("have the same keys in every language", () => {
    const keys = Object.keys(MESSAGES.de).sort();
    expect(keys.length).toBeGreaterThan(30);
    for (const lang of LANGUAGES)
      expect([lang, Object.keys(MESSAGES[lang]).sort()]).toEqual([lang, keys]);
  });

  it("have no empty text", () => {
    for (const lang of LANGUAGES) {
      const empty = Object.entries(MESSAGES[lang]).filter(([, text]) => text.trim() === "");
      expect([lang, empty]).toEqual([lang, []]);
    }
  });

  it("have the same placeholders in every language", () => {
    const differing = Object.entries(MESSAGES.de).flatMap(([key, text]) =>
      LANGUAGES.filter(
        (lang) =>
          placeholders(MESSAGES[lang][key as keyof typeof MESSAGES.de]).join() !==
          placeholders(text).join(),
      ).map((lang) => `${lang}.${key}`),
    );
    expect(differing).toEqual([]);
  });

  it("fill parameters once, and give both languages German first", () => {
    expect(say("en", "spoolEmpty", { dir: "/var/spool" })).toBe("The spool /var/spool is empty.");
    expect(say("de", "spoolEmpty", { dir: "{dir}" })).toBe("Der Spool {dir} ist leer.");
    expect(JSON.stringify(sayEach("statusFail"))).toBe('{"de":"FEHLER","en":"FAIL"}');
  });

  it("know their languages by lookup, nothing else", () => {
    expect(["de", "en", "fr", "", "DE", "toString", undefined].map(isLanguage)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("runner code", () => {
  it("never chooses a text by comparing with a language code", () => {
    // ESLint (`no-restricted-syntax` in eslint.config.js) enforces this while editing; this is
    // the same rule for `npm test`, on the source text.
    const comparison =
      /(?:[!=]==?\s*["'](?:de|en)["'])|(?:["'](?:de|en)["']\s*[!=]==?)|case\s+["'](?:de|en)["']/;
    const offenders = readdirSync(SRC, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => join(entry.parentPath, entry.name))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, index) =>
            comparison.test(line) ? [`${file}:${index + 1}: ${line}`] : [],
          ),
      );
    expect(offenders).toEqual([]);
  });
});
