const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a real calendar date written as `YYYY-MM-DD` (`2026-02-30` is not): the one
 * check for due dates, delivery dates, holidays and the CLI's `--today`.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches that.
  return date.toISOString().slice(0, 10) === value;
}
