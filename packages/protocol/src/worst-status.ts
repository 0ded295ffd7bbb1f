import type { CheckStatus } from "./report-schema.js";

/**
 * Worse statuses rank higher; the report's status is the worst check's. A skipped check is not
 * worse than a passed one (it says nothing), so passes and skips make a pass, and only a run
 * that skipped everything is `skip`.
 */
const RANK: Readonly<Record<CheckStatus, number>> = {
  skip: 0,
  pass: 1,
  warn: 2,
  unknown: 3,
  fail: 4,
};

export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = "skip";
  for (const status of statuses) if (RANK[status] > RANK[worst]) worst = status;
  return worst;
}
