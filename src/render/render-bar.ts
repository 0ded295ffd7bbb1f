/**
 * A text progress bar of `width` cells: `█` for done, `░` for the rest. Rounded down like the
 * percentage, so the bar is full only at 100. Out-of-range input is clamped to 0..100.
 */
export function renderBar(percent: number, width = 20): string {
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`Bar width must be a positive integer: ${width}`);
  }
  const clamped = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
  const filled = Math.floor((clamped * width) / 100);
  return "█".repeat(filled) + "░".repeat(width - filled);
}
