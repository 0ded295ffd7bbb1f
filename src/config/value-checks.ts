import { parseCron } from "./cron-schedule.js";
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

/**
 * Whether `expression` is a classic five-field cron expression (minute hour day-of-month month
 * day-of-week) with every value in range: `*`, numbers, `a-b` ranges, `/n` steps, comma lists
 * and the English month and day abbreviations. Macros such as `@daily` and a seconds field are
 * not accepted, so the schedule means the same to every cron implementation. The scheduler's own
 * parser decides, so what the schema accepts is exactly what runs.
 */
export function isCronExpression(expression: string): boolean {
  try {
    parseCron(expression);
    return true;
  } catch {
    return false;
  }
}

/** Collapses runs of whitespace, so `0  6 * * 1-5` is stored as `0 6 * * 1-5`. */
export function normalizeCronExpression(expression: string): string {
  return expression.trim().split(/\s+/).join(" ");
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
