import { notFound, validationFailed } from "./github-error.js";
import type {
  CheckRunRecord,
  IssueRecord,
  RepositoryRole,
  StateReason,
  UserRecord,
} from "./records.js";
import {
  renderComment,
  renderIssue,
  renderLabel,
  renderMilestone,
  renderPull,
  renderRepository,
  renderUser,
} from "./render.js";
import type { CommitResult, FileChanges } from "./repo-git.js";
import { RepoGit } from "./repo-git.js";
import type { RepoContext } from "./repo-context.js";
import { RepoIssues } from "./repo-issues.js";
import type { WebhookCommit, WebhookPayload } from "./webhooks.js";
import { createWebhookPayload } from "./webhooks.js";

export interface SeedRepoOptions {
  owner: string;
  name: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** The app installation that can access the repository (default 1; created if new). */
  installationId?: number;
  private?: boolean;
  /** Files of the initial commit on the default branch (none: an empty repository). */
  files?: Record<string, string | Buffer>;
  ownerType?: "User" | "Organization";
}

/** Who authored a commit made by a test; `login` also becomes the push's sender. */
export interface CommitAuthor {
  login: string;
  name?: string;
  email?: string;
}

export interface PushOptions {
  /** Default: the default branch. */
  branch?: string;
  files: FileChanges;
  message?: string;
  author?: CommitAuthor;
}

/** A human by default: test helpers act as this account unless told otherwise. */
export const DEFAULT_HUMAN = "octocat";

/**
 * One repository of the fake: its git data, issues, labels, comments, pull requests, check runs
 * and collaborator roles, plus the helpers a test uses to arrange state and to get webhook
 * payloads that match it.
 */
export class FakeRepo {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly installationId: number;
  readonly private: boolean;
  readonly ownerUser: UserRecord;
  readonly createdAt: string;
  readonly git: RepoGit;
  readonly tracker: RepoIssues;
  readonly checkRuns: CheckRunRecord[] = [];
  readonly roles = new Map<string, RepositoryRole>();

  constructor(
    private readonly state: RepoContext,
    options: SeedRepoOptions,
  ) {
    this.id = state.nextId("repo");
    this.owner = options.owner;
    this.name = options.name;
    this.fullName = `${options.owner}/${options.name}`;
    this.defaultBranch = options.defaultBranch ?? "main";
    this.installationId = options.installationId ?? 1;
    this.private = options.private ?? false;
    this.ownerUser = state.user(options.owner, options.ownerType ?? "User");
    this.createdAt = state.now();
    this.git = new RepoGit(this.defaultBranch);
    this.tracker = new RepoIssues(state);
    this.roles.set(options.owner.toLowerCase(), "admin");
    if (options.files !== undefined) {
      this.commit(this.defaultBranch, options.files, { message: "Initial commit" });
    }
  }

  // --- git -------------------------------------------------------------------------------

  /** Writes one file on a branch as a new commit (no webhook); returns the commit sha. */
  setFile(
    branch: string,
    path: string,
    content: string | Buffer,
    message = `Update ${path}`,
  ): string {
    return this.commit(branch, { [path]: content }, { message }).after;
  }

  /** A file's text (UTF-8) on a branch or at a ref, or undefined. */
  getFile(ref: string, path: string): string | undefined {
    const sha = this.git.resolveCommit(ref);
    const entry = sha === undefined ? undefined : this.git.filesAt(sha).get(path);
    return entry === undefined
      ? undefined
      : this.git.store.blob(entry.sha)?.content.toString("utf8");
  }

  /** The head sha of a branch, or undefined. */
  branchSha(branch: string): string | undefined {
    return this.git.branchSha(branch);
  }

  /**
   * Commits file changes (`null` deletes) as a push would, moves the branch and returns the
   * `push` webhook payload GitHub would send for it (built from a real example).
   */
  pushCommit(options: PushOptions): WebhookPayload<"push"> {
    const branch = options.branch ?? this.defaultBranch;
    const author = options.author ?? { login: DEFAULT_HUMAN };
    const result = this.commit(branch, options.files, {
      message: options.message ?? "Update files",
      author,
    });
    const before = result.before ?? "0000000000000000000000000000000000000000";
    return createWebhookPayload(
      "push",
      {
        owner: this.owner,
        repo: this.name,
        repository: this.#webhookRepository(),
        installationId: this.installationId,
        sender: this.#webhookUser(author.login),
        commits: [toWebhookCommit(result, author)],
        set: {
          ref: `refs/heads/${branch}`,
          before,
          after: result.after,
          created: result.before === null,
          deleted: false,
          forced: false,
          base_ref: null,
          compare: `https://github.com/${this.fullName}/compare/${before.slice(0, 12)}...${result.after.slice(0, 12)}`,
          pusher: { name: author.login, email: author.email ?? `${author.login}@example.com` },
        },
      },
      (example) => String(example.ref).startsWith("refs/heads/"),
    );
  }

  // --- issues ----------------------------------------------------------------------------

  /** Creates an issue as a person (default {@link DEFAULT_HUMAN}) or another account; returns its JSON. */
  addIssue(options: {
    title: string;
    body?: string | null;
    labels?: string[];
    assignees?: string[];
    user?: string;
    state?: "open" | "closed";
    stateReason?: StateReason;
  }): Record<string, unknown> {
    const issue = this.tracker.createIssue({
      title: options.title,
      body: options.body ?? null,
      labels: options.labels ?? [],
      assignees: options.assignees ?? [],
      user: this.state.user(options.user ?? DEFAULT_HUMAN),
    });
    if (options.state === "closed") {
      this.tracker.updateIssue(
        issue,
        { state: "closed", state_reason: options.stateReason ?? "completed" },
        issue.user,
      );
    }
    return renderIssue(this.state, this, issue);
  }

  /** Every issue (pull requests excluded) as the API renders it, by number. */
  issues(): Record<string, unknown>[] {
    return this.tracker.issues
      .filter((issue) => issue.pull === null)
      .sort((a, b) => a.number - b.number)
      .map((issue) => renderIssue(this.state, this, issue));
  }

  /** One issue or pull request's issue JSON. */
  issue(number: number): Record<string, unknown> {
    return renderIssue(this.state, this, this.tracker.requireIssue(number));
  }

  /** Numbers of an issue's sub-issues, in their order. */
  subIssueNumbers(number: number): number[] {
    const parent = this.tracker.requireIssue(number);
    return this.tracker.relations.subIssues(parent).map((issue) => issue.number);
  }

  /** Numbers of the issues blocking an issue ("blocked by"). */
  blockedByNumbers(number: number): number[] {
    const issue = this.tracker.requireIssue(number);
    return this.tracker.relations.blockedBy(issue).map((blocker) => blocker.number);
  }

  /** A person removes a sub-issue from its parent on GitHub. */
  removeSubIssue(parentNumber: number, childNumber: number): void {
    const parent = this.tracker.requireIssue(parentNumber);
    this.tracker.relations.removeSubIssue(parent, this.tracker.requireIssue(childNumber).id);
  }

  /** A person removes a "blocked by" relation on GitHub. */
  removeBlockedBy(number: number, blockerNumber: number): void {
    const issue = this.tracker.requireIssue(number);
    this.tracker.relations.removeBlockedBy(issue, this.tracker.requireIssue(blockerNumber).id);
  }

  /** A person sets an issue's assignees on GitHub. */
  setAssignees(number: number, logins: string[]): void {
    this.tracker.updateIssue(this.tracker.requireIssue(number), { assignees: logins });
  }

  /** Every milestone as the API renders it. */
  milestones(): Record<string, unknown>[] {
    return this.tracker.milestones.map((milestone) => renderMilestone(this.state, this, milestone));
  }

  /** Every label as the API renders it, in creation order. */
  labels(): Record<string, unknown>[] {
    return this.tracker.labels.map((label) => renderLabel(this.state, this, label));
  }

  /** Creates a label directly (a human's label, or a precondition). */
  addLabel(name: string, color = "ededed", description: string | null = null): void {
    this.tracker.createLabel({ name, color, description });
  }

  /** Comments of one issue (or all) as the API renders them. */
  comments(issueNumber?: number): Record<string, unknown>[] {
    return this.tracker.comments
      .filter((comment) => issueNumber === undefined || comment.issueNumber === issueNumber)
      .map((comment) => renderComment(this.state, this, comment));
  }

  /** Closes an issue as a person and returns the `issues.closed` payload for it. */
  closeIssue(
    number: number,
    options: { by?: string; reason?: "completed" | "not_planned" } = {},
  ): WebhookPayload<"issues.closed"> {
    const issue = this.tracker.requireIssue(number);
    this.tracker.updateIssue(
      issue,
      { state: "closed", state_reason: options.reason ?? "completed" },
      this.state.user(options.by ?? DEFAULT_HUMAN),
    );
    return this.#issuePayload("issues.closed", issue, options.by);
  }

  /** Assigns `login` to an issue (by that person) and returns the `issues.assigned` payload. */
  assignIssue(number: number, login: string): WebhookPayload<"issues.assigned"> {
    const issue = this.tracker.requireIssue(number);
    this.tracker.updateIssue(issue, { assignees: [...issue.assignees, login] });
    return createWebhookPayload("issues.assigned", {
      ...this.#webhookBase(login),
      set: {
        issue: renderIssue(this.state, this, issue),
        assignee: this.#webhookUser(login),
      },
    });
  }

  /** Reopens an issue as a person and returns the `issues.reopened` payload for it. */
  reopenIssue(number: number, options: { by?: string } = {}): WebhookPayload<"issues.reopened"> {
    const issue = this.tracker.requireIssue(number);
    this.tracker.updateIssue(
      issue,
      { state: "open" },
      this.state.user(options.by ?? DEFAULT_HUMAN),
    );
    return this.#issuePayload("issues.reopened", issue, options.by);
  }

  /** Comments as a person and returns the `issue_comment.created` payload for it. */
  addComment(
    issueNumber: number,
    body: string,
    options: { by?: string } = {},
  ): WebhookPayload<"issue_comment.created"> {
    const user = this.state.user(options.by ?? DEFAULT_HUMAN);
    const comment = this.tracker.addComment(issueNumber, body, user);
    const issue = this.tracker.requireIssue(issueNumber);
    return createWebhookPayload("issue_comment.created", {
      ...this.#webhookBase(user.login),
      set: {
        issue: renderIssue(this.state, this, issue),
        comment: renderComment(this.state, this, comment),
      },
    });
  }

  // --- pull requests ---------------------------------------------------------------------

  /** Pull requests as the API renders them, by number. */
  pulls(): Record<string, unknown>[] {
    return this.tracker.issues
      .filter((issue) => issue.pull !== null)
      .sort((a, b) => a.number - b.number)
      .map((issue) => renderPull(this.state, this, issue));
  }

  /** Opens a pull request (as the API would for `user`); returns the issue record. */
  openPull(options: {
    title: string;
    head: string;
    base?: string;
    body?: string | null;
    draft?: boolean;
    user: UserRecord;
    maintainerCanModify?: boolean;
  }): IssueRecord {
    const head = options.head.includes(":")
      ? options.head.split(":").slice(1).join(":")
      : options.head;
    const base = options.base ?? this.defaultBranch;
    const headSha = this.git.branchSha(head);
    const baseSha = this.git.branchSha(base);
    if (headSha === undefined) {
      throw validationFailed({ resource: "PullRequest", code: "invalid", field: "head" });
    }
    if (baseSha === undefined) {
      throw validationFailed({ resource: "PullRequest", code: "invalid", field: "base" });
    }
    const duplicate = this.tracker.issues.find(
      (issue) =>
        issue.state === "open" && issue.pull?.headRef === head && issue.pull.baseRef === base,
    );
    if (duplicate !== undefined) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `A pull request already exists for ${this.owner}:${head}.`,
      });
    }
    if (this.git.store.commitsBetween(baseSha, headSha).length === 0) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${base} and ${head}`,
      });
    }
    const issue = this.tracker.createIssue({
      title: options.title,
      body: options.body ?? null,
      user: options.user,
    });
    issue.pull = {
      id: this.state.nextId("pull"),
      headRef: head,
      headSha,
      baseRef: base,
      draft: options.draft ?? false,
      maintainerCanModify: options.maintainerCanModify ?? false,
      mergedAt: null,
      mergeCommitSha: null,
      mergedBy: null,
    };
    return issue;
  }

  /**
   * Merges an open pull request as a person (a merge commit on the base branch) and returns the
   * `pull_request.closed` payload (`merged: true`).
   */
  mergePull(number: number, options: { by?: string } = {}): WebhookPayload<"pull_request.closed"> {
    const issue = this.tracker.requireIssue(number);
    const pull = issue.pull;
    if (pull === null || issue.state !== "open")
      throw notFound(`#${number} is not an open pull request`);
    const user = this.state.user(options.by ?? DEFAULT_HUMAN);
    const headSha = this.git.branchSha(pull.headRef) ?? pull.headSha;
    const baseSha = this.git.branchSha(pull.baseRef);
    const now = this.state.now();
    const person = { name: user.login, email: `${user.login}@example.com`, date: now };
    const mergeSha = this.git.store.writeCommit({
      tree: this.git.store.commit(headSha)!.tree,
      parents: baseSha === undefined ? [headSha] : [baseSha, headSha],
      message: `Merge pull request #${number} from ${this.owner}/${pull.headRef}`,
      author: person,
      committer: person,
    });
    this.git.refs.set(`refs/heads/${pull.baseRef}`, mergeSha);
    pull.headSha = headSha;
    pull.mergedAt = now;
    pull.mergeCommitSha = mergeSha;
    pull.mergedBy = user;
    this.tracker.updateIssue(issue, { state: "closed" }, user);
    issue.stateReason = null;
    return createWebhookPayload("pull_request.closed", {
      ...this.#webhookBase(user.login),
      set: { number, pull_request: renderPull(this.state, this, issue) },
    });
  }

  // --- permissions -----------------------------------------------------------------------

  /** Gives an account a repository role (what `collaborators/{user}/permission` answers). */
  setPermission(login: string, role: RepositoryRole): void {
    this.roles.set(login.toLowerCase(), role);
  }

  /** The account's role; without one, `read` on a public repository and `none` on a private one. */
  roleOf(login: string): RepositoryRole {
    return this.roles.get(login.toLowerCase()) ?? (this.private ? "none" : "read");
  }

  // --- internals -------------------------------------------------------------------------

  /** A commit by a test helper, dated by the fake's clock. */
  commit(
    branch: string,
    files: FileChanges,
    options: { message: string; author?: CommitAuthor },
  ): CommitResult {
    const author = options.author ?? { login: DEFAULT_HUMAN };
    return this.git.commitFiles(branch, files, {
      message: options.message,
      author: {
        name: author.name ?? author.login,
        email: author.email ?? `${author.login}@example.com`,
      },
      date: this.state.now(),
    });
  }

  #issuePayload<N extends "issues.closed" | "issues.reopened">(
    name: N,
    issue: IssueRecord,
    by: string | undefined,
  ): WebhookPayload<N> {
    return createWebhookPayload(name, {
      ...this.#webhookBase(by ?? DEFAULT_HUMAN),
      set: { issue: renderIssue(this.state, this, issue) },
    });
  }

  #webhookBase(sender: string) {
    return {
      owner: this.owner,
      repo: this.name,
      repository: this.#webhookRepository(),
      installationId: this.installationId,
      sender: this.#webhookUser(sender),
    };
  }

  #webhookRepository(): Record<string, unknown> {
    return renderRepository(this.state, this);
  }

  #webhookUser(login: string): Record<string, unknown> {
    return renderUser(this.state, this.state.user(login));
  }
}

function toWebhookCommit(result: CommitResult, author: CommitAuthor): WebhookCommit {
  const person = {
    name: result.commit.author.name,
    email: result.commit.author.email,
    username: author.login,
  };
  return {
    id: result.after,
    tree_id: result.commit.tree,
    message: result.commit.message,
    timestamp: result.commit.author.date,
    author: person,
    committer: person,
    added: result.added,
    removed: result.removed,
    modified: result.modified,
  };
}
