import type { Plan } from "../checklist/types.js";
import { buildDesiredState } from "../sync/desired-state.js";
import type { FirstSyncPreview } from "../sync/first-sync-preview.js";
import { countOpWrites, planSync } from "../sync/plan-sync.js";
import type { CliOptions } from "./cli-args.js";

/**
 * What a first sync into an empty repository would write, decided by the real planner (the
 * same `planSync` the app runs) against an empty observed state, on github.com with the default
 * configuration: section issues, their tasks as sub-issues, `after=` as "blocked by".
 */
export function planFirstSync(plan: Plan, options: CliOptions): FirstSyncPreview {
  const links = {
    htmlUrl: "https://github.com/OWNER/REPO",
    defaultBranch: "main",
    checklistPath: options.checklist,
    sha: "main",
  };
  const desired = buildDesiredState(
    plan,
    { prefix: options.prefix, lang: options.lang },
    links,
    undefined,
    { sectionIssues: true, dependencies: true, milestone: null },
  );
  const subIssues = desired.subIssues.reduce((sum, entry) => sum + entry.children.length, 0);
  const blockedBy = desired.blockedBy.reduce((sum, entry) => sum + entry.blockers.length, 0);
  const { ops } = planSync(
    desired,
    { labels: [], taskIssues: new Map() },
    { prefix: options.prefix, closeRemoved: true },
  );
  const lines = new Map(desired.issues.map((issue) => [issue.taskId, issue.line]));
  return {
    labels: ops.flatMap((op) => (op.kind === "create-label" ? [op.label] : [])),
    issues: ops
      .flatMap((op) =>
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
      )
      // In checklist order: each section's issue (its heading's line) before its tasks.
      .sort((a, b) => a.line - b.line),
    links: { subIssues, blockedBy },
    writes: ops.reduce((sum, op) => sum + countOpWrites(op), 0) + subIssues + blockedBy,
  };
}
