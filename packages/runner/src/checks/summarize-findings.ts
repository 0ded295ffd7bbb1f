import type { RemediationAction } from "@nova/protocol";
import { say, type CheckOutcome } from "./check-types.js";
import { ACTION_SEVERITY, remedy } from "./remediation.js";

/** One problem a check found; a check with several reports them together. */
export interface Finding {
  status: "warn" | "fail";
  action: RemediationAction;
  /** A runbook section more specific than the action's default. */
  runbook?: string;
  de: string;
  en: string;
}

/**
 * Several findings as one outcome: the worst status, every finding in the message, and the
 * most drastic action among the findings of that status.
 */
export function summarizeFindings(
  findings: readonly Finding[],
): Pick<CheckOutcome, "status" | "message" | "remediation"> {
  const status = findings.some((finding) => finding.status === "fail") ? "fail" : "warn";
  const relevant = findings.filter((finding) => finding.status === status);
  const worst = relevant.reduce((a, b) =>
    ACTION_SEVERITY.indexOf(b.action) > ACTION_SEVERITY.indexOf(a.action) ? b : a,
  );
  return {
    status,
    message: say(
      `${findings.map((finding) => finding.de).join("; ")}.`,
      `${findings.map((finding) => finding.en).join("; ")}.`,
    ),
    remediation: remedy(worst.action, worst.runbook),
  };
}
