import { describe, expect, it } from "@jest/globals";
import { isIsoDate } from "../../src/checklist/iso-date.js";

describe("isIsoDate", () => {
  it("accepts real dates and rejects impossible or malformed ones", () => {
    expect(isIsoDate("2026-11-24")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("24.11.2026")).toBe(false);
    expect(isIsoDate("2026-11-24T00:00:00Z")).toBe(false);
  });
});
