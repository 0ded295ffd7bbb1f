/**
 * Publishing one verified report in its repository: observe (the target, the bot's report
 * comments on it, the host's check runs on the commit) → plan (pure, `planPublish`) → apply
 * (the only writer: comment, check run, label, board). Observing before every write makes a
 * repeated upload, also after a restart or a GitHub failure halfway, find what was already
 * published instead of posting it again.
 */
import { say } from "../render/i18n.js";
import type { NovaConfig } from "../config/schema.js";
import type { Logger } from "../logger.js";
import type { ObservedIssue, RepoRef } from "../github/vocabulary.js";
import type { IngestPort } from "../github/github-api.js";
import type { ProjectPort } from "../github/project-port.js";
import type { Renderer } from "../render/create-renderer.js";
import type { GpuReport } from "@nova/protocol";
import { parseTaskMarker } from "../github/hidden-markers.js";
import { setGpuCheckValue } from "./gpu-board-field.js";
import {
  planPublish,
  type ObservedReportComment,
  type ObservedTarget,
  type PublishPlan,
  type Thread,
} from "./plan-publish.js";
import { parseCommentState } from "./report-comment-state.js";
import { checkRunName, type TargetLine } from "./render-gpu-report.js";
import { plainName } from "./runner-text.js";
import { resolveRunbookBase } from "./runbook-base.js";
import type { PublishedUrls } from "./upload-answer.js";

export interface PublishInput {
  port: IngestPort;
  /** The board's port; null when no board is to be written. */
  projects: ProjectPort | null;
  repo: RepoRef;
  report: GpuReport;
  hash: string;
  config: NovaConfig;
  botLogin: string;
  /** Base of runbook links (`NOVA_RUNBOOK_BASE_URL`); default: Nova's published runbooks. */
  runbookBaseUrl: string | null;
  log: Pick<Logger, "info" | "warn">;
  renderer?: Renderer;
}

export type PublishResult =
  | { kind: "published"; duplicate: boolean; urls: PublishedUrls }
  | { kind: "target-missing"; message: string }
  | { kind: "conflict" };

/** Colour of the `<prefix>/gpu-fail` label (its description is the catalog's `gpu.failLabel`). */
const FAIL_LABEL_COLOR = "B60205";

export async function publishReport(input: PublishInput): Promise<PublishResult> {
  const { config, report, log } = input;
  const lang = config.language;
  const name = checkRunName(plainName(report.host.hostname, 60), lang);
  const observed = await observeTarget(input, name);
  if ("missing" in observed) return { kind: "target-missing", message: observed.missing };

  const planned = planPublish(report, input.hash, observed, {
    lang,
    failLabel: `${config.labels.prefix}/gpu-fail`,
    checkRunName: name,
    runbookBase: resolveRunbookBase(input.runbookBaseUrl),
    board: config.project !== undefined && input.projects !== null,
    ...(input.renderer ? { renderer: input.renderer } : {}),
  });
  if (planned.kind === "conflict") return planned;
  const urls = await applyPublish(planned.plan, input);
  log.info(
    {
      report: report.id,
      status: report.status,
      duplicate: planned.plan.duplicate,
      comment: planned.plan.comment.kind,
      checkRun: planned.plan.checkRun.kind,
      label: planned.plan.label?.kind ?? "none",
      aggregate: planned.plan.aggregate,
    },
    planned.plan.duplicate ? "gpu report: already published" : "gpu report published",
  );
  return { kind: "published", duplicate: planned.plan.duplicate, urls };
}

/** The target as GitHub holds it, or why it does not exist. */
async function observeTarget(
  input: PublishInput,
  checkName: string,
): Promise<ObservedTarget | { missing: string }> {
  const { port, config } = input;
  const target = input.report.target ?? { task: config.gpu.task };
  let thread: Thread | null;
  let headSha: string | null = null;
  let line: TargetLine;
  if ("issue" in target) {
    const issue = await port.getIssue(target.issue);
    if (!issue) return { missing: `issue #${target.issue} does not exist` };
    thread = toThread(issue, input.botLogin);
    line = { kind: "issue", number: issue.number };
  } else if ("pullRequest" in target) {
    const pull = await port.getPullRequest(target.pullRequest);
    if (!pull) return { missing: `pull request #${target.pullRequest} does not exist` };
    // A pull request's conversation is never a task's issue.
    thread = {
      number: pull.number,
      labels: pull.labels,
      htmlUrl: pull.htmlUrl,
      isTaskIssue: false,
    };
    headSha = pull.headSha;
    line = { kind: "pull", number: pull.number, sha: pull.headSha };
  } else if ("sha" in target) {
    // A commit has no conversation: the comment goes to the configured task's issue, if any.
    headSha = target.sha;
    const issue = await findTaskIssue(input, config.gpu.task);
    thread = issue ? toThread(issue, input.botLogin) : null;
    line = { kind: "sha", sha: target.sha };
  } else {
    const issue = await findTaskIssue(input, target.task);
    if (!issue) {
      return {
        missing: `task ${target.task} has no issue (is it in the checklist, and has Nova synced it?)`,
      };
    }
    thread = toThread(issue, input.botLogin);
    line = { kind: "task", task: target.task };
  }

  const checkRuns = headSha === null ? null : await port.listCheckRuns(headSha, checkName);
  if (headSha !== null && checkRuns === null)
    return { missing: `commit ${headSha} does not exist` };
  const comments: ObservedReportComment[] = [];
  if (thread) {
    for (const comment of await port.listComments(thread.number)) {
      // Only the bot's own comments: a marker copied into someone else's comment means nothing.
      if (comment.author.toLowerCase() !== input.botLogin.toLowerCase()) continue;
      const state = parseCommentState(comment.body);
      if (state) comments.push({ id: comment.id, htmlUrl: comment.htmlUrl, state });
    }
  }
  return { thread, comments, headSha, checkRuns, line };
}

/** The task's issue: written by the bot with the task's marker, the lowest number (as the sync keeps). */
async function findTaskIssue(input: PublishInput, taskId: string): Promise<ObservedIssue | null> {
  const issues = await input.port.listIssuesWithLabel(input.config.labels.prefix);
  const bot = input.botLogin.toLowerCase();
  const matching = issues
    .filter((issue) => issue.author.toLowerCase() === bot && parseTaskMarker(issue.body) === taskId)
    .sort((a, b) => a.number - b.number);
  return matching[0] ?? null;
}

function toThread(issue: ObservedIssue, botLogin: string): Thread {
  return {
    number: issue.number,
    labels: issue.labels,
    htmlUrl: issue.htmlUrl,
    isTaskIssue:
      !issue.isPullRequest &&
      issue.author.toLowerCase() === botLogin.toLowerCase() &&
      parseTaskMarker(issue.body) !== null,
  };
}

/**
 * The only writer: the comment first (it records the report id), then the check run (its
 * `external_id` is the report id; details link to the comment), the label, the board. A GitHub
 * failure stops here and leaves as `GitHubError`; the upload is answered 503 and the runner's
 * retry observes again, so what was written is not written twice. The board is best effort.
 */
async function applyPublish(plan: PublishPlan, input: PublishInput): Promise<PublishedUrls> {
  const { port, log } = input;
  let commentUrl: string | null = null;
  const { comment } = plan;
  if (comment.kind === "keep") commentUrl = comment.htmlUrl;
  if (comment.kind === "create")
    commentUrl = (await port.createComment(comment.issueNumber, comment.body)).htmlUrl;
  if (comment.kind === "update")
    commentUrl = (await port.updateComment(comment.id, comment.body)).htmlUrl;

  let checkRunUrl: string | null = null;
  const { checkRun } = plan;
  if (checkRun.kind === "keep") checkRunUrl = checkRun.htmlUrl;
  if (checkRun.kind === "create") {
    const created = await port.createCheckRun({
      ...checkRun.run,
      ...(commentUrl ? { detailsUrl: commentUrl } : {}),
    });
    checkRunUrl = created.htmlUrl;
  }

  const { label } = plan;
  if (label?.kind === "add") {
    await port.createLabel({
      name: label.name,
      color: FAIL_LABEL_COLOR,
      description: say(input.config.language, "gpu.failLabel"),
    });
    await port.addLabels(label.issueNumber, [label.name]);
  }
  if (label?.kind === "remove") await port.removeLabel(label.issueNumber, label.name);

  const project = input.config.project;
  if (plan.board && project && input.projects) {
    try {
      const result = await setGpuCheckValue({
        projects: input.projects,
        project,
        repo: input.repo,
        issueNumber: plan.board.issueNumber,
        value: plan.board.value,
      });
      if (result.kind === "skipped")
        log.warn({ reason: result.reason }, "gpu report: board not updated");
    } catch (error) {
      log.warn({ err: error }, "gpu report: board not updated");
    }
  }
  return { commentUrl, checkRunUrl };
}
