import type { ObservedIssue } from "../github/vocabulary.js";
import type { LiveState, LiveTaskState } from "./live-state.js";

/**
 * The live state of the tasks from their issues as the sync observes them (bot-written issues
 * with a task marker, by task id, lowest number first; see `observeRepository`). The first issue
 * of a task speaks for it, as in the sync. An issue closed as completed counts as done; one
 * closed as not planned or as a duplicate does not (the sync proposes no tick for those either).
 * Pure.
 */
export function buildLiveState(
  taskIssues: ReadonlyMap<string, readonly ObservedIssue[]>,
): LiveState {
  const live = new Map<string, LiveTaskState>();
  for (const [taskId, issues] of taskIssues) {
    const issue = issues[0];
    if (!issue) continue;
    const closed =
      issue.state === "closed" &&
      issue.stateReason !== "not_planned" &&
      issue.stateReason !== "duplicate";
    live.set(taskId, {
      closed,
      assigned: issue.assignees.length > 0,
      issueNumber: issue.number,
      ...(issue.htmlUrl ? { issueUrl: issue.htmlUrl } : {}),
      ...(closed && issue.closedAt ? { closedAt: issue.closedAt } : {}),
    });
  }
  return live;
}
