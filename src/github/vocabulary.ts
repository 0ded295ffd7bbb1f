/**
 * Nova's one vocabulary for what it reads from and writes to GitHub's REST API: issues, labels,
 * milestones, comments, check runs, pull requests and the git data they touch. Every port in
 * `github-api.ts` speaks in these shapes, so the same thing has the same fields wherever a
 * use-case meets it; the adapters map GitHub's JSON to them (`rest-*.ts`).
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ObservedLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface ObservedIssue {
  /** GitHub's issue id (sub-issue and dependency bodies name ids, not numbers); tests may omit it. */
  id?: number;
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  labels: string[];
  /** Login of the author; the app's bot user is `<slug>[bot]`. */
  author: string;
  assignees: string[];
  htmlUrl: string;
  closedAt: string | null;
  /**
   * Who closed the issue last (`closed_by`). Only `GET /issues/{n}` (`getIssue`) says; listings
   * leave it out.
   */
  closedBy?: string | null;
  /**
   * True when the number belongs to a pull request (the issues API answers for those too). Only
   * `getIssue` can return one; listings leave pull requests out.
   */
  isPullRequest?: true;
  /** The issue's API address (what a sub-issue's `parentIssueUrl` names). */
  apiUrl?: string;
  /**
   * Its parent's API address, null for none; undefined when the server does not say (no
   * sub-issues there, e.g. GitHub Enterprise Server 3.19).
   */
  parentIssueUrl?: string | null | undefined;
  /** How many sub-issues it has; undefined when the server has no sub-issues. */
  subIssuesTotal?: number | undefined;
  /** How many issues block it (open or closed); undefined when the server has no dependencies. */
  blockedByTotal?: number | undefined;
  /** Its milestone, or null (undefined: not read). */
  milestone?: ObservedMilestone | null;
}

export interface IssueWrite {
  title?: string;
  body?: string;
  labels?: string[];
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "reopened";
  /** The milestone's number; null removes it. */
  milestone?: number | null;
  assignees?: string[];
}

/** What a new issue needs: title, body and labels; a milestone and assignees when it has them. */
export type IssueCreate = Required<Pick<IssueWrite, "title" | "body" | "labels">> & {
  milestone?: number;
  assignees?: string[];
};

export interface ObservedMilestone {
  number: number;
  title: string;
  description: string | null;
  /** `YYYY-MM-DDTHH:MM:SSZ`, or null. */
  dueOn: string | null;
  state: "open" | "closed";
}

export interface MilestoneWrite {
  title: string;
  description: string;
  dueOn: string;
}

/** Optional GitHub features a server may lack; a 404 on their route says so. */
export type StructureFeature = "sub-issues" | "dependencies";

/** An issue or pull-request comment. */
export interface ObservedComment {
  id: number;
  /** Login of the author; the app's bot user is `<slug>[bot]`. */
  author: string;
  body: string;
  htmlUrl: string;
}

/** The reactions Nova leaves on a command comment. */
export type CommandReaction = "eyes" | "rocket" | "-1" | "confused";

/** A check run as far as Nova reads it back. */
export interface ObservedCheckRun {
  id: number;
  /** The id Nova gave it (a runner report's id), or null. */
  externalId: string | null;
  htmlUrl: string;
}

export interface CheckRunWrite {
  name: string;
  headSha: string;
  status: "completed" | "in_progress";
  conclusion?: "success" | "failure" | "neutral" | "action_required";
  /**
   * An id of Nova's own (a runner report's id): a repeated upload finds this run by it instead of
   * creating another, so such a create is not retried blindly.
   */
  externalId?: string;
  /** Where the details are (the report's sticky comment). */
  detailsUrl?: string;
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

/** A pull request. */
export interface ObservedPull {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  /** Merged (`merged_at` is set); a closed pull request that is not merged was rejected. */
  merged: boolean;
  /** Login of the author; the app's bot user is `<slug>[bot]`. */
  author: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  htmlUrl: string;
  closedAt: string | null;
}

export interface PullWrite {
  title?: string;
  body?: string;
  state?: "open" | "closed";
}

export interface PullCreate {
  title: string;
  body: string;
  head: string;
  base: string;
}

/** A commit as the git data API shows it. */
export interface ObservedCommit {
  sha: string;
  treeSha: string;
  parents: string[];
}

/** One entry of a directory listing (`GET /contents/{dir}`). */
export interface DirectoryEntry {
  name: string;
  path: string;
  /** The blob sha for files: a tree entry can reuse it without reading the content. */
  sha: string;
  type: "file" | "dir" | "symlink" | "submodule";
}

/** A file of a new tree: an existing blob by sha. */
export interface TreeFile {
  path: string;
  blobSha: string;
}

/** What GitHub's collaborator-permission endpoint says about an account. */
export interface CollaboratorPermission {
  /** `role_name`: `admin`, `maintain`, `write`, `triage`, `read`, or a custom role's name. */
  roleName: string | null;
  /** `permission`: the legacy base role, one of `admin`, `write`, `read`, `none`. */
  permission: string;
}
