import { parsePlan } from "../checklist/parse-plan.js";
import { buildLiveState } from "../reports/build-live-state.js";
import { formatDateInZone } from "../reports/working-days.js";
import { parseConfig, type ConfigProblem } from "../config/parse-config.js";
import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import type { Language } from "../render/i18n.js";
import { indexTaskIssues } from "../sync/observe-repository.js";
import type { Logger } from "../logger.js";
import { applyBotPrOps } from "./apply-bot-pr.js";
import { observeStatusPr } from "./observe-status-pr.js";
import { planStatusPr, type StatusOutcome, type StatusTrigger } from "./plan-status-pr.js";
import {
  buildStatusReport,
  renderStatusIndex,
  type LatestGpuReport,
} from "./status-report-content.js";

export interface StatusReportRun {
  github: GitHubPort;
  pulls: BotPrPort;
  /** The app's bot login: only its pull requests and issues count. */
  botLogin: string;
  /** The current instant (ms); "today" is its date in `status.timezone`. */
  now: number;
  trigger: StatusTrigger;
  /** Plan only: no write at all (`nova report --dry-run`). */
  dryRun?: boolean;
  /** Known from a webhook payload; read from GitHub otherwise. */
  repository?: { defaultBranch: string; htmlUrl: string };
  /**
   * The hook for the GPU section: the latest runner report per host. Absent until runner
   * reports are ingested; the report then has no GPU section.
   */
  readGpuReports?: (where: {
    issueNumber: number;
    lang: Language;
  }) => Promise<readonly LatestGpuReport[]>;
  log: Pick<Logger, "info" | "warn">;
}

export type StatusReportResult =
  | { status: "invalid-config"; problems: ConfigProblem[] }
  | { status: "checklist-missing"; path: string; lang: Language }
  | {
      status: StatusOutcome;
      lang: Language;
      date: string;
      /** The status pull request after the run, when there is one. */
      pull: { number: number; url: string } | null;
      /** The reports the pull request holds, newest first. */
      reports: string[];
      writes: number;
      dryRun: boolean;
    };

/**
 * The status report use-case for one repository: configuration → checklist and task issues →
 * today's report → observe the status pull request → plan (pure) → apply. Safe to run again at
 * any time: a second run on the same day with nothing new writes nothing.
 */
export async function runStatusReport(input: StatusReportRun): Promise<StatusReportResult> {
  const { github, pulls, log } = input;
  const parsed = parseConfig(await github.readConfig());
  if (!parsed.ok) return { status: "invalid-config", problems: parsed.problems };
  const config = parsed.config;
  const lang = config.language;
  const repository = input.repository ?? (await github.getRepository());
  const baseSha = await github.getBranchSha(repository.defaultBranch);
  const [source, issues] = await Promise.all([
    github.getFileText(config.checklist, baseSha),
    github.listIssuesWithLabel(config.labels.prefix),
  ]);
  if (source === null) return { status: "checklist-missing", path: config.checklist, lang };
  const today = formatDateInZone(input.now, config.status.timezone);
  const taskIssues = indexTaskIssues(issues, input.botLogin);
  // Runner reports land on the `gpu.task` issue unless they name another target.
  const gpuIssue = taskIssues.get(config.gpu.task)?.[0]?.number;
  const report = buildStatusReport({
    plan: parsePlan(source),
    live: buildLiveState(taskIssues),
    config,
    today,
    gpuReports:
      gpuIssue !== undefined && input.readGpuReports
        ? await input.readGpuReports({ issueNumber: gpuIssue, lang })
        : [],
  });
  const observed = await observeStatusPr(
    { github, pulls },
    { botLogin: input.botLogin, baseSha, today },
  );
  const plan = planStatusPr(report, observed, {
    trigger: input.trigger,
    lang,
    defaultBranch: repository.defaultBranch,
    repoUrl: repository.htmlUrl,
    dateOf: (iso) => formatDateInZone(Date.parse(iso), config.status.timezone),
    renderIndex: (dates) => renderStatusIndex(dates, lang),
  });
  const dryRun = input.dryRun ?? false;
  const applied = await applyBotPrOps(plan.ops, { github, pulls }, { dryRun });
  const pull = applied.pull ?? observed.open?.pull ?? null;
  log.info(
    { outcome: plan.outcome, date: today, writes: applied.writes, pull: pull?.number, dryRun },
    `status report: ${plan.outcome}`,
  );
  return {
    status: plan.outcome,
    lang,
    date: today,
    pull: pull ? { number: pull.number, url: pull.htmlUrl } : null,
    reports: plan.reports,
    writes: applied.writes,
    dryRun,
  };
}
