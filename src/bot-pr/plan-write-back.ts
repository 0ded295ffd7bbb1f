import {
  applyTextEdits,
  planSetChecked,
  planSetTaskId,
  type TextEdit,
} from "../checklist/edit-plan.js";
import { flattenTasks } from "../checklist/lint.js";
import { parsePlan } from "../checklist/parse-plan.js";
import type { Language } from "../render/i18n.js";
import { parseSyncedMarker, writeSyncedMarker } from "../github/hidden-markers.js";
import type { BotPrOp } from "./apply-bot-pr.js";
import { renderWriteBackTitle } from "./bot-pr-names.js";
import { WRITE_BACK_BRANCH } from "../sync/write-back-branch.js";
import type { ObservedWriteBack } from "./observe-write-back.js";
import { WriteBackPrBody, type WriteBackChange } from "./write-back-pr-body.js";

export interface PlanWriteBackOptions {
  lang: Language;
  checklistPath: string;
  defaultBranch: string;
  /** The note Nova leaves when it closes the pull request because nothing is left to do. */
  closeNote: string;
}

export type WriteBackOutcome =
  /** Nothing to propose and no pull request open. */
  | "none"
  | "opened"
  | "updated"
  /** The open pull request already says exactly this (markers may still be written). */
  | "up-to-date"
  /** The checklist already agrees: the open pull request was closed with a note. */
  | "closed";

export interface WriteBackPlan {
  outcome: WriteBackOutcome;
  ops: BotPrOp[];
  changes: WriteBackChange[];
  pinned: string[];
}

/**
 * Decides the write-back pull request's writes. Pure.
 *
 * - Each proposal whose issue is still as the sync saw it (closed as completed → tick, open →
 *   untick) and whose box still differs becomes one one-character edit (`planSetChecked`).
 * - A task whose box changes and whose id is still derived from its title also gets its id
 *   pinned (`planSetTaskId`: `<!-- nova: id=… -->` on the same task), so renaming it later keeps
 *   its issue. No other task is touched: the diff is exactly the lines whose boxes change, as the
 *   body promises (pinning every task made a 2-box pull request change 20 lines).
 * - The commit is made on the current default branch; an open pull request whose head is
 *   exactly that commit's content on that base is left alone, otherwise its branch is
 *   regenerated. Title and body are rewritten only when they differ. Never two pull requests.
 * - No edit left (someone ticked by hand): an open pull request is closed with a note.
 * - After the pull request, each proposed issue's synced marker is set to the proposed state
 *   (one body write, once), so the sync holds the issue while the pull request is open and
 *   merging it is a no-op sync (docs/sync.md).
 */
export function planWriteBack(
  observed: ObservedWriteBack,
  options: PlanWriteBackOptions,
): WriteBackPlan {
  const none: WriteBackPlan = { outcome: "none", ops: [], changes: [], pinned: [] };
  if (observed.source === null) return none;
  const source = observed.source;
  const plan = parsePlan(source);
  // Nested tasks have issues too (sub-issues of their parent task's), so their boxes are proposed.
  const tasks = flattenTasks(plan.tasks);
  const taskById = new Map(tasks.map((task) => [task.id, task]));

  const changes: WriteBackChange[] = [];
  const edits: TextEdit[] = [];
  const markerOps: BotPrOp[] = [];
  for (const { proposal, issue } of observed.proposals) {
    const task = taskById.get(proposal.taskId);
    if (!issue || !task || changes.some((change) => change.taskId === task.id)) continue;
    const tick = proposal.action === "tick";
    // The sync saw a human's close or reopen; if the issue moved again since, the next sync decides.
    const stillSo = tick
      ? issue.state === "closed" && issue.stateReason !== "not_planned"
      : issue.state === "open";
    if (!stillSo) continue;
    const edit = planSetChecked(plan, task.id, tick);
    if (edit.length === 0) continue;
    edits.push(...edit);
    changes.push({
      action: proposal.action,
      taskId: task.id,
      title: task.title || task.id,
      issueNumber: issue.number,
      issueUrl: issue.htmlUrl || null,
      actor: tick ? (issue.closedBy ?? null) : null,
    });
    if (parseSyncedMarker(issue.body)?.checked !== tick) {
      markerOps.push({
        kind: "set-synced-marker",
        issueNumber: issue.number,
        body: writeSyncedMarker(issue.body, { checked: tick, removed: false }),
      });
    }
  }

  const open = observed.open;
  if (changes.length === 0) {
    if (!open) return none;
    return {
      outcome: "closed",
      ops: [{ kind: "close-pr", number: open.pull.number, comment: options.closeNote }],
      changes,
      pinned: [],
    };
  }

  const changed = new Set(changes.map((change) => change.taskId));
  const pinned = tasks
    .filter((task) => changed.has(task.id) && task.idSource === "slug")
    .map((task) => task.id);
  for (const id of pinned) edits.push(...planSetTaskId(plan, id));
  const desired = applyTextEdits(source, edits);
  const title = renderWriteBackTitle(options.lang);
  const body = new WriteBackPrBody({ lang: options.lang, changes, pinned }).toString();
  const commit: BotPrOp = {
    kind: "commit",
    branch: WRITE_BACK_BRANCH,
    baseSha: observed.baseSha,
    message: [
      title,
      "",
      ...changes.map((change) => `- ${change.action} ${change.taskId} (#${change.issueNumber})`),
      ...(pinned.length > 0
        ? [`- pin ${pinned.length} ${pinned.length === 1 ? "id" : "ids"}`]
        : []),
    ].join("\n"),
    files: [{ path: options.checklistPath, content: desired }],
  };

  if (!open) {
    return {
      outcome: "opened",
      ops: [
        commit,
        { kind: "create-pr", title, body, head: WRITE_BACK_BRANCH, base: options.defaultBranch },
        ...markerOps,
      ],
      changes,
      pinned,
    };
  }
  const current =
    open.headParents.length === 1 &&
    open.headParents[0] === observed.baseSha &&
    open.headText === desired;
  const pullChanges = {
    ...(open.pull.title !== title ? { title } : {}),
    ...(normalize(open.pull.body) !== normalize(body) ? { body } : {}),
  };
  const ops: BotPrOp[] = [
    ...(current ? [] : [commit]),
    ...(Object.keys(pullChanges).length > 0
      ? [{ kind: "update-pr" as const, number: open.pull.number, changes: pullChanges }]
      : []),
  ];
  return {
    outcome: ops.length > 0 ? "updated" : "up-to-date",
    ops: [...ops, ...markerOps],
    changes,
    pinned,
  };
}

/** GitHub may hand a body back with CRLF line ends. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, "\n").trim();
}
