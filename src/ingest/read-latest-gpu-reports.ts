import type { LatestGpuReport } from "../bot-pr/status-report-content.js";
import type { IngestPort } from "../github/github-api.js";
import { say, type Language } from "../render/i18n.js";
import { parseCommentState } from "./report-comment-state.js";

/**
 * The latest runner report per host on one issue, for the status report's GPU section: read back
 * from the sticky comments the bot wrote (their hidden state marker holds each host's runs,
 * newest first), so no other store is needed. Only the bot's own comments count.
 */
export async function readLatestGpuReports(
  port: Pick<IngestPort, "listComments">,
  issueNumber: number,
  botLogin: string,
  lang: Language,
): Promise<LatestGpuReport[]> {
  const comments = await port.listComments(issueNumber);
  const latest = new Map<string, LatestGpuReport>();
  for (const comment of comments) {
    if (comment.author.toLowerCase() !== botLogin.toLowerCase()) continue;
    const state = parseCommentState(comment.body);
    const run = state?.runs[0];
    if (!state || !run) continue;
    const report: LatestGpuReport = {
      host: state.host || say(lang, "gpu.latest.noHostname"),
      reportedAt: run.at,
      conclusion: run.status === "pass" ? "success" : run.status === "fail" ? "failure" : "neutral",
      summary: describeCounts(run.summary, lang),
      url: comment.htmlUrl || null,
    };
    const known = latest.get(state.host);
    if (!known || known.reportedAt < report.reportedAt) latest.set(state.host, report);
  }
  return [...latest.values()];
}

function describeCounts(
  summary: { pass: number; warn: number; fail: number; skip: number; unknown: number },
  lang: Language,
): string {
  return (["fail", "warn", "unknown", "pass", "skip"] as const)
    .filter((key) => summary[key] > 0)
    .map((key) => say(lang, `gpu.latest.${key}`, { count: summary[key] }))
    .join(", ");
}
