import { describe, expect, it } from "@jest/globals";
import { MESSAGES, translate } from "../../src/render/i18n.js";

describe("translate", () => {
  it("fills parameters and picks plural forms", () => {
    expect(translate("de", "waitsFor", { count: 1, steps: "3" })).toBe("wartet auf Schritt 3");
    expect(translate("de", "waitsFor", { count: 2, steps: "3, 4" })).toBe(
      "wartet auf die Schritte 3, 4",
    );
    expect(translate("en", "workingDays", { count: 0, days: "0" })).toBe("0 working days");
  });

  it("throws on an unknown key", () => {
    expect(() => translate("en", "nope")).toThrow(/nope/);
  });

  it("has the same keys and parameters in every language", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.de).sort());
    for (const [key, text] of Object.entries(MESSAGES.de)) {
      expect([key, params(MESSAGES.en[key as keyof typeof MESSAGES.en])]).toEqual([
        key,
        params(text),
      ]);
    }
  });
});
