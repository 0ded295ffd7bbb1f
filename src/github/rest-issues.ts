import type { IssueApi } from "./github-api.js";
import { isAlreadyExists } from "./github-error.js";
import { orNotFound, unlessAlready, type RestContext } from "./rest-context.js";
import { NO_BLIND_RETRY } from "./retry-secondary-limit.js";
import type { ObservedIssue, ObservedLabel, ObservedMilestone } from "./vocabulary.js";

/** The REST issue fields Nova reads. */
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

/** Issues and labels over Octokit's REST issues API. */
export function createIssueMethods({ octokit, repo, call }: RestContext): IssueApi {
  /** A label's fields as the API takes them; GitHub keeps its description when none is sent. */
  const labelFields = (label: ObservedLabel) => ({
    color: label.color,
    ...(label.description !== null ? { description: label.description } : {}),
  });

  return {
    async listIssuesWithLabel(label) {
      const issues = await call(() =>
        octokit.paginate(octokit.rest.issues.listForRepo, {
          ...repo,
          labels: label,
          state: "all",
          per_page: 100,
        }),
      );
      // The issues endpoint lists pull requests too.
      return (issues as RestIssue[]).filter((issue) => !issue.pull_request).map(toObservedIssue);
    },

    async getIssue(number) {
      const response = await orNotFound(call, () =>
        octokit.rest.issues.get({ ...repo, issue_number: number }),
      );
      if (response === null) return null;
      return {
        ...toObservedIssue(response.data),
        closedBy: response.data.closed_by?.login ?? null,
      };
    },

    async createIssue(issue) {
      const { data } = await call(() =>
        octokit.rest.issues.create({ ...repo, ...issue, ...NO_BLIND_RETRY }),
      );
      return toObservedIssue(data);
    },

    async updateIssue(number, changes) {
      const { stateReason, ...rest } = changes;
      const { data } = await call(() =>
        octokit.rest.issues.update({
          ...repo,
          issue_number: number,
          ...rest,
          ...(stateReason ? { state_reason: stateReason } : {}),
        }),
      );
      return toObservedIssue(data);
    },

    // Another run (or a person) created it first: the label is there, which is all we wanted.
    createLabel: (label) =>
      unlessAlready(call, isAlreadyExists, () =>
        octokit.rest.issues.createLabel({ ...repo, name: label.name, ...labelFields(label) }),
      ),

    async updateLabel(currentName, label) {
      await call(() =>
        octokit.rest.issues.updateLabel({
          ...repo,
          name: currentName,
          new_name: label.name,
          ...labelFields(label),
        }),
      );
    },

    async addLabels(number, labels) {
      await call(() => octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels }));
    },

    async removeLabel(number, name) {
      // 404 "Label does not exist": someone removed it first, which is all we wanted.
      await orNotFound(call, () =>
        octokit.rest.issues.removeLabel({ ...repo, issue_number: number, name }),
      );
    },
  };
}

/** Label names of a REST issue (the API gives names or label objects). */
export function parseLabelNames(labels: RestIssue["labels"]): string[] {
  return labels.flatMap((label) => {
    const name = typeof label === "string" ? label : label.name;
    return name ? [name] : [];
  });
}

export function toObservedMilestone(milestone: RestMilestone): ObservedMilestone {
  return {
    number: milestone.number,
    title: milestone.title,
    description: milestone.description ?? null,
    dueOn: milestone.due_on,
    state: milestone.state === "closed" ? "closed" : "open",
  };
}

const STATE_REASONS: ReadonlySet<string> = new Set([
  "completed",
  "not_planned",
  "reopened",
  "duplicate",
]);

export function toObservedIssue(issue: RestIssue): ObservedIssue {
  const reason = issue.state_reason;
  return {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state === "closed" ? "closed" : "open",
    stateReason:
      reason && STATE_REASONS.has(reason) ? (reason as ObservedIssue["stateReason"]) : null,
    labels: parseLabelNames(issue.labels),
    author: issue.user?.login ?? "",
    assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
    htmlUrl: issue.html_url,
    closedAt: issue.closed_at,
    ...(issue.pull_request ? { isPullRequest: true as const } : {}),
    apiUrl: issue.url,
    // Absent fields mean the server has no such feature (GHES 3.19 has no sub-issues).
    ...("parent_issue_url" in issue ? { parentIssueUrl: issue.parent_issue_url ?? null } : {}),
    ...(issue.sub_issues_summary ? { subIssuesTotal: issue.sub_issues_summary.total } : {}),
    ...(issue.issue_dependencies_summary
      ? { blockedByTotal: issue.issue_dependencies_summary.total_blocked_by }
      : {}),
    milestone: issue.milestone ? toObservedMilestone(issue.milestone) : null,
  };
}
