/**
 * The narrow interface through which Nova reads and writes GitHub. Only `src/github/`
 * implements it (over Octokit); everything else depends on this interface, so tests and the
 * dry run can pass their own.
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

export interface CheckRunWrite {
  name: string;
  headSha: string;
  status: "completed" | "in_progress";
  conclusion?: "success" | "failure" | "neutral" | "action_required";
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

export interface GitHubPort {
  /** Every issue (all states, pull requests excluded) carrying `label`, 100 per page. */
  listIssuesWithLabel(label: string): Promise<ObservedIssue[]>;
  /** Creates a label; `already_exists` is a result (`false`), not an error. */
  createLabel(label: ObservedLabel): Promise<boolean>;
  updateLabel(currentName: string, label: ObservedLabel): Promise<void>;
  createIssue(
    issue: Required<Pick<IssueWrite, "title" | "body" | "labels">> & {
      milestone?: number;
      assignees?: string[];
    },
  ): Promise<ObservedIssue>;
  updateIssue(number: number, changes: IssueWrite): Promise<ObservedIssue>;
  /** One issue, with `closedBy`; null when it does not exist. */
  getIssue(number: number): Promise<ObservedIssue | null>;
  createComment(issueNumber: number, body: string): Promise<void>;
  /** A file's text at a ref, or null when it does not exist. */
  getFileText(path: string, ref: string): Promise<string | null>;
  /** Paths changed between two commits (for forced pushes and pushes without a commit list). */
  listChangedFiles(base: string, head: string): Promise<string[]>;
  createCheckRun(run: CheckRunWrite): Promise<{ htmlUrl: string }>;
  /** Whether a commit already has a check run of this name (so a redelivery does not add another). */
  hasCheckRun(sha: string, name: string): Promise<boolean>;
  /**
   * Every path (files and directories) in the tree of a commit, `git/trees/{sha}?recursive=1`;
   * `truncated` when GitHub cut the listing (over 100,000 entries).
   */
  listTreePaths(sha: string): Promise<{ paths: string[]; truncated: boolean }>;
  /** The web address of the newest check run of this name on a commit or branch, or null. */
  findCheckRunUrl(ref: string, name: string): Promise<string | null>;
  /**
   * `.github/nova.yml` from the default branch, merged with what it `_extends` (Probot's config
   * loading); null when the repository has none.
   */
  readConfig(): Promise<unknown>;
  /** The repository's default branch and web address. */
  getRepository(): Promise<{ defaultBranch: string; htmlUrl: string }>;
  /** The commit a branch points to. */
  getBranchSha(branch: string): Promise<string>;
  /** Paths a pull request changes (renames list both names). */
  listPullRequestFiles(number: number): Promise<string[]>;
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
