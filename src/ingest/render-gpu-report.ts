/**
 * A GPU report as Markdown: the sticky comment (the report in full, the earlier runs folded in
 * `<details>`, the marker) and the check run's output. Pure: report and state in, text out.
 *
 * Every runner-supplied string is cut here (`truncateText`) and escaped by the templates' `md`
 * helper; output excerpts are fenced (`fenceExcerpt`). GPU values the driver does not report are
 * "n. v." / "n/a", never 0. Both texts stay within GitHub's 65,536 characters.
 */
import type { Renderer } from "../render/create-renderer.js";
import { formatDate, formatNumber } from "../render/format-values.js";
import { say, type Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { CheckResult, Gpu, GpuReport, Observed } from "@nova/protocol";
import { renderStateMarker, type CommentState, type RunEntry } from "./report-comment-state.js";
import { formatCounts, renderActionWords, renderStatusWord, STATUS_ICONS } from "./report-words.js";
import { fenceExcerpt, fitMarkdown, truncateText } from "./runner-text.js";

/** GitHub's limit for a comment body and for a check run's summary and text. */
export const GITHUB_TEXT_LIMIT = 65_535;
/** Room kept below the limit for the parts after the report (history, marker). */
const COMMENT_REPORT_BUDGET = 50_000;

/** Where the report goes, for the line that says so. */
export type TargetLine =
  | { kind: "task"; task: string }
  | { kind: "issue"; number: number }
  | { kind: "pull"; number: number; sha: string }
  | { kind: "sha"; sha: string };

export interface RenderOptions {
  lang: Language;
  /** Runbook links are `<runbookBase><runbook path>`, e.g. `https://github.com/o/r/blob/HEAD/`. */
  runbookBase: string;
  target: TargetLine;
  renderer?: Renderer;
}

/** The check run's name: one per host, so two machines on one commit keep their own runs. */
export function checkRunName(hostname: string, lang: Language): string {
  return `Nova GPU-Check (${hostname || say(lang, "gpu.unknownHost")})`;
}

/** The sticky comment for `state` (its `runs[0]` is `report`). */
export function renderGpuReportComment(
  report: GpuReport,
  state: CommentState,
  options: RenderOptions,
): string {
  const renderer = options.renderer ?? readSharedRenderer();
  const { lang } = options;
  const body = fitMarkdown(
    renderer.render("gpu-report", lang, reportData(report, options)),
    COMMENT_REPORT_BUDGET,
    say(lang, "gpu.truncated"),
  );
  const history = state.runs.slice(1).map((run) => historyRow(run, lang));
  return renderer.render("gpu-report-comment", lang, {
    ...headerData(report, options),
    body,
    history,
    marker: renderStateMarker(state),
  });
}

/** The check run's title, summary (the report) and text (output excerpts of the findings). */
export function renderCheckRunOutput(
  report: GpuReport,
  options: RenderOptions,
): { title: string; summary: string; text: string } {
  const renderer = options.renderer ?? readSharedRenderer();
  const { lang } = options;
  const note = say(lang, "gpu.truncated");
  const summary = fitMarkdown(
    renderer.render("gpu-check-run", lang, {
      ...headerData(report, options),
      body: renderer.render("gpu-report", lang, reportData(report, options)),
    }),
    GITHUB_TEXT_LIMIT,
    note,
  );
  const evidence = evidenceData(report);
  const text =
    evidence.length === 0
      ? ""
      : fitMarkdown(renderer.render("gpu-check-evidence", lang, { evidence }), 60_000, note);
  return { title: renderGpuReportTitle(report, lang), summary, text };
}

/** "❌ 1 Fehler, 2 Warnungen, 11 OK": the status icon and the counts that are not zero. */
export function renderGpuReportTitle(report: GpuReport, lang: Language): string {
  const counts = formatCounts(report.summary, lang);
  return `${STATUS_ICONS[report.status]} ${counts || renderStatusWord(report.status, lang)}`;
}

function headerData(report: GpuReport, options: RenderOptions) {
  const { lang } = options;
  const host = report.host;
  return {
    icon: STATUS_ICONS[report.status],
    status: renderStatusWord(report.status, lang),
    host: truncateText(host.hostname, 80),
    hasHost: host.hostname !== null && host.hostname.trim() !== "",
    createdAt: formatInstant(report.createdAt, lang),
    reportId: report.id,
    runnerVersion: truncateText(report.runner.version, 64),
    target: options.target,
    isTask: options.target.kind === "task",
    isIssue: options.target.kind === "issue",
    isPull: options.target.kind === "pull",
    isSha: options.target.kind === "sha",
    shortSha: "sha" in options.target ? options.target.sha.slice(0, 7) : "",
    system: [host.dgxRelease ?? host.os, host.kernel, host.arch, host.model]
      .filter((part): part is string => part !== null && part.trim() !== "")
      .map((part) => truncateText(part, 100)),
    software: {
      driver: truncateText(report.software.driver, 60) || "–",
      cuda: truncateText(report.software.cuda, 60) || "–",
      toolkit: truncateText(report.software.toolkit, 60) || "–",
      dcgm: truncateText(report.software.dcgm, 60) || "–",
    },
    counts: formatCounts(report.summary, lang) || "–",
  };
}

function reportData(report: GpuReport, options: RenderOptions) {
  const { lang } = options;
  const checks = report.checks.map((check) => ({
    icon: STATUS_ICONS[check.status],
    status: renderStatusWord(check.status, lang),
    id: check.id,
    observed: formatObserved(check.observed, lang),
    // Runners since the localized fields send `expectedText`; earlier ones only English.
    expected: truncateText(check.expectedText?.[lang] ?? check.expected, 120) || "–",
    message: truncateText(check.message[lang], 240),
  }));
  const remediations = report.checks
    .filter((check) => check.status === "warn" || check.status === "fail")
    .flatMap((check) => (check.remediation ? [remediationRow(check, options)] : []));
  const gpus = report.gpus.map((gpu) => gpuRow(gpu, lang));
  return {
    checks,
    hasChecks: checks.length > 0,
    gpus,
    hasGpus: gpus.length > 0,
    remediations,
    hasRemediations: remediations.length > 0,
  };
}

function remediationRow(check: CheckResult, options: RenderOptions) {
  const remediation = check.remediation!;
  return {
    icon: STATUS_ICONS[check.status],
    id: check.id,
    action: renderActionWords(remediation.action, options.lang),
    // The schema allows only `docs/runbooks/<name>.md#<anchor>` here: nothing to escape.
    runbook: `${options.runbookBase}${remediation.runbook}`,
    message: truncateText(check.message[options.lang], 240),
  };
}

function historyRow(run: RunEntry, lang: Language) {
  return {
    at: formatInstant(run.at, lang),
    icon: STATUS_ICONS[run.status],
    status: renderStatusWord(run.status, lang),
    counts: formatCounts(run.summary, lang) || "–",
    id: run.id,
    sha: run.sha === null ? "" : run.sha.slice(0, 7),
  };
}

/** The observed value with its unit (and its label when the check id does not say what it is). */
function formatObserved(observed: Observed | null, lang: Language): string {
  if (observed === null || observed.value === null) return "–";
  const value =
    typeof observed.value === "boolean"
      ? observed.value
        ? say(lang, "gpu.yes")
        : say(lang, "gpu.no")
      : typeof observed.value === "number"
        ? formatNumber(observed.value, lang)
        : truncateText(observed.value, 80);
  const withUnit = observed.unit ? `${value} ${truncateText(observed.unit, 20)}` : value;
  const label = observed.labelText?.[lang] ?? observed.label;
  return label ? `${truncateText(label, 60)}: ${withUnit}` : withUnit;
}

type GpuKey = Exclude<keyof Gpu, "index" | "name" | "unsupported" | "errors">;

/** One GPU's row: "n. v." for values the driver does not report, never a 0 in their place. */
function gpuRow(gpu: Gpu, lang: Language) {
  const cell = (key: GpuKey, unit = ""): string => {
    const value = gpu[key];
    if (value === null) {
      if (gpu.unsupported.includes(key)) return say(lang, "gpu.notAvailable");
      if (gpu.errors.includes(key)) return say(lang, "gpu.readError");
      return "–";
    }
    if (typeof value === "number") return `${formatNumber(value, lang)}${unit}`;
    if (typeof value === "boolean") return value ? say(lang, "gpu.on") : say(lang, "gpu.off");
    return truncateText(value, 40);
  };
  const pair = (a: GpuKey, b: GpuKey, unit: string): string => {
    const first = cell(a, unit);
    const second = cell(b, unit);
    return first === second && gpu[a] === null ? first : `${first} / ${second}`;
  };
  return {
    index: gpu.index,
    name: truncateText(gpu.name, 60),
    memory: pair("memoryUsedMiB", "memoryTotalMiB", " MiB"),
    utilization: cell("utilizationGpuPercent", " %"),
    temperature: cell("temperatureC", " °C"),
    power: pair("powerDrawW", "powerLimitW", " W"),
    pstate: cell("performanceState"),
    ecc: cell("eccUncorrectedVolatile"),
  };
}

/** Output excerpts of the checks that did not pass: the first 20, one excerpt each. */
function evidenceData(report: GpuReport) {
  return report.checks
    .filter(
      (check) => check.status === "warn" || check.status === "fail" || check.status === "unknown",
    )
    .flatMap((check) => {
      const evidence = check.evidence.find((item) => item.stdout.trim() !== "");
      if (!evidence) return [];
      return [
        {
          icon: STATUS_ICONS[check.status],
          id: check.id,
          command: truncateText(evidence.command, 200),
          exitCode: evidence.exitCode === null ? "–" : String(evidence.exitCode),
          excerpt: fenceExcerpt(evidence.stdout, 40, 1500),
        },
      ];
    })
    .slice(0, 20);
}

/** `12.01.2026, 09:00 UTC` / `2026-01-12 09:00 UTC`; "–" for what is not a date. */
function formatInstant(value: string, lang: Language): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return "–";
  const iso = new Date(time).toISOString();
  return say(lang, "gpu.instant", { date: formatDate(iso, lang), time: iso.slice(11, 16) });
}
