/** The fake's only source of time, so timestamps in answers are deterministic. */
export interface Clock {
  now(): Date;
}

/** A clock that stands still until a test moves it. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to a point in time. */
  set(time: Date | string): void;
}

/** The default start of a fake's clock. */
export const DEFAULT_START = "2025-01-06T09:00:00Z";

/** Creates a manual clock starting at `start` (default {@link DEFAULT_START}). */
export function createManualClock(start: Date | string = DEFAULT_START): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(time) {
      current = new Date(time).getTime();
    },
  };
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds (`2025-01-06T09:00:00Z`). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
