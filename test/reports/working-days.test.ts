import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  addCalendarDays,
  addWorkingDays,
  advanceToWorkingDay,
  countWorkingDays,
  createWorkingDayCalendar,
  isWorkingDay,
} from "../../src/reports/working-days.js";

// 2026-11-20 is a Friday, 2026-11-23 a Monday.

describe("isWorkingDay", () => {
  it("is Monday to Friday except holidays", () => {
    expect(isWorkingDay("2026-11-20")).toBe(true);
    expect(isWorkingDay("2026-11-21")).toBe(false);
    expect(isWorkingDay("2026-11-22")).toBe(false);
    expect(isWorkingDay("2026-12-24", ["2026-12-24"])).toBe(false);
  });

  it("rejects a malformed date instead of guessing", () => {
    expect(() => isWorkingDay("2026-11-31")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend", () => {
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-23", 5)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-23", -1)).toBe("2026-11-20");
  });

  it("returns the date itself for zero, even on a weekend", () => {
    expect(addWorkingDays("2026-11-21", 0)).toBe("2026-11-21");
  });

  it("skips holidays", () => {
    const holidays = ["2026-12-24", "2026-12-25"];
    expect(addWorkingDays("2026-12-23", 1, holidays)).toBe("2026-12-28");
  });

  it("crosses month and year ends in UTC", () => {
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addWorkingDays("2027-01-01", 1)).toBe("2027-01-04");
  });

  it("rejects fractional counts", () => {
    expect(() => addWorkingDays("2026-11-23", 0.5)).toThrow(RangeError);
  });
});

describe("advanceToWorkingDay", () => {
  it("moves a weekend day to Monday and keeps a working day", () => {
    expect(advanceToWorkingDay("2026-11-21")).toBe("2026-11-23");
    expect(advanceToWorkingDay("2026-11-24")).toBe("2026-11-24");
    expect(advanceToWorkingDay("2026-12-24", ["2026-12-24", "2026-12-25"])).toBe("2026-12-28");
  });
});

describe("countWorkingDays", () => {
  it("counts the half-open range [from, to)", () => {
    expect(countWorkingDays("2026-11-23", "2026-11-28")).toBe(5);
    expect(countWorkingDays("2026-11-23", "2026-11-23")).toBe(0);
    expect(countWorkingDays("2026-11-20", "2026-11-23")).toBe(1);
    expect(countWorkingDays("2026-11-21", "2026-11-23")).toBe(0);
  });

  it("is negative when the range is reversed", () => {
    expect(countWorkingDays("2026-11-28", "2026-11-23")).toBe(-5);
  });

  it("leaves out holidays on working days only", () => {
    expect(countWorkingDays("2026-12-21", "2026-12-28", ["2026-12-24", "2026-12-26"])).toBe(4);
  });

  it("agrees with addWorkingDays over any range", () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((offset) => addCalendarDays("2025-01-01", offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (start, days) => {
        const from = advanceToWorkingDay(start);
        expect(countWorkingDays(from, addWorkingDays(from, days))).toBe(days);
      }),
    );
  });
});

describe("date formatting (day number to YYYY-MM-DD)", () => {
  it("agrees with Date#toISOString on every day of the years it matters for, and at the edges", () => {
    // 1900-2400 holds every leap-year rule (1900 no, 2000 yes, 2100 no, 2400 yes); years before
    // 0000 and after 9999 are written with a sign by toISOString.
    const ranges: Array<[number, number]> = [
      [-1, 1],
      [1900, 2400],
      [9998, 10001],
    ];
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
    const dayNumber = (year: number, month: number, date: number) =>
      new Date(0).setUTCFullYear(year, month, date) / 86_400_000;
    for (const [from, to] of ranges) {
      const end = dayNumber(to, 11, 31);
      for (let day = dayNumber(from, 0, 1); day <= end; day += 1) {
        const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const actual = addCalendarDays("1970-01-01", day);
        if (actual !== expected) expect(actual).toBe(expected);
      }
    }
  });

  it("lists working days in a calendar as addWorkingDays does", () => {
    const holidays = ["2026-12-24", "2026-12-25", "2027-01-01"];
    const dayAt = createWorkingDayCalendar("2026-11-24", holidays);
    for (let index = 0; index < 800; index++)
      expect(dayAt(index)).toBe(addWorkingDays("2026-11-24", index, holidays));
  });
});
