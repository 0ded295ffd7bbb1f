import type {
  GitHubPort,
  MilestoneWrite,
  ObservedIssue,
  ObservedMilestone,
  RepoRef,
} from "./github-port.js";
import { isAlreadyExists, toGitHubError } from "./github-error.js";
import type { Octokit } from "./octokit-client.js";
import { parseLabelNames, type RestIssue, type RestMilestone } from "./rest-issues.js";

type Call = <T>(request: () => Promise<T>) => Promise<T>;

type StructurePort = Pick<
  GitHubPort,
  | "listSubIssues"
  | "addSubIssue"
  | "reprioritizeSubIssue"
  | "listBlockedBy"
  | "addBlockedBy"
  | "removeBlockedBy"
  | "listMilestones"
  | "createMilestone"
  | "updateMilestone"
  | "canBeAssigned"
>;

/**
 * Sub-issues, "blocked by" dependencies, milestones and the assignee check over Octokit. The
 * bodies take issue **ids**. A 422 that says the relation exists already is a result (a
 * concurrent run was first), not an error; a 404 on the route (a server without the feature)
 * is left to the caller, which knows the issue exists.
 */
export function createStructurePort(octokit: Octokit, repo: RepoRef, call: Call): StructurePort {
  return {
    async listSubIssues(parentNumber) {
      const issues = await call(() =>
        octokit.paginate(octokit.rest.issues.listSubIssues, {
          ...repo,
          issue_number: parentNumber,
          per_page: 100,
        }),
      );
      return (issues as unknown as RestIssue[]).map(toObservedIssue);
    },

    async addSubIssue(parentNumber, childId, replaceParent) {
      try {
        await call(() =>
          octokit.rest.issues.addSubIssue({
            ...repo,
            issue_number: parentNumber,
            sub_issue_id: childId,
            ...(replaceParent ? { replace_parent: true } : {}),
          }),
        );
        return true;
      } catch (error) {
        if (/duplicate/i.test(toGitHubError(error).message)) return false;
        throw toGitHubError(error);
      }
    },

    async reprioritizeSubIssue(parentNumber, childId, anchor) {
      await call(() =>
        octokit.rest.issues.reprioritizeSubIssue({
          ...repo,
          issue_number: parentNumber,
          sub_issue_id: childId,
          ...("afterId" in anchor ? { after_id: anchor.afterId } : { before_id: anchor.beforeId }),
        }),
      );
    },

    async listBlockedBy(number) {
      const issues = await call(() =>
        octokit.paginate(octokit.rest.issues.listDependenciesBlockedBy, {
          ...repo,
          issue_number: number,
          per_page: 100,
        }),
      );
      return (issues as unknown as RestIssue[]).map(toObservedIssue);
    },

    async addBlockedBy(number, blockerId) {
      try {
        await call(() =>
          octokit.rest.issues.addBlockedByDependency({
            ...repo,
            issue_number: number,
            issue_id: blockerId,
          }),
        );
        return true;
      } catch (error) {
        if (/already exists/i.test(toGitHubError(error).message)) return false;
        throw toGitHubError(error);
      }
    },

    async removeBlockedBy(number, blockerId) {
      await call(() =>
        octokit.rest.issues.removeDependencyBlockedBy({
          ...repo,
          issue_number: number,
          issue_id: blockerId,
        }),
      );
    },

    async listMilestones() {
      const milestones = await call(() =>
        octokit.paginate(octokit.rest.issues.listMilestones, {
          ...repo,
          state: "all",
          per_page: 100,
        }),
      );
      return (milestones as RestMilestone[]).map(toObservedMilestone);
    },

    async createMilestone(milestone: MilestoneWrite) {
      try {
        const { data } = await call(() =>
          octokit.rest.issues.createMilestone({
            ...repo,
            title: milestone.title,
            description: milestone.description,
            due_on: milestone.dueOn,
          }),
        );
        return toObservedMilestone(data);
      } catch (error) {
        if (isAlreadyExists(error)) return null;
        throw toGitHubError(error);
      }
    },

    async updateMilestone(number, milestone: MilestoneWrite) {
      const { data } = await call(() =>
        octokit.rest.issues.updateMilestone({
          ...repo,
          milestone_number: number,
          title: milestone.title,
          description: milestone.description,
          due_on: milestone.dueOn,
        }),
      );
      return toObservedMilestone(data);
    },

    async canBeAssigned(login) {
      try {
        await call(() => octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: login }));
        return true;
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return false;
        throw toGitHubError(error);
      }
    },
  };
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

export function toObservedIssue(issue: RestIssue): ObservedIssue {
  const reason = issue.state_reason;
  return {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state === "closed" ? "closed" : "open",
    stateReason:
      reason === "completed" ||
      reason === "not_planned" ||
      reason === "reopened" ||
      reason === "duplicate"
        ? reason
        : null,
    labels: parseLabelNames(issue.labels),
    author: issue.user?.login ?? "",
    assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
    htmlUrl: issue.html_url,
    closedAt: issue.closed_at,
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
