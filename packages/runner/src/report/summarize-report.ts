import type { CheckResult, CheckStatus, Summary } from "@nova/protocol";

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
