import type { FakeRepo } from "../fake-repo.js";
import { notFound } from "../github-error.js";
import { paginate } from "../paginate.js";
import type { IssueRecord } from "../records.js";
import { renderIssue, renderLabel } from "../render.js";
import type { IssueChanges, LabelInput } from "../repo-issues.js";
import type { Handler, HandlerContext } from "./handler-context.js";
import {
  actingUser,
  bodyOf,
  intParam,
  reply,
  replyPage,
  requireRepo,
  stringParam,
} from "./handler-context.js";

/**
 * Issues and labels. `GET /repos/{o}/{r}/issues` lists pull requests too (with a
 * `pull_request` key), as GitHub does.
 * See https://docs.github.com/en/rest/issues/issues#list-repository-issues
 */
export const issueHandlers: Record<string, Handler> = {
  "issues/list-for-repo": (context) => {
    const repo = requireRepo(context);
    const issues = sortIssues(
      context,
      repo,
      repo.tracker.issues.filter((issue) => matchesListFilters(context, repo, issue)),
    );
    const all = issues.map((issue) => renderIssue(context.state, repo, issue));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/get": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    return reply(200, renderIssue(context.state, repo, issue));
  },

  "issues/create": (context) => {
    const repo = requireRepo(context);
    const body = bodyOf<{
      title: string | number;
      body?: string | null;
      labels?: LabelInput[];
      assignees?: string[];
      assignee?: string | null;
      milestone?: number | string | null;
    }>(context);
    const assignees = body.assignees ?? (body.assignee ? [body.assignee] : []);
    const issue = repo.tracker.createIssue({
      title: String(body.title),
      body: body.body ?? null,
      labels: body.labels ?? [],
      assignees,
      milestone:
        body.milestone === undefined || body.milestone === null ? null : Number(body.milestone),
      user: actingUser(context),
    });
    return reply(201, renderIssue(context.state, repo, issue), {
      location: `${context.state.baseUrl}/repos/${repo.fullName}/issues/${issue.number}`,
    });
  },

  "issues/update": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    repo.tracker.updateIssue(issue, bodyOf<IssueChanges>(context), actingUser(context));
    return reply(200, renderIssue(context.state, repo, issue));
  },

  "issues/list-labels-for-repo": (context) => {
    const repo = requireRepo(context);
    const all = repo.tracker.labels.map((label) => renderLabel(context.state, repo, label));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/get-label": (context) => {
    const repo = requireRepo(context);
    const label = repo.tracker.findLabel(stringParam(context, "name") ?? "");
    if (label === undefined) throw notFound();
    return reply(200, renderLabel(context.state, repo, label));
  },

  "issues/create-label": (context) => {
    const repo = requireRepo(context);
    const body = bodyOf<{ name: string; color?: string; description?: string }>(context);
    const label = repo.tracker.createLabel(body);
    return reply(201, renderLabel(context.state, repo, label));
  },

  "issues/update-label": (context) => {
    const repo = requireRepo(context);
    const label = repo.tracker.updateLabel(
      stringParam(context, "name") ?? "",
      bodyOf<{ new_name?: string; color?: string; description?: string }>(context),
    );
    return reply(200, renderLabel(context.state, repo, label));
  },

  "issues/add-labels": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    repo.tracker.addLabels(issue, bodyOf<{ labels?: LabelInput[] }>(context).labels ?? []);
    return reply(200, issueLabels(context, repo, issue));
  },

  "issues/remove-label": (context) => {
    const repo = requireRepo(context);
    const issue = repo.tracker.requireIssue(intParam(context, "issue_number"));
    repo.tracker.removeLabel(issue, stringParam(context, "name") ?? "");
    return reply(200, issueLabels(context, repo, issue));
  },
};

function issueLabels(context: HandlerContext, repo: FakeRepo, issue: IssueRecord): unknown[] {
  return issue.labelIds
    .map((id) => repo.tracker.labelById(id))
    .filter((label) => label !== undefined)
    .map((label) => renderLabel(context.state, repo, label));
}

function matchesListFilters(context: HandlerContext, repo: FakeRepo, issue: IssueRecord): boolean {
  const state = stringParam(context, "state") ?? "open";
  if (state !== "all" && issue.state !== state) return false;
  const labels = stringParam(context, "labels");
  if (labels !== undefined && labels !== "") {
    const names = new Set(
      issue.labelIds.map((id) => repo.tracker.labelById(id)?.name.toLowerCase()),
    );
    const wanted = labels.split(",").map((name) => name.trim().toLowerCase());
    if (!wanted.every((name) => names.has(name))) return false;
  }
  const creator = stringParam(context, "creator");
  if (creator !== undefined && issue.user.login.toLowerCase() !== creator.toLowerCase())
    return false;
  const assignee = stringParam(context, "assignee");
  if (assignee === "none" && issue.assignees.length > 0) return false;
  if (assignee === "*" && issue.assignees.length === 0) return false;
  if (
    assignee !== undefined &&
    assignee !== "none" &&
    assignee !== "*" &&
    !issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase())
  ) {
    return false;
  }
  const milestone = stringParam(context, "milestone");
  if (milestone === "none" && issue.milestoneNumber !== null) return false;
  if (milestone === "*" && issue.milestoneNumber === null) return false;
  if (
    milestone !== undefined &&
    /^\d+$/.test(milestone) &&
    issue.milestoneNumber !== Number(milestone)
  )
    return false;
  const since = stringParam(context, "since");
  if (since !== undefined && Date.parse(issue.updatedAt) < Date.parse(since)) return false;
  return true;
}

function sortIssues(context: HandlerContext, repo: FakeRepo, issues: IssueRecord[]): IssueRecord[] {
  const sort = stringParam(context, "sort") ?? "created";
  const direction = stringParam(context, "direction") === "asc" ? 1 : -1;
  const key = (issue: IssueRecord): number =>
    sort === "updated"
      ? Date.parse(issue.updatedAt)
      : sort === "comments"
        ? repo.tracker.commentsOf(issue.number).length
        : Date.parse(issue.createdAt);
  // Equal timestamps (the fake clock often stands still) fall back to the number, which grows
  // with creation time on GitHub too.
  return [...issues].sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
}
