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
}

export interface IssueWrite {
  title?: string;
  body?: string;
  labels?: string[];
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "reopened";
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
    issue: Required<Pick<IssueWrite, "title" | "body" | "labels">>,
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
}
