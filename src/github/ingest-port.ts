/**
 * What the ingestion of runner reports (`src/ingest/`) needs from GitHub: the app's installation
 * on a repository, and in that repository the target issue or pull request, its comments, check
 * runs on a commit, one label and the configuration. Implemented over Octokit in
 * `octokit-ingest-port.ts`; every failure leaves as a `GitHubError`.
 */
import type { ObservedComment } from "./command-port.js";

/** Finds the app's installation on a repository (the app's JWT: `GET /repos/{o}/{r}/installation`). */
export interface InstallationLookup {
  /** The installation id, or null when the app is not installed there (or the repository is unknown). */
  findRepoInstallation(repo: { owner: string; repo: string }): Promise<number | null>;
}

/** An issue or pull request as the ingestion reads it (`GET /issues/{n}`). */
export interface IngestIssue {
  number: number;
  /** The issues API lists pull requests too. */
  isPullRequest: boolean;
  labels: string[];
  author: string;
  body: string;
  htmlUrl: string;
}

/** A comment with its web address. */
export interface IngestComment extends ObservedComment {
  htmlUrl: string;
}

/** A check run as far as the ingestion needs it to find an earlier result. */
export interface IngestCheckRun {
  id: number;
  externalId: string | null;
  htmlUrl: string;
}

export interface IngestCheckRunWrite {
  name: string;
  headSha: string;
  conclusion: "success" | "neutral" | "failure";
  /** The report id: a repeated upload finds this run instead of creating another. */
  externalId: string;
  /** Where the details are: the sticky comment, when there is one. */
  detailsUrl?: string;
  title: string;
  summary: string;
  text?: string;
}

export interface IngestPort {
  /** One issue or pull request; null when it does not exist. */
  getIssue(number: number): Promise<IngestIssue | null>;
  /** A pull request with its head commit; null when there is no such pull request. */
  getPullRequest(number: number): Promise<(IngestIssue & { headSha: string }) | null>;
  /** Every issue (all states, pull requests excluded) carrying `label`, 100 per page. */
  listIssuesWithLabel(label: string): Promise<IngestIssue[]>;
  /** Every comment of an issue or pull request, oldest first. */
  listComments(issueNumber: number): Promise<IngestComment[]>;
  /** Posts a comment. Not retried blindly: a 502 may hide a posted comment (the caller re-reads). */
  createComment(issueNumber: number, body: string): Promise<IngestComment>;
  updateComment(commentId: number, body: string): Promise<IngestComment>;
  /** Every check run of this name on a commit (not only the latest); null when the commit is unknown. */
  listCheckRuns(sha: string, name: string): Promise<IngestCheckRun[] | null>;
  /** Creates a completed check run. Not retried blindly, like a comment. */
  createCheckRun(run: IngestCheckRunWrite): Promise<IngestCheckRun>;
  /** Creates a label; `already_exists` is a result (`false`), not an error. */
  createLabel(label: { name: string; color: string; description: string }): Promise<boolean>;
  addLabel(issueNumber: number, name: string): Promise<void>;
  /** Removes a label from an issue; a label that is not there is no error. */
  removeLabel(issueNumber: number, name: string): Promise<void>;
  /** `.github/nova.yml` from the default branch (with `_extends`); null when there is none. */
  readConfig(): Promise<unknown>;
}
