import { resolve } from "node:path";
import { lintPlan, type LintProblem } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { Plan } from "../checklist/types.js";
import { computeProgress } from "../reports/progress.js";
import {
  renderProgress,
  renderStepPlan,
  renderSummary,
  renderSyncPlan,
} from "../reports/render-reports.js";
import { computeStepPlan } from "../reports/step-plan.js";
import { computeSummary } from "../reports/summary.js";
import { addWorkingDays } from "../reports/working-days.js";
import { buildDesiredState } from "../sync/desired-state.js";
import { countOpWrites, planSync } from "../sync/plan-sync.js";
import { renderCheckTitle, renderSyncCheck, syncRepository } from "../sync/sync-repository.js";
import { renderConfigProblems } from "../config/parse-config.js";
import { findOpenWriteBack } from "../bot-pr/find-write-back-pull.js";
import { renderStatusResult } from "../bot-pr/render-status-result.js";
import { runStatusReport } from "../bot-pr/run-status-report.js";
import type { BotPrPort } from "../github/bot-pr-port.js";
import { GitHubError } from "../github/github-error.js";
import type { GitHubPort, RepoRef } from "../github/github-port.js";
import type { FirstSyncPreview } from "../sync/first-sync-preview.js";
import { parseCliArgs, peekLanguage, UsageError, type CliOptions } from "./cli-args.js";
import { renderHelp, renderReadError, renderUsageError } from "./cli-messages.js";
import { ChecklistReadError } from "./read-checklist.js";
import { runContainersCommand } from "../containers/run-containers-command.js";
import { runRunnerKeyCommand } from "./runner-key-command.js";

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The current instant; "today" is its date in Europe/Berlin, where the team works. */
  now: () => Date;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /**
   * Connects to GitHub for `nova sync` and `nova report` (token from the environment); throws
   * `CliSetupError`. `pulls` reaches Nova's pull requests (`nova report` needs it).
   */
  connectGitHub: (
    repo: RepoRef,
    botLogin: string | undefined,
  ) => Promise<{ port: GitHubPort; botLogin: string; pulls?: BotPrPort }>;
  /** The environment (`nova runner-key` reads NOVA_RUNNER_SECRET); absent counts as empty. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Something missing around the command (no token): one clear line, exit code 2. */
export class CliSetupError extends Error {
  constructor(readonly messages: { de: string; en: string }) {
    super(messages.en);
    this.name = "CliSetupError";
  }
}

export const EXIT = { ok: 0, lintErrors: 1, badInput: 2, internal: 3 } as const;

/** Without --delivery the plan's own promise applies: about two weeks, i.e. 10 working days. */
const DEFAULT_DELIVERY_WORKING_DAYS = 10;

/**
 * Runs `nova <argv>` and returns the exit code. Every expected failure (a usage mistake, an
 * unreadable file) is one clear line on stderr and exit code 2, never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = peekLanguage(argv);
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(`${renderHelp(options.command, options.lang)}\n`);
      return EXIT.ok;
    }
    return await runCommand(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nova: ${renderUsageError(error, lang)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof CliSetupError) {
      io.stderr(`nova: ${error.messages[lang]}\n`);
      return EXIT.badInput;
    }
    if (error instanceof GitHubError) {
      io.stderr(
        lang === "en"
          ? `nova: GitHub answered ${error.status || "nothing"}: ${error.message}\n`
          : `nova: GitHub antwortete ${error.status || "nicht"}: ${error.message}\n`,
      );
      return EXIT.internal;
    }
    if (error instanceof ChecklistReadError) {
      io.stderr(`nova: ${renderReadError(error, lang)}\n`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(
      lang === "en"
        ? `nova: internal error: ${detail}. Please report it with the command you ran.\n`
        : `nova: interner Fehler: ${detail}. Bitte mit dem aufgerufenen Befehl melden.\n`,
    );
    return EXIT.internal;
  }
}

async function runCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.command === "sync") return runRemoteSync(options, io);
  if (options.command === "report") return runRemoteReport(options, io);
  if (options.command === "containers") return runContainersCommand(options, io);
  if (options.command === "runner-key") return runRunnerKeyCommand(options, io);
  const path = resolve(io.cwd, options.checklist);
  const source = await io.readFile(path);
  const plan = parsePlan(source);
  const json = options.format === "json";
  const print = (value: unknown, markdown: () => string) =>
    io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : ensureNewline(markdown()));

  switch (options.command) {
    case "lint":
      return runLint(plan, options, path, io);
    case "progress": {
      const result = computeProgress(plan);
      print(result, () => renderProgress(result, options.lang));
      return EXIT.ok;
    }
    case "step-plan": {
      const result = computeStepPlan(plan, {
        ...datesFor(options, io),
        ...(options.role ? { role: options.role } : {}),
      });
      print(result, () => renderStepPlan(result, options.lang));
      return EXIT.ok;
    }
    case "summary": {
      const result = computeSummary(plan, { ...datesFor(options, io), limit: options.limit });
      print(result, () => renderSummary(result, options.lang));
      return EXIT.ok;
    }
    case "plan": {
      const result = planFirstSync(plan, options);
      print(result, () => renderSyncPlan(result, options.lang));
      return EXIT.ok;
    }
    case "help":
      io.stdout(`${renderHelp("help", options.lang)}\n`);
      return EXIT.ok;
  }
}

async function runLint(plan: Plan, options: CliOptions, path: string, io: CliIo): Promise<number> {
  const problems = lintPlan(plan, { file: options.checklist, lang: options.lang });
  if (options.fix) {
    const fixed = applyMojibakeFixes(plan.source, problems);
    if (fixed !== plan.source) await io.writeFile(path, fixed);
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  if (options.format === "json") {
    io.stdout(
      `${JSON.stringify({ problems, errors, warnings: problems.length - errors, fixed: options.fix }, null, 2)}\n`,
    );
  } else {
    io.stdout(renderLintReport(problems, errors, options));
  }
  return errors > 0 ? EXIT.lintErrors : EXIT.ok;
}

/** Replaces each garbled line with its repair; every other byte, line endings included, stays. */
function applyMojibakeFixes(source: string, problems: readonly LintProblem[]): string {
  const fixes = new Map(
    problems
      .filter((p) => p.code === "mojibake" && p.fix !== undefined)
      .map((p) => [p.line, p.fix!]),
  );
  if (fixes.size === 0) return source;
  return source
    .split("\n")
    .map((line, index) => {
      const fix = fixes.get(index + 1);
      if (fix === undefined) return line;
      return line.endsWith("\r") ? `${fix}\r` : fix;
    })
    .join("\n");
}

function renderLintReport(
  problems: readonly LintProblem[],
  errors: number,
  options: CliOptions,
): string {
  const en = options.lang === "en";
  const severity = (p: LintProblem) =>
    p.severity === "error" ? (en ? "error" : "Fehler") : en ? "warning" : "Warnung";
  const lines = problems.map(
    (p) => `${p.file}:${p.line}:${p.column}: ${severity(p)}: ${p.message}`,
  );
  const warnings = problems.length - errors;
  if (problems.length === 0)
    lines.push(en ? `${options.checklist}: no problems.` : `${options.checklist}: keine Probleme.`);
  else
    lines.push(
      en
        ? `${errors} error(s), ${warnings} warning(s).`
        : `${errors} Fehler, ${warnings} Warnung(en).`,
    );
  if (options.fix)
    lines.push(en ? "Mojibake repaired in the file." : "Zeichensalat in der Datei repariert.");
  return `${lines.join("\n")}\n`;
}

/**
 * `nova sync --repo owner/name [--dry-run]`: the app's sync engine from a terminal or a
 * GitHub Actions step. Exit 0 when synced (or planned), 1 when the repository's config or
 * checklist stops the sync.
 */
async function runRemoteSync(options: CliOptions, io: CliIo): Promise<number> {
  const { port, botLogin, pulls } = await io.connectGitHub(options.repo!, options.botLogin);
  const messages: string[] = [];
  const log = {
    info: () => {},
    warn: (data: object, message?: string) =>
      messages.push(`${message ?? ""} ${JSON.stringify(data)}`),
  };
  const result = await syncRepository({
    port,
    botLogin,
    reason: "command",
    dryRun: options.dryRun,
    // Issues held for Nova's open write-back pull request stay as people left them.
    ...(pulls
      ? {
          readPendingWriteBack: async () =>
            (await findOpenWriteBack(pulls, botLogin))?.body.pending() ?? new Map(),
        }
      : {}),
    log,
  });
  if (options.format === "json") {
    io.stdout(
      `${JSON.stringify(result.status === "invalid-config" || result.status === "checklist-missing" || result.status === "checklist-invalid" ? result : { status: result.status, sha: result.sha, report: result.report, needsFollowUp: result.needsFollowUp }, null, 2)}\n`,
    );
    return result.status === "synced" || result.status === "dry-run" ? EXIT.ok : EXIT.lintErrors;
  }
  switch (result.status) {
    case "invalid-config":
      io.stdout(`${renderConfigProblems(result.problems, options.lang)}\n`);
      return EXIT.lintErrors;
    case "checklist-missing":
      io.stdout(
        options.lang === "en"
          ? `Checklist not found: ${result.path}\n`
          : `Checkliste nicht gefunden: ${result.path}\n`,
      );
      return EXIT.lintErrors;
    case "checklist-invalid":
      io.stdout(
        `${result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n")}\n`,
      );
      return EXIT.lintErrors;
    default: {
      const heading = options.dryRun
        ? options.lang === "en"
          ? "Dry run: nothing was written."
          : "Probelauf: nichts wurde geschrieben."
        : renderCheckTitle(result.report, options.lang);
      io.stdout(
        `${heading}\n\n${renderSyncCheck(result.report, options.lang, options.dryRun, result.config.sync.maxWritesPerRun)}`,
      );
      return EXIT.ok;
    }
  }
}

/**
 * `nova report --repo owner/name [--dry-run]`: today's status report into the status pull
 * request, exactly as the app's schedule does (`trigger: "cli"`, so a pull request closed
 * unmerged today does not stop it). Exit 0 when written or up to date, 1 when the repository's
 * config or checklist stops it.
 */
async function runRemoteReport(options: CliOptions, io: CliIo): Promise<number> {
  const { port, botLogin, pulls } = await io.connectGitHub(options.repo!, options.botLogin);
  if (!pulls) {
    throw new CliSetupError({
      de: "Diese Verbindung zu GitHub kann keine Pull Requests schreiben.",
      en: "This connection to GitHub cannot write pull requests.",
    });
  }
  const result = await runStatusReport({
    github: port,
    pulls,
    botLogin,
    now: io.now().getTime(),
    trigger: "cli",
    dryRun: options.dryRun,
    log: { info: () => {}, warn: () => {} },
  });
  const failed = result.status === "invalid-config" || result.status === "checklist-missing";
  if (options.format === "json") {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else if (result.status === "invalid-config") {
    io.stdout(`${renderConfigProblems(result.problems, options.lang)}\n`);
  } else {
    io.stdout(renderStatusResult(result, options.lang));
  }
  return failed ? EXIT.lintErrors : EXIT.ok;
}

/**
 * What a first sync into an empty repository would write, decided by the real planner (the
 * same `planSync` the app runs) against an empty observed state.
 */
function planFirstSync(plan: Plan, options: CliOptions): FirstSyncPreview {
  const links = {
    htmlUrl: "https://github.com/OWNER/REPO",
    defaultBranch: "main",
    checklistPath: options.checklist,
    sha: "main",
  };
  const desired = buildDesiredState(plan, { prefix: options.prefix, lang: options.lang }, links);
  const { ops } = planSync(
    desired,
    { labels: [], taskIssues: new Map() },
    { prefix: options.prefix, closeRemoved: true },
  );
  const lines = new Map(desired.issues.map((issue) => [issue.taskId, issue.line]));
  return {
    labels: ops.flatMap((op) => (op.kind === "create-label" ? [op.label] : [])),
    issues: ops.flatMap((op) =>
      op.kind === "create-issue"
        ? [
            {
              taskId: op.taskId,
              title: op.title,
              labels: op.labels,
              state: op.close ? ("closed" as const) : ("open" as const),
              line: lines.get(op.taskId) ?? 0,
              body: op.body,
            },
          ]
        : [],
    ),
    writes: ops.reduce((sum, op) => sum + countOpWrites(op), 0),
  };
}

function datesFor(options: CliOptions, io: CliIo): { today: string; delivery: string } {
  const today = options.today ?? berlinDate(io.now());
  return {
    today,
    delivery: options.delivery ?? addWorkingDays(today, DEFAULT_DELIVERY_WORKING_DAYS),
  };
}

/** `YYYY-MM-DD` of an instant in Europe/Berlin (the Swedish locale formats dates that way). */
export function berlinDate(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(instant);
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
