import { describe, expect, it } from "@jest/globals";
import {
  formatCount,
  formatDate,
  formatNumber,
  formatPercent,
  formatWorkingDays,
} from "../../src/render/format-values.js";

describe("format values", () => {
  it("writes a count with the singular only for exactly one", () => {
    expect(formatCount(1, "Warnung", "Warnungen", "de")).toBe("1 Warnung");
    expect(formatCount(0, "Warnung", "Warnungen", "de")).toBe("0 Warnungen");
    expect(formatCount(2, "error", "errors", "en")).toBe("2 errors");
    expect(formatCount(1, "error", "errors", "en")).toBe("1 error");
  });

  it("writes dates the German and the English way", () => {
    expect(formatDate("2026-11-24", "de")).toBe("24.11.2026");
    expect(formatDate("2026-11-24", "en")).toBe("2026-11-24");
    expect(formatDate("2026-11-24T23:30:00Z", "de")).toBe("24.11.2026");
    expect(formatDate(null, "de")).toBe("–");
    expect(formatDate("morgen", "en")).toBe("–");
  });

  it("uses the language's decimal mark", () => {
    expect(formatNumber(1.25, "de")).toBe("1,25");
    expect(formatNumber(1 / 3, "en")).toBe("0.33");
    expect(formatPercent(7, "de")).toBe("7\u00A0%");
    expect(formatPercent(7, "en")).toBe("7%");
  });

  it("counts working days with singular and plural", () => {
    expect(formatWorkingDays(1, "de")).toBe("1 Arbeitstag");
    expect(formatWorkingDays(0.5, "de")).toBe("0,5 Arbeitstage");
    expect(formatWorkingDays(3, "en")).toBe("3 working days");
    expect(formatWorkingDays(undefined, "en")).toBe("–");
  });
});
