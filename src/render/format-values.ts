import { say, type Language } from "./i18n.js";

/** Shown for a missing date or number. */
export const MISSING_VALUE = "–";

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * A calendar date for humans: German `24.11.2026`, English ISO `2026-11-24`. Accepts `YYYY-MM-DD`
 * or an ISO timestamp (its date part as written, so a UTC `closed_at` shows the UTC day); anything
 * else, null included, becomes `–`.
 */
export function formatDate(value: unknown, lang: Language): string {
  if (typeof value !== "string") return MISSING_VALUE;
  const match = DATE_PREFIX.exec(value);
  if (!match) return MISSING_VALUE;
  const [, year, month, day] = match;
  return say(lang, "format.date", { day: day!, month: month!, year: year! });
}

/** A day without its year, for a timeline's axis: German `24.11.`, English `11-24`. */
export function formatShortDate(value: unknown, lang: Language): string {
  if (typeof value !== "string") return MISSING_VALUE;
  const match = DATE_PREFIX.exec(value);
  if (!match) return MISSING_VALUE;
  const [, , month, day] = match;
  return say(lang, "format.shortDate", { day: day!, month: month! });
}

/**
 * A number with at most two decimals and the language's decimal mark (`1,5` / `1.5`). Done by
 * hand rather than with `Intl` so output does not depend on the ICU data Node was built with.
 */
export function formatNumber(value: unknown, lang: Language): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return MISSING_VALUE;
  }
  const text = String(Math.round(value * 100) / 100);
  return text.replace(".", say(lang, "format.decimalMark"));
}

/**
 * A whole percentage: German `42 %` (with a no-break space, as German typesetting wants),
 * English `42%`.
 */
export function formatPercent(value: unknown, lang: Language): string {
  const number = formatNumber(value, lang);
  if (number === MISSING_VALUE) return number;
  return say(lang, "format.percent", { number });
}

/** A count of working days with its unit: `1 Arbeitstag`, `1,5 Arbeitstage`, `2 working days`. */
export function formatWorkingDays(value: unknown, lang: Language): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return MISSING_VALUE;
  }
  // `count` picks the plural form, `days` is the number as the language writes it.
  return say(lang, "workingDays", {
    count: value,
    days: formatNumber(value, lang),
  });
}

/**
 * A count with its noun in the right number: `1 Warnung`, `2 Warnungen`, `0 errors`. Both forms
 * are given by the caller (German plurals follow no rule a function could apply).
 */
export function formatCount(count: number, one: string, other: string, lang: Language): string {
  return `${formatNumber(count, lang)} ${count === 1 ? one : other}`;
}
