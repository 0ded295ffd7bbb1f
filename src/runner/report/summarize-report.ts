import type { CheckResult, CheckStatus, Summary } from "../report-schema.js";

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

export function summarizeChecks(checks: readonly CheckResult[]): Summary {
  const summary: Summary = { pass: 0, warn: 0, fail: 0, skip: 0, unknown: 0 };
  for (const check of checks) summary[check.status] += 1;
  return summary;
}

/** Exit codes of `nova-runner check`: 0 all pass, 1 warnings (or unknown), 2 a check failed. */
export function exitCodeFor(status: CheckStatus): 0 | 1 | 2 {
  if (status === "fail") return 2;
  if (status === "warn" || status === "unknown") return 1;
  return 0;
}
