/**
 * The one interface through which Nova reads and writes a repository over GitHub's REST API, in
 * the shapes of `vocabulary.ts`. Each use-case depends on a narrow view of it (a `Pick`), so a
 * method means the same everywhere: one name, one signature, one answer. Only `src/github/`
 * implements it (over Octokit, `octokit-port.ts`); tests and the dry run pass their own.
 * Projects v2 boards have no REST API: `project-port.ts` is their GraphQL port.
 */
import type {
  CheckRunWrite,
  CollaboratorPermission,
  CommandReaction,
  DirectoryEntry,
  IssueCreate,
  IssueWrite,
  MilestoneWrite,
  ObservedCheckRun,
  ObservedComment,
  ObservedCommit,
  ObservedIssue,
  ObservedLabel,
  ObservedMilestone,
  ObservedPull,
  PullCreate,
  PullWrite,
  RepoRef,
  TreeFile,
} from "./vocabulary.js";

/** Issues and labels. */
export interface IssueApi {
  /** Every issue (all states, pull requests excluded) carrying `label`, 100 per page. */
  listIssuesWithLabel(label: string): Promise<ObservedIssue[]>;
  /** One issue (or pull request, `isPullRequest`), with `closedBy`; null when it does not exist. */
  getIssue(number: number): Promise<ObservedIssue | null>;
  /** Opens an issue. Not retried blindly: a 502 may hide a created issue (the caller re-reads). */
  createIssue(issue: IssueCreate): Promise<ObservedIssue>;
  updateIssue(number: number, changes: IssueWrite): Promise<ObservedIssue>;
  /** Creates a label; `already_exists` is a result (`false`), not an error. */
  createLabel(label: ObservedLabel): Promise<boolean>;
  updateLabel(currentName: string, label: ObservedLabel): Promise<void>;
  /** Adds labels to an issue or pull request. */
  addLabels(number: number, labels: string[]): Promise<void>;
  /** Removes a label from an issue; a label that is not there is no error. */
  removeLabel(number: number, name: string): Promise<void>;
}

/** Sub-issues, dependencies, milestones, assignees: an issue's place in the plan's structure. */
export interface StructureApi {
  /** An issue's sub-issues in their order (100 per page). */
  listSubIssues(parentNumber: number): Promise<ObservedIssue[]>;
  /**
   * Makes `childId` a sub-issue of the parent (at the end); `replaceParent` moves it from another
   * parent. `false` when GitHub refuses because it already is one (a concurrent run was first).
   */
  addSubIssue(parentNumber: number, childId: number, replaceParent: boolean): Promise<boolean>;
  /** Moves a sub-issue right after another one, or first (before `beforeId`). */
  reprioritizeSubIssue(
    parentNumber: number,
    childId: number,
    anchor: { afterId: number } | { beforeId: number },
  ): Promise<void>;
  /** The issues blocking an issue. */
  listBlockedBy(number: number): Promise<ObservedIssue[]>;
  /** Records that `blockerId` blocks the issue; `false` when it already does. */
  addBlockedBy(number: number, blockerId: number): Promise<boolean>;
  removeBlockedBy(number: number, blockerId: number): Promise<void>;
  /** Every milestone (all states). */
  listMilestones(): Promise<ObservedMilestone[]>;
  /** Creates a milestone; null when one of that title exists already (`already_exists`). */
  createMilestone(milestone: MilestoneWrite): Promise<ObservedMilestone | null>;
  updateMilestone(number: number, milestone: MilestoneWrite): Promise<ObservedMilestone>;
  /** Whether a login can be assigned issues in the repository. */
  canBeAssigned(login: string): Promise<boolean>;
}

/** Issue and pull-request comments. */
export interface CommentApi {
  /** Every comment of an issue or pull request (updated at or after `since`, ISO 8601), oldest first. */
  listComments(number: number, since?: string): Promise<ObservedComment[]>;
  /** Posts a comment. Not retried blindly: a 502 may hide a posted comment (the caller re-reads). */
  createComment(number: number, body: string): Promise<ObservedComment>;
  updateComment(commentId: number, body: string): Promise<ObservedComment>;
  /** Reacts to an issue or pull-request comment; reacting twice with the same content is a no-op. */
  addCommentReaction(commentId: number, content: CommandReaction): Promise<void>;
}

/** Check runs on commits. */
export interface CheckRunApi {
  /**
   * Creates a check run. One with an `externalId` is not retried blindly (its caller finds it
   * again by that id); the sync's keep Probot's retry.
   */
  createCheckRun(run: CheckRunWrite): Promise<ObservedCheckRun>;
  /** The newest check run of this name on a commit or branch, or null (one request, one run). */
  findLatestCheckRun(ref: string, name: string): Promise<ObservedCheckRun | null>;
  /** Every check run of this name on a commit (not only the latest); null when the commit is unknown. */
  listCheckRuns(sha: string, name: string): Promise<ObservedCheckRun[] | null>;
}

/** Pull requests. */
export interface PullRequestApi {
  /**
   * Pull requests whose head is `branch` of this repository, newest first, at most `limit`
   * (one page): `open`, or `all` to see the latest merged or closed ones too.
   */
  listPullsForBranch(branch: string, state: "open" | "all", limit: number): Promise<ObservedPull[]>;
  /** A pull request; null when there is no such pull request. */
  getPullRequest(number: number): Promise<ObservedPull | null>;
  /** Opens a pull request. Not retried blindly: a 502 may hide one that was opened. */
  createPull(pull: PullCreate): Promise<ObservedPull>;
  updatePull(number: number, changes: PullWrite): Promise<ObservedPull>;
  /** Paths a pull request changes (renames list both names). */
  listPullRequestFiles(number: number): Promise<string[]>;
}

/** The repository, its files and git data (blobs, trees, commits, refs). */
export interface RepositoryApi {
  /** The repository's default branch and web address. */
  getRepository(): Promise<{ defaultBranch: string; htmlUrl: string }>;
  /**
   * `.github/nova.yml` from the default branch, merged with what it `_extends` (Probot's config
   * loading); null when the repository has none.
   */
  readConfig(): Promise<unknown>;
  /** A file's text at a ref, or null when it does not exist. */
  getFileText(path: string, ref: string): Promise<string | null>;
  /** A directory's entries at a ref; empty when the directory does not exist. */
  listDirectory(path: string, ref: string): Promise<DirectoryEntry[]>;
  /** Paths changed between two commits (for forced pushes and pushes without a commit list). */
  listChangedFiles(base: string, head: string): Promise<string[]>;
  /**
   * Every path (files and directories) in the tree of a commit, `git/trees/{sha}?recursive=1`;
   * `truncated` when GitHub cut the listing (over 100,000 entries).
   */
  listTreePaths(sha: string): Promise<{ paths: string[]; truncated: boolean }>;
  /** The commit a branch points to; a missing branch is a `not-found` `GitHubError`. */
  getBranchSha(branch: string): Promise<string>;
  /** The commit a branch points to, or null when the branch does not exist. */
  findBranchHead(branch: string): Promise<string | null>;
  getCommit(sha: string): Promise<ObservedCommit>;
  /** Stores a UTF-8 text as a blob; returns its sha. */
  createBlob(content: string): Promise<string>;
  /** A tree: `baseTreeSha` with `files` put in (added or replaced). */
  createTree(baseTreeSha: string, files: readonly TreeFile[]): Promise<string>;
  createCommit(commit: { message: string; treeSha: string; parents: string[] }): Promise<string>;
  /** Creates `refs/heads/<branch>` at `sha`. */
  createBranch(branch: string, sha: string): Promise<void>;
  /** Moves `refs/heads/<branch>` to `sha`, also when that is no fast-forward (a regenerated branch). */
  forceBranch(branch: string, sha: string): Promise<void>;
}

/** People's permissions. */
export interface CollaboratorApi {
  /**
   * `GET /repos/{owner}/{repo}/collaborators/{username}/permission`; answers a person who waits,
   * so it is bounded in time (see `rest-collaborators.ts`); throws `GitHubError`.
   */
  getCollaboratorPermission(login: string): Promise<CollaboratorPermission>;
}

/** Everything Nova does over REST in a repository; each use-case takes a view of it. */
export interface GitHubApi
  extends
    IssueApi,
    StructureApi,
    CommentApi,
    CheckRunApi,
    PullRequestApi,
    RepositoryApi,
    CollaboratorApi {}

/**
 * The sync's and the reports' view: issues, labels, structure, files, the sync's check runs and
 * the repository (also what the board, the bot's pull requests and commands read).
 */
export type GitHubPort = StructureApi &
  Pick<
    GitHubApi,
    | "listIssuesWithLabel"
    | "getIssue"
    | "createIssue"
    | "updateIssue"
    | "createLabel"
    | "updateLabel"
    | "createComment"
    | "createCheckRun"
    | "findLatestCheckRun"
    | "getRepository"
    | "readConfig"
    | "getFileText"
    | "listChangedFiles"
    | "listTreePaths"
    | "getBranchSha"
    | "listPullRequestFiles"
  >;

/**
 * Nova's own pull requests beyond `GitHubPort`: pull requests on a branch, and the git data API
 * (blobs, trees, commits, refs), so several files land in one commit and a branch is regenerated
 * rather than merged into.
 */
export type BotPrPort = Pick<
  GitHubApi,
  | "listPullsForBranch"
  | "createPull"
  | "updatePull"
  | "addLabels"
  | "findBranchHead"
  | "getCommit"
  | "listDirectory"
  | "createBlob"
  | "createTree"
  | "createCommit"
  | "createBranch"
  | "forceBranch"
>;

/**
 * Slash commands beyond `GitHubPort`: the commenter's permission, reactions on their comment,
 * the bot's replies, and the open write-back pull request a reply links.
 */
export type CommandPort = Pick<
  GitHubApi,
  | "listPullsForBranch"
  | "getCollaboratorPermission"
  | "addCommentReaction"
  | "listComments"
  | "createComment"
>;

/**
 * The ingestion of runner reports: the target issue or pull request, its comments, check runs on
 * a commit, one label and the configuration. Every failure leaves as a `GitHubError`.
 */
export type IngestPort = Pick<
  GitHubApi,
  | "getIssue"
  | "getPullRequest"
  | "listIssuesWithLabel"
  | "listComments"
  | "createComment"
  | "updateComment"
  | "listCheckRuns"
  | "createCheckRun"
  | "createLabel"
  | "addLabels"
  | "removeLabel"
  | "readConfig"
>;

/** Finds the app's installation on a repository (the app's JWT: `GET /repos/{o}/{r}/installation`). */
export interface InstallationLookup {
  /** The installation id, or null when the app is not installed there (or the repository is unknown). */
  findRepoInstallation(repo: RepoRef): Promise<number | null>;
}
