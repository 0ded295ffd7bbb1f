import { notFound } from "../github-error.js";
import { paginate } from "../paginate.js";
import { renderIssue, renderMilestone } from "../render.js";
import type { Handler } from "./handler-context.js";
import { bodyOf, intParam, reply, replyPage, requireRepo, stringParam } from "./handler-context.js";

/** The operations GitHub Enterprise Server 3.19 does not have (the fake answers 404 there). */
export const SUB_ISSUE_OPERATIONS: ReadonlySet<string> = new Set([
  "issues/list-sub-issues",
  "issues/add-sub-issue",
  "issues/remove-sub-issue",
  "issues/reprioritize-sub-issue",
]);

/**
 * Sub-issues, "blocked by" dependencies, milestones and the assignee check.
 * See https://docs.github.com/en/rest/issues/sub-issues,
 * https://docs.github.com/en/rest/issues/issue-dependencies and
 * https://docs.github.com/en/rest/issues/milestones
 */
export const relationHandlers: Record<string, Handler> = {
  "issues/list-sub-issues": (context) => {
    const repo = requireRepo(context);
    const parent = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const all = repo.tracker.relations
      .subIssues(parent)
      .map((issue) => renderIssue(context.state, repo, issue));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/add-sub-issue": (context) => {
    const repo = requireRepo(context);
    const parent = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const body = bodyOf<{ sub_issue_id: number; replace_parent?: boolean }>(context);
    repo.tracker.relations.addSubIssue(parent, body.sub_issue_id, body.replace_parent === true);
    return reply(201, renderIssue(context.state, repo, parent));
  },

  "issues/remove-sub-issue": (context) => {
    const repo = requireRepo(context);
    const parent = repo.tracker.requireIssue(intParam(context, "issue_number"));
    repo.tracker.relations.removeSubIssue(
      parent,
      bodyOf<{ sub_issue_id: number }>(context).sub_issue_id,
    );
    return reply(200, renderIssue(context.state, repo, parent));
  },

  "issues/reprioritize-sub-issue": (context) => {
    const repo = requireRepo(context);
    const parent = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const body = bodyOf<{ sub_issue_id: number; after_id?: number; before_id?: number }>(context);
    repo.tracker.relations.reprioritize(parent, body.sub_issue_id, body.after_id, body.before_id);
    return reply(200, renderIssue(context.state, repo, parent));
  },

  "issues/list-dependencies-blocked-by": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const all = repo.tracker.relations
      .blockedBy(issue)
      .map((blocker) => renderIssue(context.state, repo, blocker));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/add-blocked-by-dependency": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const blocker = repo.tracker.relations.addBlockedBy(
      issue,
      bodyOf<{ issue_id: number }>(context).issue_id,
    );
    return reply(201, renderIssue(context.state, repo, blocker));
  },

  "issues/remove-dependency-blocked-by": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    const blocker = repo.tracker.relations.removeBlockedBy(issue, intParam(context, "issue_id"));
    return reply(200, renderIssue(context.state, repo, blocker));
  },

  "issues/list-milestones": (context) => {
    const repo = requireRepo(context);
    const state = stringParam(context, "state") ?? "open";
    const all = repo.tracker.milestones
      .filter((milestone) => state === "all" || milestone.state === state)
      .map((milestone) => renderMilestone(context.state, repo, milestone));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/create-milestone": (context) => {
    const repo = requireRepo(context);
    const milestone = repo.tracker.createMilestone(
      bodyOf<{ title: string; description?: string; state?: "open" | "closed"; due_on?: string }>(
        context,
      ),
    );
    return reply(201, renderMilestone(context.state, repo, milestone));
  },

  "issues/update-milestone": (context) => {
    const repo = requireRepo(context);
    const milestone = repo.tracker.findMilestone(intParam(context, "milestone_number"));
    if (milestone === undefined) throw notFound();
    repo.tracker.updateMilestone(milestone, bodyOf(context));
    return reply(200, renderMilestone(context.state, repo, milestone));
  },

  // 204 when the user can be assigned (the owner, or a role of triage and up), else 404.
  "issues/check-user-can-be-assigned": (context) => {
    const repo = requireRepo(context);
    const login = stringParam(context, "assignee") ?? "";
    const role = repo.roleOf(login);
    const assignable =
      login.toLowerCase() === repo.owner.toLowerCase() ||
      ["triage", "write", "maintain", "admin"].includes(role);
    if (!assignable) throw notFound();
    return reply(204);
  },
};
