import type { ObservedIssue } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";
import type { ObservedState } from "./plan-sync.js";
import { sectionKey } from "./desired-state.js";
import { parseSectionMarker, parseTaskMarker } from "../github/hidden-markers.js";

export interface ObserveOptions {
  prefix: string;
  /** The app's bot login (`<slug>[bot]`): only its issues can belong to a task. */
  botLogin: string;
}

/**
 * Reads what the sync needs in ONE paginated listing: the issues carrying the plan label (all
 * states, 100 per page). The labels Nova manages are known from those issues; a label no issue
 * carries yet is simply created (an `already_exists` answer adopts it), so a no-op run needs no
 * label listing. An issue belongs to a task only through its marker AND only if the bot wrote
 * it, so a human copying a marker into their own issue cannot capture the task.
 */
export async function observeRepository(
  port: GitHubPort,
  options: ObserveOptions,
): Promise<ObservedState & { listed: ObservedIssue[] }> {
  const issues = await port.listIssuesWithLabel(options.prefix);
  const labels = new Map<string, string>();
  for (const issue of issues) for (const name of issue.labels) labels.set(name.toLowerCase(), name);
  return {
    labels: [...labels.values()],
    taskIssues: indexPlanIssues(issues, options.botLogin),
    // The listing as read, for the board after the sync (`SyncObservation`).
    listed: issues,
  };
}

/**
 * Bot-written task AND section issues, by key (a task id, or `section:<slug>`), lowest number
 * first: what the sync manages. Everything else reads tasks only (`indexTaskIssues`).
 */
export function indexPlanIssues(
  issues: readonly ObservedIssue[],
  botLogin: string,
): Map<string, ObservedIssue[]> {
  const byKey = indexTaskIssues(issues, botLogin);
  for (const issue of issues) {
    if (issue.author.toLowerCase() !== botLogin.toLowerCase()) continue;
    const slug = parseSectionMarker(issue.body);
    if (!slug) continue;
    const key = sectionKey(slug);
    byKey.set(
      key,
      [...(byKey.get(key) ?? []), issue].sort((a, b) => a.number - b.number),
    );
  }
  return byKey;
}

/** Bot-written issues with a task marker, by task id, lowest number first. */
export function indexTaskIssues(
  issues: readonly ObservedIssue[],
  botLogin: string,
): Map<string, ObservedIssue[]> {
  const byTask = new Map<string, ObservedIssue[]>();
  for (const issue of issues) {
    if (issue.author.toLowerCase() !== botLogin.toLowerCase()) continue;
    const taskId = parseTaskMarker(issue.body);
    if (!taskId) continue;
    const list = byTask.get(taskId) ?? [];
    list.push(issue);
    byTask.set(taskId, list);
  }
  for (const list of byTask.values()) list.sort((a, b) => a.number - b.number);
  return byTask;
}
