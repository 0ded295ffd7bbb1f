import { renderStatusResult } from "../bot-pr/render-status-result.js";
import type { StatusReportResult } from "../bot-pr/run-status-report.js";
import { lintPlan, type LintProblem } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { Plan, Task } from "../checklist/types.js";
import type { NovaConfig } from "../config/schema.js";
import type { GitHubPort } from "../github/github-api.js";
import { resolveTaskStatus, type LiveState } from "../reports/live-state.js";
import { computeProgress } from "../reports/progress.js";
import {
  renderProgress,
  renderStepPlan,
  renderSummary,
} from "../reports/render-report-markdown.js";
import { computeStepPlan } from "../reports/step-plan.js";
import { computeSummary } from "../reports/summary.js";
import { resolveDelivery } from "../reports/working-days.js";
import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import { indexTaskIssues } from "../sync/observe-repository.js";
import {
  CHECK_NAMES,
  renderCheckTitle,
  renderSyncCheck,
  type SyncRepositoryResult,
} from "../sync/sync-repository.js";
import { parseTaskMarker } from "../github/hidden-markers.js";
import { buildLiveState } from "../reports/build-live-state.js";
import {
  SUMMARY_LIMIT_DEFAULT,
  type CommandDefinition,
  type CommandFlags,
} from "./command-registry.js";
import { renderHelp } from "./render-command-replies.js";

/** Lint problems a `/nova sync` reply lists before counting the rest. */
const LISTED_PROBLEMS = 10;

/** Lint errors a `/nova progress` reply lists above its numbers; the check run has them all. */
const LISTED_PROGRESS_PROBLEMS = 3;

/** The issue or pull request the command was written on. */
export interface CommandIssue {
  number: number;
  /** Its body and author: a task's own issue is bot-written and carries a task marker. */
  body: string;
  author: string;
}

/** What running a command needs; `loadPlan` is shared by the commands of one comment. */
export interface CommandContext {
  github: GitHubPort;
  config: NovaConfig;
  botLogin: string;
  issue: CommandIssue;
  defaultBranch: string;
  /** `YYYY-MM-DD` in `status.timezone`. */
  today: string;
  /** Runs the sync now (through the sync service's queue); null when it reported no result. */
  runSync: () => Promise<SyncRepositoryResult | null>;
  /** Runs the status report now (`/nova report`); absent where Nova has no bot-PR service. */
  runStatusReport?: () => Promise<StatusReportResult>;
  /** Nova's open write-back pull request, read at most once per comment; null when none. */
  findWriteBackPull?: () => Promise<WriteBackLink | null>;
  /** The checklist and the live state of its issues, read once per comment. */
  loadPlan: () => Promise<PlanState>;
  /** What the last board run said (e.g. "a user-owned project cannot be reached"), if any. */
  describeBoard?: (lang: Language) => string | null;
  renderer?: Renderer;
}

/** The write-back pull request as replies link it. */
export interface WriteBackLink {
  number: number;
  url: string;
}

export interface PlanState {
  plan: Plan;
  live: LiveState;
}

/** The checklist does not exist at the configured path: a result people can fix, not a crash. */
export class ChecklistMissingError extends Error {
  constructor(readonly path: string) {
    super(`checklist not found: ${path}`);
    this.name = "ChecklistMissingError";
  }
}

/**
 * Reads the checklist on the default branch and the task issues as the sync observes them (one
 * paginated listing of the issues with the plan label; only bot-written issues with a task marker
 * count), so a reply shows GitHub as it is now: a closed issue counts as done before its box is
 * ticked.
 */
export async function loadPlanState(
  github: GitHubPort,
  config: NovaConfig,
  botLogin: string,
  defaultBranch: string,
): Promise<PlanState> {
  const [source, issues] = await Promise.all([
    github.getFileText(config.checklist, defaultBranch),
    github.listIssuesWithLabel(config.labels.prefix),
  ]);
  if (source === null) throw new ChecklistMissingError(config.checklist);
  return { plan: parsePlan(source), live: buildLiveState(indexTaskIssues(issues, botLogin)) };
}

/** Runs one allowed command with valid flags and returns its reply (without marker). */
export async function runCommand(
  command: CommandDefinition,
  flags: CommandFlags,
  context: CommandContext,
): Promise<string> {
  const lang: Language = flags.lang ?? context.config.language;
  const renderer = context.renderer ?? readSharedRenderer();
  switch (command.name) {
    case "help":
      return renderHelp(context.config, lang, renderer, context.describeBoard?.(lang) ?? null);
    case "sync": {
      const result = await context.runSync();
      const proposes = result?.status === "synced" && result.proposals.length > 0;
      const writeBackPull = proposes ? await readWriteBackPull(context) : null;
      const checkRunUrl =
        result?.status === "checklist-invalid" ? await findSyncCheckRunUrl(context) : null;
      return renderSyncReply(result, context.config, lang, renderer, writeBackPull, checkRunUrl);
    }
    case "report":
      return renderStatusResult(
        context.runStatusReport ? await context.runStatusReport() : null,
        lang,
        renderer,
      );
    case "progress": {
      const { plan, live } = await context.loadPlan();
      const report = renderProgress(computeProgress(plan, { live }), lang, renderer);
      const pending = listWriteBackPending(plan, live);
      const errors = lintPlan(plan, { file: context.config.checklist, lang }).filter(
        (problem) => problem.severity === "error",
      );
      return renderer.render("command-progress", lang, {
        checklistErrors:
          errors.length === 0
            ? null
            : {
                count: errors.length,
                ...listProblems(errors, LISTED_PROGRESS_PROBLEMS),
                checkRunUrl: await findSyncCheckRunUrl(context),
              },
        report,
        pending,
        writeBackPull: pending.length > 0 ? await readWriteBackPull(context) : null,
        task: describeOwnTask(plan, live, context),
      });
    }
    case "step-plan": {
      const { plan, live } = await context.loadPlan();
      const result = computeStepPlan(plan, {
        ...readSchedule(context, live),
        ...(flags.role ? { role: flags.role } : {}),
      });
      return renderStepPlan(result, lang, renderer);
    }
    case "summary": {
      const { plan, live } = await context.loadPlan();
      const result = computeSummary(plan, {
        ...readSchedule(context, live),
        limit: flags.limit ?? SUMMARY_LIMIT_DEFAULT,
      });
      const shown = [...result.next, ...result.recentlyDone];
      if (!shown.some((task) => task.writeBackPending))
        return renderSummary(result, lang, renderer);
      const note = renderer.render("command-write-back-note", lang, {
        writeBackPull: await readWriteBackPull(context),
      });
      return `${renderSummary(result, lang, renderer).trimEnd()}\n\n${note}`;
    }
  }
}

/** The first `limit` problems as replies list them, and how many more there are. */
function listProblems(
  problems: readonly LintProblem[],
  limit: number,
): { listed: Array<{ line: number; message: string }>; more: number } {
  return {
    listed: problems.slice(0, limit).map(({ line, message }) => ({ line, message })),
    more: Math.max(0, problems.length - limit),
  };
}

/**
 * The sync's check run on the default branch's head, which lists every lint problem with
 * annotations on the lines: one read, made only when the checklist has errors; null when there is
 * none (e.g. the last push did not touch the checklist) or GitHub did not answer.
 */
async function findSyncCheckRunUrl(context: CommandContext): Promise<string | null> {
  try {
    const run = await context.github.findLatestCheckRun(context.defaultBranch, CHECK_NAMES.sync);
    return run?.htmlUrl ?? null;
  } catch {
    return null;
  }
}

function readWriteBackPull(context: CommandContext): Promise<WriteBackLink | null> {
  return context.findWriteBackPull?.() ?? Promise.resolve(null);
}

/** What the step plan and the summary count working days with: today, delivery, holidays. */
function readSchedule(context: CommandContext, live: LiveState) {
  const { today, config } = context;
  return {
    today,
    delivery: resolveDelivery(today, config.delivery, config.holidays),
    live,
    holidays: config.holidays,
  };
}

interface TaskLink {
  title: string;
  done: boolean;
  issueUrl: string | null;
}

function toTaskLink(task: Task, live: LiveState): TaskLink {
  return {
    title: task.title || task.id,
    done: resolveTaskStatus(task, live).done,
    issueUrl: live.get(task.id)?.issueUrl ?? null,
  };
}

/** Tasks whose issue state and checkbox disagree: the issue was closed or reopened on GitHub. */
function listWriteBackPending(plan: Plan, live: LiveState): TaskLink[] {
  return plan.tasks
    .filter((task) => resolveTaskStatus(task, live).writeBackPending)
    .map((task) => toTaskLink(task, live));
}

/**
 * On a task's own issue (written by the bot, with a task marker), the task with what it depends
 * on and what it blocks; null elsewhere. A dependency that names no task is shown by its id.
 */
function describeOwnTask(plan: Plan, live: LiveState, context: CommandContext) {
  const { issue, botLogin } = context;
  if (issue.author.toLowerCase() !== botLogin.toLowerCase()) return null;
  const taskId = parseTaskMarker(issue.body);
  const task = taskId ? plan.tasks.find((candidate) => candidate.id === taskId) : undefined;
  if (!task) return null;
  const byId = new Map(plan.tasks.map((candidate) => [candidate.id, candidate] as const));
  const status = resolveTaskStatus(task, live);
  return {
    title: task.title || task.id,
    done: status.done,
    writeBackPending: status.writeBackPending,
    dependsOn: [...new Set(task.meta.after)].map((id) => {
      const dependency = byId.get(id);
      return dependency ? toTaskLink(dependency, live) : { title: id, done: false, issueUrl: null };
    }),
    blocks: plan.tasks
      .filter((candidate) => candidate !== task && candidate.meta.after.includes(task.id))
      .map((candidate) => toTaskLink(candidate, live)),
  };
}

/** What `/nova sync` did, with the same table as the sync's check run. */
export function renderSyncReply(
  result: SyncRepositoryResult | null,
  config: NovaConfig,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
  /** The open write-back pull request, linked where the run proposes checklist changes. */
  writeBackPull: WriteBackLink | null = null,
  /** The sync's check run listing a broken checklist's problems, linked when known. */
  checkRunUrl: string | null = null,
): string {
  const base = {
    checkRunUrl,
    synced: false,
    title: "",
    report: "",
    checklistMissing: false,
    path: config.checklist,
    checklistInvalid: false,
    errors: 0,
    problems: [] as Array<{ line: number; message: string }>,
    moreProblems: 0,
    configInvalid: false,
    noResult: false,
  };
  if (result === null) return renderer.render("command-sync", lang, { ...base, noResult: true });
  switch (result.status) {
    case "synced":
    case "dry-run":
      return renderer.render("command-sync", lang, {
        ...base,
        synced: true,
        title: renderCheckTitle(result.report, lang),
        report: renderSyncCheck(
          result.report,
          lang,
          result.status === "dry-run",
          result.config.sync.maxWritesPerRun,
          writeBackPull,
        ),
      });
    case "checklist-missing":
      return renderer.render("command-sync", lang, {
        ...base,
        checklistMissing: true,
        path: result.path,
      });
    case "checklist-invalid": {
      const errors = result.problems.filter((problem) => problem.severity === "error");
      const { listed, more } = listProblems(errors, LISTED_PROBLEMS);
      return renderer.render("command-sync", lang, {
        ...base,
        checklistInvalid: true,
        errors: errors.length,
        problems: listed,
        moreProblems: more,
      });
    }
    case "invalid-config":
      return renderer.render("command-sync", lang, { ...base, configInvalid: true });
  }
}
