/**
 * What publishing a report must write, decided from what GitHub holds (pure): the host's sticky
 * comment (created, updated in place, or already holding this report), the check run (unless one
 * with this report id as `external_id` exists), the `<prefix>/gpu-fail` label, the board's
 * `GPU-Check` value. A report id recorded with another body is a conflict.
 */
import type { CheckRunWrite, ObservedCheckRun } from "../github/vocabulary.js";
import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import type { CheckStatus, GpuReport } from "@nova/protocol";
import { worstStatus } from "@nova/protocol";
import { addRun, findRecordedHash, hostKey, type CommentState } from "./report-comment-state.js";
import {
  renderCheckRunOutput,
  renderGpuReportComment,
  type TargetLine,
} from "./render-gpu-report.js";
import { boardValueFor, conclusionFor } from "./report-words.js";

/** The issue or pull request that carries the comment. */
export interface Thread {
  number: number;
  labels: string[];
  htmlUrl: string;
  /** A task issue (Nova wrote it, with a task marker): its board item gets `GPU-Check`. */
  isTaskIssue: boolean;
}

/** A GPU report comment the app's bot wrote on the thread. */
export interface ObservedReportComment {
  id: number;
  htmlUrl: string;
  state: CommentState;
}

export interface ObservedTarget {
  /** Null for a commit whose task has no issue: then only the check run is published. */
  thread: Thread | null;
  /** The bot's GPU report comments on the thread, oldest first. */
  comments: ObservedReportComment[];
  /** The commit for the check run: the `sha` target or a pull request's head. */
  headSha: string | null;
  /** Check runs of this host's name on `headSha` (null without a commit). */
  checkRuns: ObservedCheckRun[] | null;
  line: TargetLine;
}

export interface PlanOptions {
  lang: Language;
  /** `<prefix>/gpu-fail`. */
  failLabel: string;
  checkRunName: string;
  runbookBase: string;
  /** A project board is configured. */
  board: boolean;
  renderer?: Renderer;
}

export type CommentOp =
  | { kind: "none" }
  | { kind: "keep"; id: number; htmlUrl: string }
  | { kind: "create"; issueNumber: number; body: string }
  | { kind: "update"; id: number; body: string };

export type CheckRunOp =
  | { kind: "none" }
  | { kind: "keep"; htmlUrl: string }
  | { kind: "create"; run: Omit<CheckRunWrite, "detailsUrl"> };

export interface PublishPlan {
  comment: CommentOp;
  checkRun: CheckRunOp;
  label: { kind: "add" | "remove" | "keep"; issueNumber: number; name: string } | null;
  board: { issueNumber: number; value: "pass" | "warn" | "fail" } | null;
  /** The comment and check run hold this report already: answer 200 with their addresses. */
  duplicate: boolean;
  /** The worst latest status of all hosts on the thread (what label and board follow). */
  aggregate: CheckStatus | null;
}

export type PlanResult = { kind: "conflict" } | { kind: "publish"; plan: PublishPlan };

export function planPublish(
  report: GpuReport,
  hash: string,
  observed: ObservedTarget,
  options: PlanOptions,
): PlanResult {
  const host = hostKey(report.host.hostname);
  // One id is one body: an id recorded with another hash (on any host's comment) is a conflict.
  let recorded: ObservedReportComment | undefined;
  for (const comment of observed.comments) {
    const known = findRecordedHash(comment.state, report.id);
    if (known === null) continue;
    if (known !== hash) return { kind: "conflict" };
    recorded = comment;
  }
  const sticky = observed.comments.find((comment) => comment.state.host === host);

  let comment: CommentOp = { kind: "none" };
  const latest = new Map<string, CheckStatus>();
  for (const existing of observed.comments) {
    if (!latest.has(existing.state.host))
      latest.set(existing.state.host, existing.state.runs[0]!.status);
  }
  const render = { lang: options.lang, runbookBase: options.runbookBase, target: observed.line };
  const renderer = options.renderer ? { renderer: options.renderer } : {};
  if (recorded) {
    comment = { kind: "keep", id: recorded.id, htmlUrl: recorded.htmlUrl };
  } else if (observed.thread) {
    const state = addRun(sticky?.state ?? null, host, {
      id: report.id,
      hash,
      at: report.createdAt,
      status: report.status,
      summary: report.summary,
      sha: observed.headSha,
    });
    const body = renderGpuReportComment(report, state, { ...render, ...renderer });
    comment = sticky
      ? { kind: "update", id: sticky.id, body }
      : { kind: "create", issueNumber: observed.thread.number, body };
    latest.set(host, report.status);
  }

  let checkRun: CheckRunOp = { kind: "none" };
  if (observed.headSha !== null) {
    const existing = observed.checkRuns?.find((run) => run.externalId === report.id);
    if (existing) {
      checkRun = { kind: "keep", htmlUrl: existing.htmlUrl };
    } else {
      const output = renderCheckRunOutput(report, { ...render, ...renderer });
      checkRun = {
        kind: "create",
        run: {
          name: options.checkRunName,
          headSha: observed.headSha,
          status: "completed",
          conclusion: conclusionFor(report.status),
          externalId: report.id,
          title: output.title,
          summary: output.summary,
          ...(output.text ? { text: output.text } : {}),
        },
      };
    }
  }

  const duplicate =
    comment.kind !== "create" && comment.kind !== "update" && checkRun.kind !== "create";
  const aggregate = latest.size > 0 ? worstStatus(latest.values()) : null;
  const thread = observed.thread;
  let label: PublishPlan["label"] = null;
  if (thread && aggregate !== null) {
    const has = thread.labels.some(
      (name) => name.toLowerCase() === options.failLabel.toLowerCase(),
    );
    const want = aggregate === "fail";
    label = {
      kind: want === has ? "keep" : want ? "add" : "remove",
      issueNumber: thread.number,
      name: options.failLabel,
    };
  }
  const board =
    options.board && !duplicate && thread?.isTaskIssue && aggregate !== null
      ? { issueNumber: thread.number, value: boardValueFor(aggregate) }
      : null;
  return { kind: "publish", plan: { comment, checkRun, label, board, duplicate, aggregate } };
}
