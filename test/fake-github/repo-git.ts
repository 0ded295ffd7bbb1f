import type { CommitObject, FileEntry, GitPerson } from "./git-store.js";
import { GitStore } from "./git-store.js";

/** File contents to commit by path; `null` deletes the file. */
export type FileChanges = Record<string, string | Buffer | null>;

/** What a commit changed, in the terms of a `push` event's commit. */
export interface CommitResult {
  /** The branch's previous head, or null when the commit created the branch. */
  before: string | null;
  after: string;
  commit: CommitObject;
  added: string[];
  removed: string[];
  modified: string[];
}

export interface CommitOptions {
  message: string;
  author: Omit<GitPerson, "date">;
  date: string;
}

/**
 * A repository's git data: the object store and its refs (`refs/heads/main` → sha). It resolves
 * the ref spellings the REST API accepts and makes commits for test helpers.
 */
export class RepoGit {
  readonly store = new GitStore();
  readonly refs = new Map<string, string>();

  constructor(readonly defaultBranch: string) {}

  /** The head commit of a branch, or undefined. */
  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  /**
   * The commit a ref names, as the contents and commits APIs resolve `ref`: a full or abbreviated
   * sha, `refs/heads/x`, `heads/x`, a branch name or a tag name. Undefined when nothing matches.
   */
  resolveCommit(ref: string): string | undefined {
    const direct =
      this.refs.get(ref) ??
      this.refs.get(`refs/${ref}`) ??
      this.refs.get(`refs/heads/${ref}`) ??
      this.refs.get(`refs/tags/${ref}`);
    if (direct !== undefined) return direct;
    return /^[0-9a-f]{7,40}$/.test(ref) ? this.store.findCommitByPrefix(ref)?.sha : undefined;
  }

  /** The files of a commit's tree by path. */
  filesAt(commitSha: string): Map<string, FileEntry> {
    const commit = this.store.commit(commitSha);
    return commit === undefined ? new Map<string, FileEntry>() : this.store.files(commit.tree);
  }

  /**
   * Commits file changes on top of a branch and moves the branch. A branch that does not exist
   * yet starts from the default branch's head (or as a root commit in an empty repository).
   */
  commitFiles(branch: string, changes: FileChanges, options: CommitOptions): CommitResult {
    const before = this.branchSha(branch) ?? null;
    const parent = before ?? this.branchSha(this.defaultBranch) ?? null;
    const files = parent === null ? new Map<string, FileEntry>() : this.filesAt(parent);
    const added: string[] = [];
    const removed: string[] = [];
    const modified: string[] = [];
    for (const [path, content] of Object.entries(changes)) {
      const existing = files.get(path);
      if (content === null) {
        if (existing !== undefined) {
          files.delete(path);
          removed.push(path);
        }
        continue;
      }
      const sha = this.store.writeBlob(
        typeof content === "string" ? Buffer.from(content, "utf8") : content,
      );
      if (existing?.sha === sha) continue;
      (existing === undefined ? added : modified).push(path);
      files.set(path, { path, mode: existing?.mode ?? "100644", type: "blob", sha });
    }
    const person: GitPerson = { ...options.author, date: options.date };
    const after = this.store.writeCommit({
      tree: this.store.writeTreeFromFiles(files.values()),
      parents: parent === null ? [] : [parent],
      message: options.message,
      author: person,
      committer: person,
    });
    this.refs.set(`refs/heads/${branch}`, after);
    return { before, after, commit: this.store.commit(after)!, added, removed, modified };
  }
}
