import type { Plan } from "../checklist/types.js";
import type { ObservedIssue } from "../github/vocabulary.js";

/**
 * What a sync read and left behind: the plan it parsed and Nova's issues as they are after its
 * writes. The board after a sync works from this instead of reading the checklist and listing
 * the issues again (docs/board.md, "Reads").
 */
export interface SyncObservation {
  plan: Plan;
  /** The issue listing (the plan label, all states), each issue as the sync's writes left it. */
  issues: readonly ObservedIssue[];
  /** When the listing was read, in `takeObservationTick` order (not a clock). */
  tick: number;
}

let lastTick = 0;

/**
 * A process-wide order of issue observations and of events that may change issues: an
 * observation older than an event is stale. A counter, not a clock, so injected test clocks and
 * equal milliseconds cannot reorder them.
 */
export function takeObservationTick(): number {
  lastTick += 1;
  return lastTick;
}

/** The listing with each issue the sync wrote replaced by GitHub's answer to that write. */
export function mergeObservedIssues(
  listed: readonly ObservedIssue[],
  written: Iterable<readonly ObservedIssue[]>,
): ObservedIssue[] {
  const byNumber = new Map(listed.map((issue) => [issue.number, issue]));
  for (const issues of written) for (const issue of issues) byNumber.set(issue.number, issue);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
