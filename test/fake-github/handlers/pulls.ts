import { GitHubError, notFound, validationFailed } from "../github-error.js";
import type { FakeRepo } from "../fake-repo.js";
import { paginate } from "../paginate.js";
import type { IssueRecord } from "../records.js";
import { renderFileChange, renderPull } from "../render.js";
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
 * Pull requests: opened from a branch of the same repository (the bot's branches), listed with
 * GitHub's filters (`state`, `head` as `owner:branch`, `base`), updated field by field.
 * See https://docs.github.com/en/rest/pulls/pulls
 */
export const pullHandlers: Record<string, Handler> = {
  "pulls/create": (context) => {
    const repo = requireRepo(context);
    const body = bodyOf<{
      title?: string;
      head: string;
      base: string;
      body?: string;
      draft?: boolean;
      maintainer_can_modify?: boolean;
      issue?: number;
    }>(context);
    if (body.issue !== undefined || body.title === undefined) {
      throw validationFailed({ resource: "PullRequest", code: "missing_field", field: "title" });
    }
    const issue = repo.openPull({
      title: body.title,
      head: body.head,
      base: body.base,
      body: body.body ?? null,
      draft: body.draft,
      maintainerCanModify: body.maintainer_can_modify,
      user: actingUser(context),
    });
    return reply(201, renderPull(context.state, repo, issue));
  },

  "pulls/get": (context) => {
    const repo = requireRepo(context);
    return reply(
      200,
      renderPull(context.state, repo, requirePull(repo, intParam(context, "pull_number"))),
    );
  },

  "pulls/list-files": (context) => {
    const repo = requireRepo(context);
    const pull = requirePull(repo, intParam(context, "pull_number"));
    const store = repo.git.store;
    const head = repo.git.branchSha(pull.pull!.headRef) ?? pull.pull!.headSha;
    const base = repo.git.branchSha(pull.pull!.baseRef);
    // GitHub diffs the head against the merge base with the base branch.
    const mergeBase = base === undefined ? undefined : store.mergeBase(base, head);
    const baseTree = mergeBase === undefined ? null : store.commit(mergeBase)!.tree;
    const files = store.diffTrees(baseTree, store.commit(head)!.tree);
    const all = files.map((file) => renderFileChange(repo, head, file));
    return replyPage(paginate(all, context.url, context.params));
  },

  "pulls/update": (context) => {
    const repo = requireRepo(context);
    const issue = requirePull(repo, intParam(context, "pull_number"));
    const body = bodyOf<{
      title?: string;
      body?: string;
      state?: "open" | "closed";
      base?: string;
      maintainer_can_modify?: boolean;
    }>(context);
    if (body.base !== undefined) {
      if (repo.git.branchSha(body.base) === undefined) {
        throw validationFailed({ resource: "PullRequest", code: "invalid", field: "base" });
      }
      issue.pull!.baseRef = body.base;
    }
    if (body.maintainer_can_modify !== undefined) {
      issue.pull!.maintainerCanModify = body.maintainer_can_modify;
    }
    if (body.state === "open" && issue.pull!.mergedAt !== null) {
      throw new GitHubError(422, "Cannot reopen a merged pull request");
    }
    if (body.state === "closed" && issue.state === "open") {
      issue.pull!.headSha = repo.git.branchSha(issue.pull!.headRef) ?? issue.pull!.headSha;
    }
    repo.tracker.updateIssue(
      issue,
      { title: body.title, body: body.body, state: body.state },
      actingUser(context),
    );
    // Pull requests have no state_reason.
    issue.stateReason = null;
    return reply(200, renderPull(context.state, repo, issue));
  },

  "pulls/list": (context) => {
    const repo = requireRepo(context);
    const state = stringParam(context, "state") ?? "open";
    const head = stringParam(context, "head");
    const base = stringParam(context, "base");
    const pulls = repo.tracker.issues.filter(
      (issue) =>
        issue.pull !== null &&
        (state === "all" || issue.state === state) &&
        (head === undefined ||
          `${repo.owner}:${issue.pull.headRef}`.toLowerCase() === head.toLowerCase()) &&
        (base === undefined || issue.pull.baseRef === base),
    );
    const all = sortPulls(context, pulls).map((issue) => renderPull(context.state, repo, issue));
    return replyPage(paginate(all, context.url, context.params));
  },
};

function requirePull(repo: FakeRepo, number: number): IssueRecord {
  const issue = repo.tracker.findIssue(number);
  if (issue?.pull == null) throw notFound();
  return issue;
}

function sortPulls(context: HandlerContext, pulls: IssueRecord[]): IssueRecord[] {
  const sort = stringParam(context, "sort") ?? "created";
  // "Default: desc when sort is created or sort is not specified, otherwise asc."
  const defaultDirection = sort === "created" ? "desc" : "asc";
  const direction = (stringParam(context, "direction") ?? defaultDirection) === "asc" ? 1 : -1;
  const key = (issue: IssueRecord): number =>
    Date.parse(sort === "updated" ? issue.updatedAt : issue.createdAt);
  return [...pulls].sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
}
