/**
 * `status.schedule`: a classic five-field cron expression (minute hour day-of-month month
 * day-of-week), matched against the wall clock of `status.timezone`. Pure; the configuration
 * schema has already checked the expression (`isCronExpression`).
 *
 * Daylight saving time follows the wall clock: `0 6 * * 1-5` in Europe/Berlin is 05:00 UTC in
 * winter and 04:00 UTC in summer. A minute the clock skips (02:30 on the last Sunday of March) is
 * not run that day; a minute the clock repeats (02:30 on the last Sunday of October) is one
 * wall-clock minute and runs once (the scheduler remembers the minute it last ran, by `key`).
 */

const MONTH_NAMES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

interface FieldSpec {
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 7, names: DAY_NAMES },
];

/** A parsed expression: the values each field allows. */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (a 7 in the expression is Sunday too). */
  daysOfWeek: ReadonlySet<number>;
  /**
   * Both day fields are restricted (neither starts with `*`): cron then runs on days matching
   * EITHER of them, as every cron since Vixie's does; otherwise days must match both.
   */
  eitherDay: boolean;
}

/** A minute on the wall clock of a time zone. */
export interface LocalMinute {
  /** `YYYY-MM-DD` */
  date: string;
  /** `YYYY-MM-DDTHH:MM`: the same for both passes through a repeated (autumn) hour. */
  key: string;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export class CronError extends Error {
  constructor(expression: string) {
    super(`not a five-field cron expression: "${expression}"`);
    this.name = "CronError";
  }
}

/** Parses a five-field expression (`*`, numbers, names, `a-b`, `/n` steps, comma lists). */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) throw new CronError(expression);
  const sets = fields.map((field, index) => parseField(field, FIELDS[index]!, expression));
  const weekdays = new Set([...sets[4]!].map((day) => day % 7));
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    daysOfMonth: sets[2]!,
    months: sets[3]!,
    daysOfWeek: weekdays,
    eitherDay: !fields[2]!.startsWith("*") && !fields[4]!.startsWith("*"),
  };
}

/** Whether the schedule runs at this wall-clock minute. */
export function matchesCron(schedule: CronSchedule, at: LocalMinute): boolean {
  if (!schedule.minutes.has(at.minute) || !schedule.hours.has(at.hour)) return false;
  if (!schedule.months.has(at.month)) return false;
  const dayOfMonth = schedule.daysOfMonth.has(at.day);
  const dayOfWeek = schedule.daysOfWeek.has(at.weekday);
  return schedule.eitherDay ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock minute of an instant (ms since the epoch) in an IANA time zone. */
export function toLocalMinute(instant: number, timeZone: string): LocalMinute {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const year = parts.get("year") ?? "0000";
  const month = parts.get("month") ?? "01";
  const day = parts.get("day") ?? "01";
  const hour = parts.get("hour") ?? "00";
  const minute = parts.get("minute") ?? "00";
  const date = `${year}-${month}-${day}`;
  return {
    date,
    key: `${date}T${hour}:${minute}`,
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    weekday: DAY_NAMES.indexOf((parts.get("weekday") ?? "Sun").toLowerCase()),
  };
}

/**
 * The last wall-clock minute in `(after, upTo]` (instants in ms) at which the schedule runs, or
 * null. Minutes start on whole UTC minutes, which are whole local minutes in every zone in use.
 */
export function findDueMinute(
  schedule: CronSchedule,
  timeZone: string,
  after: number,
  upTo: number,
): LocalMinute | null {
  const first = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let instant = Math.floor(upTo / 60_000) * 60_000; instant >= first; instant -= 60_000) {
    const local = toLocalMinute(instant, timeZone);
    if (matchesCron(schedule, local)) return local;
  }
  return null;
}

function parseField(field: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(",")) {
    const [range, stepText, extra] = item.split("/");
    if (range === undefined || extra !== undefined) throw new CronError(expression);
    const step = stepText === undefined ? 1 : readNumber(stepText, { min: 1, max: spec.max });
    if (step === undefined) throw new CronError(expression);
    let start = spec.min;
    let end = spec.max;
    if (range !== "*") {
      const [from, to, beyond] = range.split("-");
      const low = from === undefined ? undefined : readNumber(from, spec);
      if (low === undefined || beyond !== undefined) throw new CronError(expression);
      start = low;
      // `5/10` means from 5 to the end in steps of 10; `5` alone is just 5.
      end = to !== undefined ? (readNumber(to, spec) ?? -1) : stepText === undefined ? low : end;
      if (end < start) throw new CronError(expression);
    }
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

function readNumber(text: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  // Month names count from 1 (jan = 1), day names from 0 (sun = 0).
  if (named >= 0) return named + spec.min;
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}
