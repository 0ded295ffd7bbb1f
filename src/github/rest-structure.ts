import type { StructureApi } from "./github-api.js";
import { isAlreadyExists } from "./github-error.js";
import { orNotFound, unlessAlready, type RestContext } from "./rest-context.js";
import {
  toObservedIssue,
  toObservedMilestone,
  type RestIssue,
  type RestMilestone,
} from "./rest-issues.js";

/**
 * Sub-issues, "blocked by" dependencies, milestones and the assignee check over Octokit. The
 * bodies take issue **ids**. A 422 that says the relation exists already is a result (a
 * concurrent run was first), not an error; a 404 on the route (a server without the feature)
 * is left to the caller, which knows the issue exists.
 */
export function createStructureMethods({ octokit, repo, call }: RestContext): StructureApi {
  /** Every issue a paginated listing of one issue's relations names, 100 per page. */
  const listRelated = async (
    route:
      | typeof octokit.rest.issues.listSubIssues
      | typeof octokit.rest.issues.listDependenciesBlockedBy,
    number: number,
  ) => {
    const issues = await call(() =>
      octokit.paginate(route, { ...repo, issue_number: number, per_page: 100 }),
    );
    return (issues as unknown as RestIssue[]).map(toObservedIssue);
  };
  const milestoneFields = (milestone: { title: string; description: string; dueOn: string }) => ({
    title: milestone.title,
    description: milestone.description,
    due_on: milestone.dueOn,
  });

  return {
    listSubIssues: (parentNumber) => listRelated(octokit.rest.issues.listSubIssues, parentNumber),

    addSubIssue: (parentNumber, childId, replaceParent) =>
      unlessAlready(
        call,
        (failure) => /duplicate/i.test(failure.message),
        () =>
          octokit.rest.issues.addSubIssue({
            ...repo,
            issue_number: parentNumber,
            sub_issue_id: childId,
            ...(replaceParent ? { replace_parent: true } : {}),
          }),
      ),

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

    listBlockedBy: (number) => listRelated(octokit.rest.issues.listDependenciesBlockedBy, number),

    addBlockedBy: (number, blockerId) =>
      unlessAlready(
        call,
        (failure) => /already exists/i.test(failure.message),
        () =>
          octokit.rest.issues.addBlockedByDependency({
            ...repo,
            issue_number: number,
            issue_id: blockerId,
          }),
      ),

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

    async createMilestone(milestone) {
      try {
        const { data } = await call(() =>
          octokit.rest.issues.createMilestone({ ...repo, ...milestoneFields(milestone) }),
        );
        return toObservedMilestone(data);
      } catch (error) {
        if (isAlreadyExists(error)) return null;
        throw error;
      }
    },

    async updateMilestone(number, milestone) {
      const { data } = await call(() =>
        octokit.rest.issues.updateMilestone({
          ...repo,
          milestone_number: number,
          ...milestoneFields(milestone),
        }),
      );
      return toObservedMilestone(data);
    },

    async canBeAssigned(login) {
      const answer = await orNotFound(call, () =>
        octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: login }),
      );
      return answer !== null;
    },
  };
}
