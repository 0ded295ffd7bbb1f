/** One line of a PSI file: the share of time tasks stalled, over 10 s, 60 s and 300 s. */
export interface PressureLine {
  avg10: number;
  avg60: number;
  avg300: number;
  totalUs: number;
}

/**
 * `/proc/pressure/memory` (pressure stall information): `some` is the share of time at least
 * one task waited for memory, `full` the share when all did. `full` is null on kernels that
 * only report `some`.
 */
export function parsePressure(
  text: string,
): { some: PressureLine; full: PressureLine | null } | null {
  const lines: Partial<Record<"some" | "full", PressureLine>> = {};
  for (const line of text.split(/\r?\n/)) {
    const match =
      /^(some|full)\s+avg10=([\d.]+)\s+avg60=([\d.]+)\s+avg300=([\d.]+)\s+total=(\d+)/.exec(line);
    if (match === null) continue;
    lines[match[1] as "some" | "full"] = {
      avg10: Number(match[2]),
      avg60: Number(match[3]),
      avg300: Number(match[4]),
      totalUs: Number(match[5]),
    };
  }
  return lines.some === undefined ? null : { some: lines.some, full: lines.full ?? null };
}
