/**
 * The words and icons of a published GPU report: check statuses, remediation actions, counts
 * (the words are the catalog's `gpu.*`). Whole sentences are in the templates
 * (`templates/<lang>/gpu-*.hbs`).
 */
import { say, type Language } from "../render/i18n.js";
import type { CheckStatus, RemediationAction } from "@nova/protocol";

export const STATUS_ICONS: Readonly<Record<CheckStatus, string>> = {
  pass: "✅",
  warn: "⚠️",
  fail: "❌",
  skip: "⏭️",
  unknown: "❔",
};

/** A check status in words (`Warnung` / `warning`). */
export function renderStatusWord(status: CheckStatus, lang: Language): string {
  return say(lang, `gpu.status.${status}`);
}

/** A remediation action in words (`GPU zurücksetzen` / `Reset the GPU`). */
export function renderActionWords(action: RemediationAction, lang: Language): string {
  return say(lang, `gpu.action.${action}`);
}

/** Statuses worst first, as counts are listed. */
const COUNT_ORDER: readonly CheckStatus[] = ["fail", "unknown", "warn", "pass", "skip"];

/** "2 Fehler, 1 Warnung, 11 OK": the counts that are not zero, worst first ("" when all are). */
export function formatCounts(
  summary: Readonly<Record<CheckStatus, number>>,
  lang: Language,
): string {
  return COUNT_ORDER.filter((status) => summary[status] > 0)
    .map((status) => say(lang, `gpu.count.${status}`, { count: summary[status] }))
    .join(", ");
}

/** The check run's conclusion for a report's status: warnings (and undecided checks) are neutral. */
export function conclusionFor(status: CheckStatus): "success" | "neutral" | "failure" {
  if (status === "fail") return "failure";
  if (status === "pass") return "success";
  return "neutral";
}

/** The board's `GPU-Check` option for a status: only pass and fail are themselves. */
export function boardValueFor(status: CheckStatus): "pass" | "warn" | "fail" {
  if (status === "fail") return "fail";
  if (status === "pass") return "pass";
  return "warn";
}
