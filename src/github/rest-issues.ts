import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-client.js";

/** The REST issue fields Nova's ports read. */
export interface RestIssue {
  id: number;
  url: string;
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: Array<string | { name?: string | null }>;
  user: { login: string } | null;
  assignees?: Array<{ login: string }> | null;
  html_url: string;
  closed_at: string | null;
  closed_by?: { login: string } | null;
  pull_request?: unknown;
  parent_issue_url?: string | null;
  sub_issues_summary?: { total: number } | null;
  issue_dependencies_summary?: { total_blocked_by: number } | null;
  milestone?: RestMilestone | null;
}

/** The REST milestone fields Nova reads. */
export interface RestMilestone {
  number: number;
  title: string;
  description?: string | null;
  due_on: string | null;
  state: string;
}

/**
 * Every issue carrying `label`, all states, 100 per page, pull requests left out (the issues
 * endpoint lists them too). One listing shared by the sync's and the ingestion's ports.
 */
export async function listLabeledIssues(
  octokit: Octokit,
  repo: RepoRef,
  call: <T>(request: () => Promise<T>) => Promise<T>,
  label: string,
): Promise<RestIssue[]> {
  const issues = await call(() =>
    octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      labels: label,
      state: "all",
      per_page: 100,
    }),
  );
  return (issues as RestIssue[]).filter((issue) => !issue.pull_request);
}

/** Label names of a REST issue (the API gives names or label objects). */
export function parseLabelNames(labels: RestIssue["labels"]): string[] {
  return labels.flatMap((label) => {
    const name = typeof label === "string" ? label : label.name;
    return name ? [name] : [];
  });
}
