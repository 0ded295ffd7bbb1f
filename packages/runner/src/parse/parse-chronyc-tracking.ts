/** What `chronyc tracking` says about the clock. */
export interface ChronyTracking {
  /** Offset of the system clock from NTP time in seconds; positive when the clock is fast. */
  offsetSeconds: number | null;
  leapStatus: string | null;
  referenceId: string | null;
}

/** Parses `chronyc tracking` (`System time : 0.000012345 seconds slow of NTP time`, …). */
export function parseChronycTracking(text: string): ChronyTracking {
  const field = (name: string): string | null =>
    new RegExp(`^${name}\\s*:\\s*(.*)$`, "m").exec(text)?.[1]?.trim() ?? null;
  const system = /^([\d.]+) seconds (fast|slow) of NTP time/.exec(field("System time") ?? "");
  return {
    offsetSeconds: system === null ? null : Number(system[1]) * (system[2] === "fast" ? 1 : -1),
    leapStatus: field("Leap status"),
    referenceId: field("Reference ID"),
  };
}
