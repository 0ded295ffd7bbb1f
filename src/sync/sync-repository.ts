import { linkWriteBackBranch } from "./write-back-branch.js";
import type { LintProblem } from "../checklist/lint.js";
import { parseConfig, renderConfigProblems, type ConfigProblem } from "../config/parse-config.js";
import type { NovaConfig } from "../config/schema.js";
import type { CheckRunWrite } from "../github/vocabulary.js";
import { CONFIG_PATH } from "../config/config-path.js";
import type { GitHubPort } from "../github/github-api.js";
import type { Logger } from "../logger.js";
import { say, type Language, type SayKey } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { PendingWriteBack, WriteBackProposal } from "./plan-sync.js";
import { parsePlanOffThread } from "../checklist/parse-plan-off-thread.js";
import { runSync } from "./run-sync.js";
import type { SyncObservation } from "./sync-observation.js";
import { summarizeSync, type StructureReport, type SyncReport } from "./summarize-sync.js";

/** The names of Nova's check runs, as people see them on commits and pull requests. */
export const CHECK_NAMES = {
  sync: "Nova: Sync",
  preview: "Nova: Sync-Vorschau",
  config: "Nova: Konfiguration",
} as const;

export interface SyncRepositoryInput {
  port: GitHubPort;
  botLogin: string;
  /** Why this run happens (logged; a push and a preview report on their commit). */
  reason: "push" | "install" | "reconcile" | "command" | "preview" | "issues";
  /**
   * The commit to read the checklist at (a preview's pull request head); default, and always for
   * a push: the head of the default branch.
   */
  sha?: string;
  /** Known from the webhook payload; read from GitHub otherwise. */
  repository?: { defaultBranch: string; htmlUrl: string };
  /** Plan only: no write at all (the pull-request preview, `nova sync --dry-run`). */
  dryRun?: boolean;
  /** Leave check runs on `sha` (pushes and previews). */
  reportOnCommit?: boolean;
  /** What Nova's open write-back pull request proposes, read only when needed (see `runSync`). */
  readPendingWriteBack?: () => Promise<PendingWriteBack>;
  log: Pick<Logger, "info" | "warn">;
}

export type SyncRepositoryResult =
  | { status: "invalid-config"; problems: ConfigProblem[] }
  | { status: "checklist-missing"; path: string; lang: Language }
  | { status: "checklist-invalid"; problems: LintProblem[]; lang: Language }
  | {
      status: "synced" | "dry-run";
      report: SyncReport;
      needsFollowUp: boolean;
      /** The run stopped on a GitHub fault (a timeout, 5xx, …): its follow-up backs off. */
      stoppedByFault?: boolean;
      config: NovaConfig;
      /** The commit the checklist was read at, or the branch's name when no sha was needed. */
      sha: string;
      /** What the checklist should say where people acted on GitHub (the write-back's input). */
      proposals: WriteBackProposal[];
      /** The repository as the sync knew it (the webhook's or one read): no second read. */
      repository: { defaultBranch: string; htmlUrl: string };
      /** The plan and issues the sync read, after its writes: the board's input (no re-read). */
      observation: SyncObservation;
    };

/**
 * The sync use-case for one repository: configuration → checklist at a commit → observe →
 * plan → apply, then a check run that says what happened. An invalid configuration stops
 * every write except the check run that explains it.
 */
export async function syncRepository(input: SyncRepositoryInput): Promise<SyncRepositoryResult> {
  const { port, log } = input;
  const parsed = parseConfig(await port.readConfig());
  if (!parsed.ok) {
    log.warn(
      { problems: parsed.problems, reason: input.reason },
      "nova.yml is invalid; nothing is synced",
    );
    if (input.sha && input.reportOnCommit) {
      await maybeCreateCheckRun(port, {
        name: CHECK_NAMES.config,
        headSha: input.sha,
        status: "completed",
        conclusion: "failure",
        title: "Ungültige Konfiguration / invalid configuration",
        summary: `${renderConfigProblems(parsed.problems, "de")}\n\n---\n\n${renderConfigProblems(parsed.problems, "en")}`,
      });
    }
    return { status: "invalid-config", problems: parsed.problems };
  }
  const config = parsed.config;
  const lang = config.language;
  const repository = input.repository ?? (await port.getRepository());
  // A push names its commit, but pushes arrive out of order and a replica may have synced a
  // newer one already: the issues follow the branch's head, never an older commit. The checklist
  // is read at the branch's name; the head's sha is read only when something is written (bodies
  // link the commit, check runs sit on it), so a no-op sync stays at the lower bound.
  const pinned = input.sha && input.reason !== "push" ? input.sha : null;
  let headSha: string | null = pinned;
  const resolveSha = async (): Promise<string> =>
    (headSha ??= await port.getBranchSha(repository.defaultBranch));
  const outcome = await runSync({
    port,
    botLogin: input.botLogin,
    // Until a body is written the sha is a stand-in: bodies are compared ignoring it.
    links: { ...repository, checklistPath: config.checklist, sha: pinned ?? "0".repeat(40) },
    ref: pinned ?? repository.defaultBranch,
    ...(pinned ? {} : { resolveSha }),
    prefix: config.labels.prefix,
    lang,
    labelColor: config.labels.color,
    sectionColors: config.labels.sectionColors,
    labelDescriptions: config.labels.descriptions,
    closeRemoved: config.sync.closeRemoved,
    maxWritesPerRun: config.sync.maxWritesPerRun,
    dryRun: input.dryRun ?? false,
    // A pull request's checklist comes from anyone who can open one: parse it in a worker thread
    // with a time budget, so a hostile plan never blocks webhooks or /healthz.
    ...(input.reason === "preview"
      ? { readPlan: (source: string) => parsePlanOffThread(source) }
      : {}),
    sectionIssues: config.sync.sectionIssues,
    milestone: {
      delivery: config.delivery,
      title: config.sync.milestone ?? say(lang, "sync.milestone.title"),
      description: say(lang, "sync.milestone.description"),
    },
    ...(input.readPendingWriteBack ? { readPendingWriteBack: input.readPendingWriteBack } : {}),
  });
  const checkName = input.reason === "preview" ? CHECK_NAMES.preview : CHECK_NAMES.sync;

  if (outcome.status === "checklist-missing") {
    log.warn({ path: config.checklist }, "checklist not found");
    if (input.reportOnCommit) {
      const sha = await resolveSha();
      await maybeCreateCheckRun(port, {
        name: checkName,
        headSha: sha,
        status: "completed",
        conclusion: "failure",
        title: say(lang, "sync.checklistMissing.title"),
        summary: say(lang, "sync.checklistMissing.summary", {
          path: config.checklist,
          config: CONFIG_PATH,
        }),
      });
    }
    return { status: "checklist-missing", path: config.checklist, lang };
  }
  if (outcome.status === "checklist-invalid") {
    log.warn({ problems: outcome.problems.length }, "checklist has lint errors; nothing is synced");
    if (input.reportOnCommit) {
      const sha = await resolveSha();
      await maybeCreateCheckRun(port, buildLintCheckRun(checkName, sha, outcome.problems, lang));
    }
    return { status: "checklist-invalid", problems: outcome.problems, lang };
  }

  const summary = outcome.summary;
  const titles = new Map<string, string>();
  for (const op of summary.applied) if (op.kind === "create-issue") titles.set(op.taskId, op.title);
  const report = summarizeSync(summary, titles);
  log.info(
    {
      reason: input.reason,
      writes: summary.writes,
      created: report.created.length,
      updated: report.updated.length,
      closed: report.closed.length + report.removed.length,
      unchanged: report.unchanged,
      remaining: report.remaining,
      dryRun: input.dryRun ?? false,
    },
    report.upToDate ? "sync: up to date" : "sync applied",
  );
  const problems = summary.lintWarnings;
  if (input.reportOnCommit && (input.reason === "preview" || summary.writes > 0 || summary.error)) {
    const run: CheckRunWrite = {
      name: checkName,
      headSha: await resolveSha(),
      status: "completed",
      conclusion: summary.error ? "failure" : input.reason === "preview" ? "neutral" : "success",
      title: renderCheckTitle(report, lang),
      summary: renderSyncCheck(
        report,
        lang,
        input.reason === "preview",
        config.sync.maxWritesPerRun,
        linkWriteBackBranch(repository.htmlUrl),
      ),
      ...(problems.length ? { annotations: toAnnotations(problems) } : {}),
    };
    // A preview is re-made for each new head commit; one per commit is enough.
    if (input.reason === "preview") await maybeCreateCheckRun(port, run);
    else await port.createCheckRun(run);
  }
  return {
    status: outcome.status,
    report,
    needsFollowUp: summary.needsFollowUp || summary.error?.transient === true,
    ...(summary.error?.transient === true ? { stoppedByFault: true } : {}),
    config,
    // The board reads the checklist here: the commit when known, else the branch (its head).
    sha: headSha ?? repository.defaultBranch,
    proposals: summary.proposals,
    repository: { defaultBranch: repository.defaultBranch, htmlUrl: repository.htmlUrl },
    observation: outcome.observation,
  };
}

/** The check run's one-line title, e.g. "3 angelegt, 1 geschlossen, 16 unverändert". */
export function renderCheckTitle(report: SyncReport, lang: Language): string {
  if (report.upToDate) return say(lang, "sync.title.upToDate", { count: report.unchanged });
  const parts = [
    ["sync.title.created", report.created.length],
    ["sync.title.updated", report.updated.length],
    ["sync.title.closed", report.closed.length + report.removed.length + report.duplicates.length],
    ["sync.title.reopened", report.reopened.length],
    ["sync.title.unchanged", report.unchanged],
  ] as const;
  return parts
    .filter(([, count]) => count > 0)
    .map(([key, count]) => say(lang, key, { count }))
    .join(", ");
}

/** The Markdown of a sync check run or `/nova sync` reply. */
export function renderSyncCheck(
  report: SyncReport,
  lang: Language,
  preview: boolean,
  maxWrites: number,
  /**
   * Where the proposals go: the open write-back pull request when a reply looked it up, else the
   * pull requests of its branch (a link that needs no read); null for no link.
   */
  writeBackPull: { number: number | null; url: string } | null = null,
): string {
  const sections = (["created", "updated", "closed", "reopened", "removed"] as const).map(
    (key) => ({
      heading: say(lang, `sync.heading.${key}`),
      entries: report[key],
    }),
  );
  return readSharedRenderer().render("sync-check", lang, {
    ...report,
    sections,
    preview,
    maxWrites,
    writeBackPull,
    structureLines: renderStructureLines(report.structure, lang),
  });
}

/** The check run's lines about sub-issues, dependencies, the milestone and missing features. */
export function renderStructureLines(structure: StructureReport, lang: Language): string[] {
  const lines: string[] = [];
  const counts = [
    ["sync.structure.subIssuesAdded", structure.subIssuesAdded],
    ["sync.structure.subIssuesMoved", structure.subIssuesMoved],
    ["sync.structure.reordered", structure.reordered],
    ["sync.structure.blockedByAdded", structure.blockedByAdded],
    ["sync.structure.blockedByRemoved", structure.blockedByRemoved],
  ] as const;
  for (const [key, count] of counts) {
    if (count > 0) lines.push(say(lang, key, { count }));
  }
  if (structure.restored.length > 0) {
    lines.push(say(lang, "sync.structure.restored", { issues: structure.restored.join(", ") }));
  }
  if (structure.milestone) {
    const created = structure.milestone.action === "created";
    lines.push(
      say(lang, created ? "sync.structure.milestoneCreated" : "sync.structure.milestoneUpdated", {
        title: structure.milestone.title,
      }),
    );
  }
  for (const { login, title } of structure.unassignable) {
    lines.push(say(lang, "sync.structure.unassignable", { login, title }));
  }
  for (const feature of structure.missing) {
    lines.push(say(lang, MISSING_FEATURE[feature]));
  }
  return lines;
}

/** What the check run says when the server lacks an optional feature (docs/sync.md, "Servers"). */
const MISSING_FEATURE = {
  "sub-issues": "sync.missing.subIssues",
  dependencies: "sync.missing.dependencies",
  milestones: "sync.missing.milestones",
} as const satisfies Record<StructureReport["missing"][number], SayKey>;

function buildLintCheckRun(
  name: string,
  sha: string,
  problems: LintProblem[],
  lang: Language,
): CheckRunWrite {
  const errors = problems.filter((problem) => problem.severity === "error");
  return {
    name,
    headSha: sha,
    status: "completed",
    conclusion: "failure",
    title: say(lang, "sync.lintTitle", { count: errors.length }),
    summary: problems
      .map(
        (problem) => `- \`${problem.file}:${problem.line}:${problem.column}\` ${problem.message}`,
      )
      .join("\n"),
    annotations: toAnnotations(problems),
  };
}

function toAnnotations(
  problems: readonly LintProblem[],
): NonNullable<CheckRunWrite["annotations"]> {
  return problems.map((problem) => ({
    path: problem.file,
    startLine: problem.line,
    endLine: problem.line,
    level: problem.severity === "error" ? "failure" : "warning",
    message: problem.message,
    title: problem.code,
  }));
}

async function maybeCreateCheckRun(port: GitHubPort, run: CheckRunWrite): Promise<void> {
  if ((await port.findLatestCheckRun(run.headSha, run.name)) !== null) return;
  await port.createCheckRun(run);
}
