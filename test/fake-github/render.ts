import type { CommitObject, FileChange } from "./git-store.js";
import type {
  AppInfo,
  CheckRunRecord,
  CommentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  ReactionRecord,
  UserRecord,
} from "./records.js";
import type { RepoContext } from "./repo-context.js";
import type { RepoGit } from "./repo-git.js";
import type { RepoIssues } from "./repo-issues.js";

/**
 * JSON answers in GitHub's shapes, rendered from the fake's records on every request. They carry
 * the fields Nova and Octokit read plus the common ones, not every field GitHub sends.
 */

/** Where `html_url`s point (the fake serves only the API). */
export const HTML_BASE = "https://github.com";

type Json = Record<string, unknown>;

/** What rendering reads from the fake's shared state (a `FakeState`). */
export type RenderContext = Pick<RepoContext, "baseUrl" | "server" | "user">;

/** What rendering the app and its installations reads besides (a `FakeState` too). */
export interface AppContext extends RenderContext {
  readonly app: AppInfo;
  readonly installations: ReadonlyMap<number, InstallationRecord>;
}

/** What rendering reads of a repository (a `FakeRepo`). */
export interface RepoView {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly private: boolean;
  readonly ownerUser: UserRecord;
  readonly createdAt: string;
  readonly git: RepoGit;
  readonly tracker: RepoIssues;
}

/** A user or bot as `user`, `sender`, `owner` fields show it. */
export function renderUser(state: RenderContext, user: UserRecord): Json {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_fake${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    url: `${state.baseUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: `${HTML_BASE}/${user.login}`,
    type: user.type,
    site_admin: false,
  };
}

/** A repository (`GET /repos/{o}/{r}`, webhook `repository`). */
export function renderRepository(state: RenderContext, repo: RepoView): Json {
  const api = `${state.baseUrl}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: `R_fake${repo.id}`,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: renderUser(state, repo.ownerUser),
    html_url: `${HTML_BASE}/${repo.fullName}`,
    description: null,
    fork: false,
    url: api,
    default_branch: repo.defaultBranch,
    visibility: repo.private ? "private" : "public",
    archived: false,
    disabled: false,
    has_issues: true,
    has_projects: true,
    open_issues_count: repo.tracker.issues.filter((issue) => issue.state === "open").length,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}

/** A label. */
export function renderLabel(state: RenderContext, repo: RepoView, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: `LA_fake${label.id}`,
    url: `${state.baseUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

/** An issue; pull requests carry a `pull_request` key, as in issue lists. */
export function renderIssue(state: RenderContext, repo: RepoView, issue: IssueRecord): Json {
  const api = `${state.baseUrl}/repos/${repo.fullName}/issues/${issue.number}`;
  const kind = issue.pull === null ? "issues" : "pull";
  return {
    id: issue.id,
    node_id: `I_fake${issue.id}`,
    url: api,
    repository_url: `${state.baseUrl}/repos/${repo.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    html_url: `${HTML_BASE}/${repo.fullName}/${kind}/${issue.number}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    user: renderUser(state, issue.user),
    labels: issue.labelIds
      .map((id) => repo.tracker.labelById(id))
      .filter((label): label is LabelRecord => label !== undefined)
      .map((label) => renderLabel(state, repo, label)),
    assignee:
      issue.assignees[0] === undefined ? null : renderUser(state, state.user(issue.assignees[0])),
    assignees: issue.assignees.map((login) => renderUser(state, state.user(login))),
    milestone:
      issue.milestoneNumber === null
        ? null
        : renderMilestone(state, repo, repo.tracker.findMilestone(issue.milestoneNumber)!),
    comments: repo.tracker.commentsOf(issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy === null ? null : renderUser(state, issue.closedBy),
    author_association: repo.ownerUser.id === issue.user.id ? "OWNER" : "NONE",
    ...renderRelationFields(state, repo, issue),
    ...(issue.pull === null
      ? {}
      : {
          pull_request: {
            url: `${state.baseUrl}/repos/${repo.fullName}/pulls/${issue.number}`,
            html_url: `${HTML_BASE}/${repo.fullName}/pull/${issue.number}`,
            diff_url: `${HTML_BASE}/${repo.fullName}/pull/${issue.number}.diff`,
            patch_url: `${HTML_BASE}/${repo.fullName}/pull/${issue.number}.patch`,
            merged_at: issue.pull.mergedAt,
          },
        }),
  };
}

/**
 * What the issue listing says about sub-issues and dependencies (GHES 3.19 has no sub-issues,
 * so its issues carry neither `parent_issue_url` nor `sub_issues_summary`).
 */
function renderRelationFields(state: RenderContext, repo: RepoView, issue: IssueRecord): Json {
  const relations = repo.tracker.relations;
  const blockedBy = relations.blockedBy(issue);
  const blocking = relations.blocking(issue);
  const dependencies = {
    issue_dependencies_summary: {
      blocked_by: blockedBy.filter((other) => other.state === "open").length,
      blocking: blocking.filter((other) => other.state === "open").length,
      total_blocked_by: blockedBy.length,
      total_blocking: blocking.length,
    },
  };
  if (state.server === "ghes-3.19") return dependencies;
  const subIssues = relations.subIssues(issue);
  const completed = subIssues.filter((child) => child.state === "closed").length;
  const parent = issue.parentId === null ? undefined : repo.tracker.findIssueById(issue.parentId);
  return {
    ...dependencies,
    sub_issues_summary: {
      total: subIssues.length,
      completed,
      percent_completed:
        subIssues.length === 0 ? 0 : Math.floor((completed * 100) / subIssues.length),
    },
    parent_issue_url:
      parent === undefined
        ? null
        : `${state.baseUrl}/repos/${repo.fullName}/issues/${parent.number}`,
  };
}

/** A milestone with its issue counts. */
export function renderMilestone(
  state: RenderContext,
  repo: RepoView,
  milestone: MilestoneRecord,
): Json {
  const issues = repo.tracker.issues.filter((issue) => issue.milestoneNumber === milestone.number);
  return {
    url: `${state.baseUrl}/repos/${repo.fullName}/milestones/${milestone.number}`,
    html_url: `${HTML_BASE}/${repo.fullName}/milestone/${milestone.number}`,
    labels_url: `${state.baseUrl}/repos/${repo.fullName}/milestones/${milestone.number}/labels`,
    id: milestone.id,
    node_id: `MI_fake${milestone.id}`,
    number: milestone.number,
    state: milestone.state,
    title: milestone.title,
    description: milestone.description,
    creator: renderUser(state, repo.ownerUser),
    open_issues: issues.filter((issue) => issue.state === "open").length,
    closed_issues: issues.filter((issue) => issue.state === "closed").length,
    created_at: milestone.createdAt,
    updated_at: milestone.updatedAt,
    closed_at: null,
    due_on: milestone.dueOn,
  };
}

/** A pull request (`pulls/*`); an open one follows its head branch. */
export function renderPull(state: RenderContext, repo: RepoView, issue: IssueRecord): Json {
  const pull = issue.pull;
  if (pull === null) throw new Error(`#${issue.number} is not a pull request`);
  const headSha =
    issue.state === "open" ? (repo.git.branchSha(pull.headRef) ?? pull.headSha) : pull.headSha;
  const branch = (ref: string, sha: string): Json => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderUser(state, repo.ownerUser),
    repo: renderRepository(state, repo),
  });
  const base = renderIssue(state, repo, issue);
  return {
    url: `${state.baseUrl}/repos/${repo.fullName}/pulls/${issue.number}`,
    id: pull.id,
    node_id: `PR_fake${pull.id}`,
    html_url: `${HTML_BASE}/${repo.fullName}/pull/${issue.number}`,
    issue_url: base.url,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: base.user,
    body: issue.body,
    labels: base.labels,
    assignee: base.assignee,
    assignees: base.assignees,
    milestone: null,
    draft: pull.draft,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    head: branch(pull.headRef, headSha),
    base: branch(pull.baseRef, repo.git.branchSha(pull.baseRef) ?? ""),
    author_association: base.author_association,
    merged: pull.mergedAt !== null,
    mergeable: issue.state === "open" ? true : null,
    merged_by: pull.mergedBy === null ? null : renderUser(state, pull.mergedBy),
    maintainer_can_modify: pull.maintainerCanModify,
  };
}

/** An issue comment. */
export function renderComment(state: RenderContext, repo: RepoView, comment: CommentRecord): Json {
  const issue = repo.tracker.findIssue(comment.issueNumber);
  const kind = issue?.pull ? "pull" : "issues";
  return {
    id: comment.id,
    node_id: `IC_fake${comment.id}`,
    url: `${state.baseUrl}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: `${HTML_BASE}/${repo.fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${state.baseUrl}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: renderUser(state, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: repo.ownerUser.id === comment.user.id ? "OWNER" : "NONE",
  };
}

/** A reaction to a comment. */
export function renderReaction(state: RenderContext, reaction: ReactionRecord): Json {
  return {
    id: reaction.id,
    node_id: `REA_fake${reaction.id}`,
    user: renderUser(state, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

/** A check run. */
export function renderCheckRun(state: AppContext, repo: RepoView, run: CheckRunRecord): Json {
  return {
    id: run.id,
    node_id: `CR_fake${run.id}`,
    head_sha: run.headSha,
    external_id: run.externalId,
    url: `${state.baseUrl}/repos/${repo.fullName}/check-runs/${run.id}`,
    html_url: `${HTML_BASE}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${state.baseUrl}/repos/${repo.fullName}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id },
    app: renderApp(state),
    pull_requests: [],
  };
}

/** A commit as the git data API (`git/commits`) shows it. */
export function renderGitCommit(state: RenderContext, repo: RepoView, commit: CommitObject): Json {
  const api = `${state.baseUrl}/repos/${repo.fullName}/git`;
  return {
    sha: commit.sha,
    node_id: `C_fake${commit.sha}`,
    url: `${api}/commits/${commit.sha}`,
    html_url: `${HTML_BASE}/${repo.fullName}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${HTML_BASE}/${repo.fullName}/commit/${sha}`,
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null },
  };
}

/** A commit as the repos API (`commits/{ref}`, compare) shows it, optionally with `files`. */
export function renderCommit(
  state: RenderContext,
  repo: RepoView,
  commit: CommitObject,
  files?: FileChange[],
): Json {
  const git = renderGitCommit(state, repo, commit);
  return {
    sha: commit.sha,
    node_id: git.node_id,
    url: `${state.baseUrl}/repos/${repo.fullName}/commits/${commit.sha}`,
    html_url: git.html_url,
    commit: {
      url: git.url,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: git.tree,
      comment_count: 0,
      verification: git.verification,
    },
    author: null,
    committer: null,
    parents: git.parents,
    ...(files === undefined
      ? {}
      : {
          stats: {
            additions: sum(files, "additions"),
            deletions: sum(files, "deletions"),
            total: sum(files, "changes"),
          },
          files: files.map((file) => renderFileChange(repo, commit.sha, file)),
        }),
  };
}

/** One entry of `files` in a commit or comparison. */
export function renderFileChange(repo: RepoView, commitSha: string, file: FileChange): Json {
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${HTML_BASE}/${repo.fullName}/blob/${commitSha}/${file.filename}`,
    raw_url: `${HTML_BASE}/${repo.fullName}/raw/${commitSha}/${file.filename}`,
  };
}

/** A git reference (`refs/heads/main`). */
export function renderRef(state: RenderContext, repo: RepoView, ref: string, sha: string): Json {
  return {
    ref,
    node_id: `REF_fake${Buffer.from(ref).toString("hex")}`,
    url: `${state.baseUrl}/repos/${repo.fullName}/git/${ref}`,
    object: {
      type: "commit",
      sha,
      url: `${state.baseUrl}/repos/${repo.fullName}/git/commits/${sha}`,
    },
  };
}

/** The GitHub App (`GET /app`). */
export function renderApp(state: AppContext): Json {
  const owner = state.user(state.app.owner, "Organization");
  return {
    id: state.app.id,
    slug: state.app.slug,
    node_id: `A_fake${state.app.id}`,
    client_id: `Iv1.fake${state.app.id}`,
    owner: renderUser(state, owner),
    name: state.app.name,
    description: "Nova under test",
    external_url: `${HTML_BASE}/apps/${state.app.slug}`,
    html_url: `${HTML_BASE}/apps/${state.app.slug}`,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    permissions: APP_PERMISSIONS,
    events: ["issues", "issue_comment", "push", "pull_request", "installation_repositories"],
    installations_count: state.installations.size,
  };
}

/** The permissions the fake's installations grant (mirrors app.yml's least privilege). */
export const APP_PERMISSIONS = {
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  organization_projects: "write",
  pull_requests: "write",
};

/** An installation of the app. */
export function renderInstallation(state: AppContext, installation: InstallationRecord): Json {
  return {
    id: installation.id,
    account: renderUser(state, installation.account),
    repository_selection: "selected",
    access_tokens_url: `${state.baseUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${state.baseUrl}/installation/repositories`,
    html_url: `${HTML_BASE}/settings/installations/${installation.id}`,
    app_id: state.app.id,
    app_slug: state.app.slug,
    target_id: installation.account.id,
    target_type: installation.account.type === "Organization" ? "Organization" : "User",
    permissions: APP_PERMISSIONS,
    events: renderApp(state).events,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    single_file_name: null,
    suspended_at: null,
    suspended_by: null,
  };
}

function sum(files: FileChange[], key: "additions" | "deletions" | "changes"): number {
  return files.reduce((total, file) => total + file[key], 0);
}
