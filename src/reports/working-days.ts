/**
 * Working-day arithmetic on `YYYY-MM-DD` strings.
 *
 * Dates are calendar days, not instants: everything is computed on UTC day numbers, so the
 * result never depends on the machine's time zone or on daylight-saving changes. A working day
 * is Monday to Friday and not in the optional holiday list.
 */

import { isIsoDate } from "../checklist/iso-date.js";

const MS_PER_DAY = 86_400_000;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** Holidays as `YYYY-MM-DD` strings; they are skipped like weekends. */
export type Holidays = readonly string[];

/** Days since 1970-01-01 for a validated `YYYY-MM-DD` string. */
function toDayNumber(date: string): number {
  if (!isIsoDate(date)) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

/**
 * The `YYYY-MM-DD` date of a day number, by Howard Hinnant's `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days): a schedule formats
 * thousands of days, and a `Date` plus `toISOString` per day was a visible share of the step
 * plan. Years outside 0000-9999 (which `toISOString` writes with a sign) take the `Date` path.
 */
function fromDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`;
}

function isWorkingDayNumber(day: number, holidays: ReadonlySet<string>): boolean {
  // 1970-01-01 was a Thursday, so (day + 4) mod 7 gives 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return holidays.size === 0 || !holidays.has(fromDayNumber(day));
}

function toHolidaySet(holidays: Holidays | undefined): ReadonlySet<string> {
  if (!holidays || holidays.length === 0) return NO_HOLIDAYS;
  for (const holiday of holidays) toDayNumber(holiday);
  return new Set(holidays);
}

/** Whether `date` is Monday to Friday and not a holiday. */
export function isWorkingDay(date: string, holidays?: Holidays): boolean {
  return isWorkingDayNumber(toDayNumber(date), toHolidaySet(holidays));
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Calendar days must be an integer: ${days}`);
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` itself when it is a working day, else the next working day after it.
 */
export function advanceToWorkingDay(date: string, holidays?: Holidays): string {
  const set = toHolidaySet(holidays);
  let day = toDayNumber(date);
  while (!isWorkingDayNumber(day, set)) day += 1;
  return fromDayNumber(day);
}

/**
 * The `days`-th working day after `date` (before it for a negative count); `date` itself for 0,
 * even on a weekend. `addWorkingDays("2026-11-20", 1)` (a Friday) is `"2026-11-23"` (Monday).
 */
export function addWorkingDays(date: string, days: number, holidays?: Holidays): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Working days must be an integer: ${days}`);
  }
  const set = toHolidaySet(holidays);
  let day = toDayNumber(date);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0;) {
    day += step;
    if (isWorkingDayNumber(day, set)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The working days from `start` (a working day) on, looked up by index: `dayAt(0)` is `start`,
 * `dayAt(n)` is `addWorkingDays(start, n, holidays)`. A schedule looks up every day up to its end
 * (10,000 chained tasks: some 20,000 days); walking day numbers once and caching the strings
 * costs O(days) instead of a date parse and format per `addWorkingDays` call.
 */
export function createWorkingDayCalendar(
  start: string,
  holidays?: Holidays,
): (index: number) => string {
  const set = toHolidaySet(holidays);
  const dates: string[] = [start];
  let day = toDayNumber(start);
  return (index) => {
    while (dates.length <= index) {
      day += 1;
      while (!isWorkingDayNumber(day, set)) day += 1;
      dates.push(fromDayNumber(day));
    }
    return dates[index] ?? start;
  };
}

/**
 * The number of working days in the half-open range `[from, to)`: `from` counts, `to` does not
 * (the convention of numpy's `busday_count`). Negative when `to` is before `from`, so
 * `countWorkingDays(a, b) === -countWorkingDays(b, a)`. For "from today through the delivery
 * day", pass `addCalendarDays(delivery, 1)` as `to`.
 */
export function countWorkingDays(from: string, to: string, holidays?: Holidays): number {
  const set = toHolidaySet(holidays);
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return -countWorkingDays(to, from, holidays);
  // Whole weeks contribute five weekdays each; only the remainder needs a day-by-day walk.
  const weeks = Math.floor((end - start) / 7);
  let count = weeks * 5;
  for (let day = start + weeks * 7; day < end; day += 1) {
    if (isWorkingDayNumber(day, NO_HOLIDAYS)) count += 1;
  }
  for (const holiday of set) {
    const day = toDayNumber(holiday);
    if (day >= start && day < end && isWorkingDayNumber(day, NO_HOLIDAYS)) {
      count -= 1;
    }
  }
  return count;
}

/** `YYYY-MM-DD` of an instant in an IANA time zone (the Swedish locale writes dates that way). */
export function formatDateInZone(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone }).format(new Date(instant));
}

/** Without a `delivery` date, reports plan towards this many working days after today. */
export const DEFAULT_DELIVERY_WORKING_DAYS = 10;

/** The delivery date reports use: the configured one, else 10 working days after `today`. */
export function resolveDelivery(
  today: string,
  delivery: string | null | undefined,
  holidays?: Holidays,
): string {
  return delivery ?? addWorkingDays(today, DEFAULT_DELIVERY_WORKING_DAYS, holidays);
}
