/**
 * What Nova's own pull requests need from GitHub beyond the sync's `GitHubPort`: pull requests
 * on a branch, and the git data API (blobs, trees, commits, refs), so several files land in one
 * commit and a branch is regenerated rather than merged into. Implemented over Octokit in
 * `octokit-bot-pr-port.ts`; tests pass the real app against the fake GitHub.
 */

/** A pull request as Nova reads it. */
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

export interface PullWrite {
  title?: string;
  body?: string;
  state?: "open" | "closed";
}

export interface BotPrPort {
  /**
   * Pull requests whose head is `branch` of this repository, newest first, at most `limit`
   * (one page): `open`, or `all` to see the latest merged or closed ones too.
   */
  listPullsForBranch(branch: string, state: "open" | "all", limit: number): Promise<ObservedPull[]>;
  /** Opens a pull request. Not retried blindly: a 502 may hide one that was opened. */
  createPull(pull: {
    title: string;
    body: string;
    head: string;
    base: string;
  }): Promise<ObservedPull>;
  updatePull(number: number, changes: PullWrite): Promise<ObservedPull>;
  /** Adds labels to an issue or pull request. */
  addLabels(number: number, labels: string[]): Promise<void>;
  /** The commit a branch points to, or null when the branch does not exist. */
  findBranchHead(branch: string): Promise<string | null>;
  getCommit(sha: string): Promise<ObservedCommit>;
  /** A directory's entries at a ref; empty when the directory does not exist. */
  listDirectory(path: string, ref: string): Promise<DirectoryEntry[]>;
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
