/**
 * Checks for the values of `.github/nova.yml` that a regular expression alone cannot judge:
 * repository paths, intervals, cron expressions and time zones. Pure; the schema uses them.
 */

/** A GitHub user or organisation login (GitHub's own rule: 1–39 characters, single inner hyphens). */
export const GITHUB_LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** GitHub and most file systems stop at 255 characters for a path; longer is a mistake. */
export const MAX_REPOSITORY_PATH_LENGTH = 255;

/**
 * Whether `path` names a file inside the repository: relative, forward slashes, no `..`
 * segment, no control characters. Such a path can go into a contents API URL as it is.
 */
export function isRepositoryPath(path: string): boolean {
  if (path === "" || path.length > MAX_REPOSITORY_PATH_LENGTH) return false;
  // A NUL or other control character cannot be part of a Git path that people write.
  if (/\p{Cc}/u.test(path)) return false;
  if (path.includes("\\")) return false;
  // "/docs/plan.md" and "C:/plan.md" are absolute.
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return false;
  const segments = path.split("/");
  // The last segment names the file, so it cannot be "." either.
  return segments.every((segment) => segment !== "" && segment !== "..") && segments.at(-1) !== ".";
}

/** Drops `.` segments, so `./docs/plan.md` and `docs/./plan.md` both become `docs/plan.md`. */
export function normalizeRepositoryPath(path: string): string {
  return path
    .split("/")
    .filter((segment) => segment !== ".")
    .join("/");
}

const INTERVAL_PATTERN = /^(\d{1,5})(m|h|d)$/;
const MS_PER_UNIT: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The shortest reconcile interval: a full reconcile reads every issue, so not more often. */
export const MIN_INTERVAL_MS = 15 * 60_000;
/** The longest: a week; beyond that a drift would go unnoticed for too long to be useful. */
export const MAX_INTERVAL_MS = 7 * 86_400_000;

/**
 * Parses an interval such as `30m`, `6h` or `1d` into milliseconds; undefined when the text is
 * not one number followed by `m`, `h` or `d`. Range checks are the caller's.
 */
export function parseInterval(text: string): number | undefined {
  const match = INTERVAL_PATTERN.exec(text.trim());
  const amount = match?.[1];
  const unit = match?.[2];
  if (amount === undefined || unit === undefined) return undefined;
  return Number(amount) * (MS_PER_UNIT[unit] ?? 0);
}

interface CronField {
  min: number;
  max: number;
  names?: readonly string[];
}

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

/** Minute, hour, day of month, month (1–12 or jan–dec), day of week (0–7, 0 and 7 are Sunday). */
const CRON_FIELDS: readonly CronField[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 7, names: DAY_NAMES },
];

/**
 * Whether `expression` is a classic five-field cron expression (minute hour day-of-month month
 * day-of-week) with every value in range: `*`, numbers, `a-b` ranges, `/n` steps, comma lists
 * and the English month and day abbreviations. Macros such as `@daily` and a seconds field are
 * not accepted, so the schedule means the same to every cron implementation.
 */
export function isCronExpression(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS.length) return false;
  return fields.every((field, index) => {
    const spec = CRON_FIELDS[index];
    return spec !== undefined && field.split(",").every((item) => isCronItem(item, spec));
  });
}

/** Collapses runs of whitespace, so `0  6 * * 1-5` is stored as `0 6 * * 1-5`. */
export function normalizeCronExpression(expression: string): string {
  return expression.trim().split(/\s+/).join(" ");
}

function isCronItem(item: string, spec: CronField): boolean {
  const [range, step, extra] = item.split("/");
  if (range === undefined || extra !== undefined) return false;
  if (step !== undefined) {
    const every = readCronNumber(step, { min: 1, max: spec.max });
    if (every === undefined) return false;
  }
  if (range === "*") return true;
  const [from, to, beyond] = range.split("-");
  if (from === undefined || beyond !== undefined) return false;
  const start = readCronNumber(from, spec);
  if (start === undefined) return false;
  if (to === undefined) return true;
  const end = readCronNumber(to, spec);
  return end !== undefined && start <= end;
}

function readCronNumber(text: string, spec: CronField): number | undefined {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  // Month names count from 1 (jan = 1), day names from 0 (sun = 0).
  if (named >= 0) return named + spec.min;
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}

/**
 * The canonical spelling of an IANA time zone (`europe/berlin` → `Europe/Berlin`), or undefined
 * when this Node.js does not know the zone. `Intl.DateTimeFormat` is the judge, because it is
 * what formats the dates later.
 */
export function normalizeTimeZone(zone: string): string | undefined {
  if (zone === "" || zone.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
