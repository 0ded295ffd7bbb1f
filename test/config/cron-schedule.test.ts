import { describe, expect, it } from "@jest/globals";
import {
  CronError,
  findDueMinute,
  matchesCron,
  parseCron,
  toLocalMinute,
} from "../../src/config/cron-schedule.js";

const BERLIN = "Europe/Berlin";
const at = (iso: string) => Date.parse(iso);

/** Every instant (UTC, whole minutes) in [from, to) at which the schedule runs in `zone`. */
function runs(expression: string, zone: string, from: string, to: string): string[] {
  const schedule = parseCron(expression);
  const found: string[] = [];
  for (let instant = at(from); instant < at(to); instant += 60_000) {
    if (matchesCron(schedule, toLocalMinute(instant, zone))) {
      found.push(new Date(instant).toISOString().replace(":00.000Z", "Z"));
    }
  }
  return found;
}

describe("parseCron", () => {
  it("expands *, lists, ranges, steps and names", () => {
    const schedule = parseCron("*/20 6,18 1-3 jan-mar,dec mon-fri");
    expect([...schedule.minutes]).toEqual([0, 20, 40]);
    expect([...schedule.hours]).toEqual([6, 18]);
    expect([...schedule.daysOfMonth]).toEqual([1, 2, 3]);
    expect([...schedule.months]).toEqual([1, 2, 3, 12]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect(schedule.eitherDay).toBe(true);
  });

  it("reads 7 as Sunday, `a/n` as a through the end, and extra spaces", () => {
    const schedule = parseCron("  5/20   0  *  *  7 ");
    expect([...schedule.minutes]).toEqual([5, 25, 45]);
    expect([...schedule.daysOfWeek]).toEqual([0]);
    expect(schedule.eitherDay).toBe(false);
  });

  it("refuses what the configuration would refuse", () => {
    for (const bad of [
      "0 6 * *",
      "60 * * * *",
      "0 6 * * 1-",
      "@daily",
      "0 6 5-1 * *",
      "*/0 * * * *",
    ]) {
      expect(() => parseCron(bad)).toThrow(CronError);
    }
  });
});

describe("the default schedule `0 6 * * 1-5` in Europe/Berlin", () => {
  it("runs at 06:00 on weekdays: 05:00 UTC in winter", () => {
    // Monday 6 January 2025 to Monday 13 January: five runs, none at the weekend.
    expect(runs("0 6 * * 1-5", BERLIN, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toEqual([
      "2025-01-06T05:00Z",
      "2025-01-07T05:00Z",
      "2025-01-08T05:00Z",
      "2025-01-09T05:00Z",
      "2025-01-10T05:00Z",
    ]);
  });

  it("follows the wall clock across the spring change (30 March 2025): 04:00 UTC after it", () => {
    expect(runs("0 6 * * *", BERLIN, "2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z")).toEqual([
      "2025-03-29T05:00Z",
      "2025-03-30T04:00Z",
      "2025-03-31T04:00Z",
    ]);
  });

  it("follows the wall clock across the autumn change (26 October 2025): 05:00 UTC after it", () => {
    expect(runs("0 6 * * *", BERLIN, "2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z")).toEqual([
      "2025-10-25T04:00Z",
      "2025-10-26T05:00Z",
      "2025-10-27T05:00Z",
    ]);
  });

  it("skips a minute the spring change skips, and sees a repeated autumn minute twice as one key", () => {
    // 02:30 does not exist on 30 March 2025 in Berlin.
    expect(runs("30 2 * * *", BERLIN, "2025-03-30T00:00:00Z", "2025-03-31T00:00:00Z")).toEqual([]);
    // 02:30 happens twice on 26 October 2025 (CEST, then CET): the same wall-clock key.
    const twice = runs("30 2 * * *", BERLIN, "2025-10-26T00:00:00Z", "2025-10-27T00:00:00Z");
    expect(twice).toEqual(["2025-10-26T00:30Z", "2025-10-26T01:30Z"]);
    const keys = twice.map((iso) => toLocalMinute(at(iso), BERLIN).key);
    expect(new Set(keys)).toEqual(new Set(["2025-10-26T02:30"]));
  });
});

describe("day of month and day of week", () => {
  it("both restricted: either matches (cron's rule)", () => {
    // The 1st of the month OR a Monday, at noon UTC, in the first week of September 2025.
    expect(runs("0 12 1 * mon", "UTC", "2025-08-31T00:00:00Z", "2025-09-09T00:00:00Z")).toEqual([
      "2025-09-01T12:00Z",
      "2025-09-08T12:00Z",
    ]);
    expect(runs("0 12 2 * mon", "UTC", "2025-08-31T00:00:00Z", "2025-09-09T00:00:00Z")).toEqual([
      "2025-09-01T12:00Z",
      "2025-09-02T12:00Z",
      "2025-09-08T12:00Z",
    ]);
  });

  it("one of them `*`: both must match", () => {
    expect(runs("0 12 * * mon", "UTC", "2025-08-31T00:00:00Z", "2025-09-09T00:00:00Z")).toEqual([
      "2025-09-01T12:00Z",
      "2025-09-08T12:00Z",
    ]);
  });
});

describe("findDueMinute", () => {
  const schedule = parseCron("0 6 * * 1-5");

  it("finds the scheduled minute in (after, upTo]", () => {
    const due = findDueMinute(
      schedule,
      BERLIN,
      at("2025-01-06T04:59:30Z"),
      at("2025-01-06T05:00:10Z"),
    );
    expect(due?.key).toBe("2025-01-06T06:00");
    expect(due?.date).toBe("2025-01-06");
  });

  it("finds nothing when the minute lies at or before `after`, or on a weekend", () => {
    expect(
      findDueMinute(schedule, BERLIN, at("2025-01-06T05:00:00Z"), at("2025-01-06T05:00:59Z")),
    ).toBeNull();
    expect(
      findDueMinute(schedule, BERLIN, at("2025-01-04T04:00:00Z"), at("2025-01-04T06:00:00Z")),
    ).toBeNull();
  });

  it("catches up a missed minute within the window", () => {
    const due = findDueMinute(
      schedule,
      BERLIN,
      at("2025-01-06T04:30:00Z"),
      at("2025-01-06T05:20:00Z"),
    );
    expect(due?.key).toBe("2025-01-06T06:00");
  });
});
