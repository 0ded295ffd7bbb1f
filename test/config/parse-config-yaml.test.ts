import { describe, expect, it } from "@jest/globals";
import { parseConfig, UnreadableConfig } from "../../src/config/parse-config.js";
import {
  MAX_CONFIG_BYTES,
  parseConfigBytes,
  parseConfigText,
} from "../../src/config/parse-config-yaml.js";

const refused = (text: string) => {
  const result = parseConfigText(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.problem;
};

describe("parseConfigText", () => {
  it("reads a real configuration", () => {
    expect(parseConfigText("language: en\nsync:\n  reconcile: 2h\n")).toEqual({
      ok: true,
      value: { language: "en", sync: { reconcile: "2h" } },
    });
  });

  it("gives line and column for a syntax error", () => {
    const problem = refused("language: en\nsync:\n  reconcile: [1h\n");
    expect(problem.messages.en).toMatch(/^is not valid YAML: /);
    expect(problem.line).toBeGreaterThan(0);
    expect(problem.column).toBeGreaterThan(0);
  });

  it("refuses what no real file needs, before parsing", () => {
    expect(refused(`a: ${"[".repeat(5000)}${"]".repeat(5000)}`).messages.en).toMatch(/nests more/);
    expect(
      refused(Array.from({ length: 3000 }, (_, i) => `k${i}: 1`).join("\n")).messages.en,
    ).toMatch(/more than 2000 keys/);
    expect(
      refused("a: &a [1]\n" + Array.from({ length: 60 }, (_, i) => `b${i}: *a`).join("\n")).messages
        .en,
    ).toMatch(/aliases/);
    expect(refused("\u0000\u0001").messages.en).toMatch(/control characters/);
    expect(refused(`a: ${"x".repeat(MAX_CONFIG_BYTES)}`).messages.en).toMatch(/longer than/);
  });

  it("refuses bytes that are too many or not UTF-8", () => {
    expect(parseConfigBytes(new Uint8Array(MAX_CONFIG_BYTES + 1)).ok).toBe(false);
    const bad = parseConfigBytes(new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]));
    expect(bad.ok ? "" : bad.problem.messages.en).toBe("is not UTF-8 text");
  });

  it("keeps a __proto__ key a key, and parseConfig names it", () => {
    const result = parseConfigText("__proto__:\n  language: en\n");
    expect(result.ok).toBe(true);
    const value = result.ok ? result.value : null;
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    const parsed = parseConfig(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]?.message).toMatch(/`__proto__`.*not allowed/);
      expect(parsed.problems[0]?.message).not.toMatch(/found: a mapping/);
    }
  });

  it("parseConfig passes an unreadable file's problems on", () => {
    const problems = [
      { path: "", message: "The file x.", messages: { en: "The file x.", de: "Die Datei x." } },
    ];
    expect(parseConfig(new UnreadableConfig(problems))).toEqual({ ok: false, problems });
  });
});
