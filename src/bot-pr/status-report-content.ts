import { createHash } from "node:crypto";
import { parseStatusReportDigest, renderStatusReportMarker } from "../github/hidden-markers.js";
import type { Plan } from "../checklist/types.js";
import type { NovaConfig } from "../config/schema.js";
import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import { resolveTaskStatus, type LiveState } from "../reports/live-state.js";
import { computeProgress } from "../reports/progress.js";
import { renderProgress, renderSummary } from "../reports/render-report-markdown.js";
import { computeStepPlan } from "../reports/step-plan.js";
import { computeSummary } from "../reports/summary.js";
import { resolveDelivery } from "../reports/working-days.js";
import { gitBlobSha } from "./git-blob-sha.js";

/**
 * The latest GPU check of one host, as the status report shows it. Nothing produces these yet:
 * runner reports arrive with the ingest issue, which passes `readGpuReports` to the bot-PR
 * service. Until then the section is left out (never filled with made-up data).
 */
export interface LatestGpuReport {
  host: string;
  /** When the runner reported, ISO 8601. */
  reportedAt: string;
  conclusion: "success" | "failure" | "neutral";
  /** One line, e.g. "2 warnings: driver 580.82 is older than the recommended 580.95". */
  summary: string;
  /** The check run or comment that holds the full report. */
  url: string | null;
}

/** One day's report, ready to commit. */
export interface StatusReportDraft {
  /** `YYYY-MM-DD` in `status.timezone`. */
  date: string;
  text: string;
  /**
   * What the report says, without what changes by the day alone (dates, working days left):
   * two days with the same digest are "a day without change".
   */
  digest: string;
  /** The git blob sha of `text`. */
  blobSha: string;
  progress: { done: number; total: number; percent: number };
}

export interface StatusReportInput {
  plan: Plan;
  live: LiveState;
  config: Pick<NovaConfig, "language" | "delivery" | "holidays" | "status">;
  /** `YYYY-MM-DD` in `status.timezone`. */
  today: string;
  gpuReports: readonly LatestGpuReport[];
}

/** Without `delivery:` in nova.yml the plan's own promise applies: about two weeks. */

/**
 * The report of one day: the summary (`status.limit` entries), progress, the next steps of the
 * step plan and, once runner reports exist, the latest GPU report per host, rendered from
 * `templates/<lang>/status-report.hbs`. Pure for a given input.
 */
export function buildStatusReport(
  input: StatusReportInput,
  renderer: Renderer = readSharedRenderer(),
): StatusReportDraft {
  const { plan, live, config, today } = input;
  const lang = config.language;
  const delivery = resolveDelivery(today, config.delivery, config.holidays);
  const dates = { today, delivery, live, holidays: config.holidays };
  const summary = computeSummary(plan, { ...dates, limit: config.status.limit });
  const progress = computeProgress(plan, { live });
  const stepPlan = computeStepPlan(plan, dates);
  const steps = stepPlan.lanes
    .flatMap((lane) => lane.tasks)
    .sort((a, b) => a.step - b.step)
    .slice(0, config.status.limit);
  const gpu = [...input.gpuReports].sort((a, b) =>
    a.host < b.host ? -1 : a.host > b.host ? 1 : 0,
  );
  const digest = digestOf(input, gpu);
  const text = renderer.render("status-report", lang, {
    date: today,
    summary: renderSummary(summary, lang, renderer),
    progress: renderProgress(progress, lang, renderer),
    steps,
    gpu: gpu.map((report) => ({
      ...report,
      ok: report.conclusion === "success",
      failed: report.conclusion === "failure",
    })),
    marker: renderStatusReportMarker(today, digest),
  });
  return {
    date: today,
    text,
    digest,
    blobSha: gitBlobSha(text),
    progress: { done: progress.done, total: progress.total, percent: progress.percent },
  };
}

/** The digest a report file was written with, or null for a file Nova did not write. */
export function parseReportDigest(text: string | null): string | null {
  return parseStatusReportDigest(text);
}

/** `reports/status/index.md`: every report, newest first. */
export function renderStatusIndex(
  dates: readonly string[],
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const reports = [...new Set(dates)].sort().reverse();
  return renderer.render("status-index", lang, {
    reports: reports.map((date) => ({ date, file: `${date}.md` })),
  });
}

/**
 * Everything the report shows that does not move by itself from one day to the next: each
 * task's title, state and metadata, the sections, the settings that shape the report, the GPU
 * reports. Dates and "working days left" are left out on purpose.
 */
function digestOf(input: StatusReportInput, gpu: readonly LatestGpuReport[]): string {
  const { plan, live, config } = input;
  const state = {
    lang: config.language,
    limit: config.status.limit,
    delivery: config.delivery ?? null,
    holidays: config.holidays,
    sections: plan.sections.map((section) => [section.number, section.title]),
    tasks: plan.tasks.map((task) => {
      const status = resolveTaskStatus(task, live);
      const issue = live.get(task.id);
      return [
        task.id,
        task.title,
        task.sectionIndex,
        status.done,
        status.writeBackPending,
        issue?.issueNumber ?? null,
        issue?.closed ? (issue.closedAt ?? null) : null,
        task.meta.role ?? null,
        task.meta.estimateDays ?? null,
        task.meta.due ?? null,
        task.meta.after,
      ];
    }),
    gpu,
  };
  return createHash("sha256").update(JSON.stringify(state)).digest("hex").slice(0, 16);
}
