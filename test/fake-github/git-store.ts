import { createHash } from "node:crypto";

/** Author or committer of a commit. */
export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601, as the API writes it. */
  date: string;
}

/** One entry of a tree, as the REST API names its mode (`040000` for a directory). */
export interface TreeEntry {
  name: string;
  mode: "100644" | "100755" | "040000" | "120000" | "160000";
  type: "blob" | "tree" | "commit";
  sha: string;
}

export interface BlobObject {
  type: "blob";
  sha: string;
  content: Buffer;
}

export interface TreeObject {
  type: "tree";
  sha: string;
  entries: TreeEntry[];
}

export interface CommitObject {
  type: "commit";
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

export type GitObject = BlobObject | TreeObject | CommitObject;

/** A file in a flattened tree: its full path and blob. */
export interface FileEntry {
  path: string;
  mode: TreeEntry["mode"];
  type: TreeEntry["type"];
  sha: string;
}

/** A tree entry with its full path (what `GET git/trees/{sha}?recursive=1` lists). */
export interface PathEntry extends FileEntry {
  size?: number;
}

/** One changed file between two trees, in the shape of compare/commit `files`. */
export interface FileChange {
  filename: string;
  status: "added" | "removed" | "modified";
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
}

/**
 * An in-memory git object database. SHAs are real git object ids (SHA-1 over the loose-object
 * encoding), so they are deterministic and look like GitHub's.
 */
export class GitStore {
  readonly #objects = new Map<string, GitObject>();

  /** Stores a blob and returns its sha. */
  writeBlob(content: Buffer): string {
    const sha = hashObject("blob", content);
    this.#objects.set(sha, { type: "blob", sha, content });
    return sha;
  }

  /** Stores one tree level (entries are sorted the way git sorts them) and returns its sha. */
  writeTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareTreeNames(a, b));
    const body = Buffer.concat(
      sorted.flatMap((entry) => [
        Buffer.from(`${entry.mode === "040000" ? "40000" : entry.mode} ${entry.name}\0`),
        Buffer.from(entry.sha, "hex"),
      ]),
    );
    const sha = hashObject("tree", body);
    this.#objects.set(sha, { type: "tree", sha, entries: sorted });
    return sha;
  }

  /** Builds nested trees from full paths (`docs/plan.md`) and returns the root tree's sha. */
  writeTreeFromFiles(files: Iterable<FileEntry>): string {
    interface Dir {
      files: TreeEntry[];
      dirs: Map<string, Dir>;
    }
    const root: Dir = { files: [], dirs: new Map() };
    for (const file of files) {
      const parts = file.path.split("/");
      const name = parts.pop() ?? "";
      let dir = root;
      for (const part of parts) {
        let next = dir.dirs.get(part);
        if (next === undefined) {
          next = { files: [], dirs: new Map() };
          dir.dirs.set(part, next);
        }
        dir = next;
      }
      dir.files.push({ name, mode: file.mode, type: file.type, sha: file.sha });
    }
    const write = (dir: Dir): string =>
      this.writeTree([
        ...dir.files,
        ...[...dir.dirs].map(([name, sub]): TreeEntry => ({
          name,
          mode: "040000",
          type: "tree",
          sha: write(sub),
        })),
      ]);
    return write(root);
  }

  /** Stores a commit and returns its sha. */
  writeCommit(commit: Omit<CommitObject, "type" | "sha">): string {
    const lines = [
      `tree ${commit.tree}`,
      ...commit.parents.map((parent) => `parent ${parent}`),
      `author ${formatPerson(commit.author)}`,
      `committer ${formatPerson(commit.committer)}`,
      "",
      commit.message,
    ];
    const sha = hashObject("commit", Buffer.from(lines.join("\n"), "utf8"));
    this.#objects.set(sha, { ...commit, type: "commit", sha });
    return sha;
  }

  /** The commit whose sha starts with `prefix` (at least 7 hex digits), if exactly one does. */
  findCommitByPrefix(prefix: string): CommitObject | undefined {
    const matches = [...this.#objects.values()].filter(
      (object): object is CommitObject => object.type === "commit" && object.sha.startsWith(prefix),
    );
    return matches.length === 1 ? matches[0] : undefined;
  }

  get(sha: string): GitObject | undefined {
    return this.#objects.get(sha);
  }

  blob(sha: string): BlobObject | undefined {
    const object = this.#objects.get(sha);
    return object?.type === "blob" ? object : undefined;
  }

  tree(sha: string): TreeObject | undefined {
    const object = this.#objects.get(sha);
    return object?.type === "tree" ? object : undefined;
  }

  commit(sha: string): CommitObject | undefined {
    const object = this.#objects.get(sha);
    return object?.type === "commit" ? object : undefined;
  }

  /** Every entry under a tree with its full path; trees too when `includeTrees`. */
  listTree(treeSha: string, { recursive = true, includeTrees = false } = {}): PathEntry[] {
    const result: PathEntry[] = [];
    const walk = (sha: string, prefix: string): void => {
      for (const entry of this.tree(sha)?.entries ?? []) {
        const path = prefix + entry.name;
        if (entry.type === "tree") {
          if (includeTrees) result.push({ path, mode: entry.mode, type: "tree", sha: entry.sha });
          if (recursive) walk(entry.sha, `${path}/`);
        } else {
          const size = this.blob(entry.sha)?.content.length;
          result.push({ path, mode: entry.mode, type: entry.type, sha: entry.sha, size });
        }
      }
    };
    walk(treeSha, "");
    return result;
  }

  /** Files (not directories) of a tree by full path. */
  files(treeSha: string): Map<string, FileEntry> {
    return new Map(this.listTree(treeSha).map((entry) => [entry.path, entry]));
  }

  /** Finds the entry at `path` in a tree (a file or a directory), or undefined. */
  lookup(treeSha: string, path: string): FileEntry | undefined {
    const parts = path.split("/").filter((part) => part !== "");
    if (parts.length === 0) return { path: "", mode: "040000", type: "tree", sha: treeSha };
    let current: FileEntry = { path: "", mode: "040000", type: "tree", sha: treeSha };
    for (const part of parts) {
      const entry = this.tree(current.sha)?.entries.find((e) => e.name === part);
      if (current.type !== "tree" || entry === undefined) return undefined;
      current = {
        path: current.path === "" ? part : `${current.path}/${part}`,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
      };
    }
    return current;
  }

  /** Every commit reachable from `sha`, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commit(next)?.parents ?? []));
    }
    return seen;
  }

  /** Whether `ancestor` is reachable from `descendant` (or is it). */
  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestors(descendant).has(ancestor);
  }

  /** The nearest common ancestor of two commits (breadth-first from `head`), or undefined. */
  mergeBase(base: string, head: string): string | undefined {
    const fromBase = this.ancestors(base);
    const queue = [head];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      if (fromBase.has(next)) return next;
      queue.push(...(this.commit(next)?.parents ?? []));
    }
    return undefined;
  }

  /** Commits reachable from `head` but not from `base`, oldest first. */
  commitsBetween(base: string, head: string): CommitObject[] {
    const excluded = this.ancestors(base);
    const result: CommitObject[] = [];
    const visit = (sha: string, seen: Set<string>): void => {
      if (seen.has(sha) || excluded.has(sha)) return;
      seen.add(sha);
      const commit = this.commit(sha);
      if (commit === undefined) return;
      for (const parent of commit.parents) visit(parent, seen);
      result.push(commit);
    };
    visit(head, new Set());
    return result;
  }

  /** The files that differ between two trees (`base` null means an empty tree). */
  diffTrees(baseTree: string | null, headTree: string): FileChange[] {
    const before = baseTree === null ? new Map<string, FileEntry>() : this.files(baseTree);
    const after = this.files(headTree);
    const changes: FileChange[] = [];
    for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const old = before.get(path);
      const now = after.get(path);
      if (old?.sha === now?.sha) continue;
      const [additions, deletions] = countLineChanges(this.#text(old?.sha), this.#text(now?.sha));
      changes.push({
        filename: path,
        status: old === undefined ? "added" : now === undefined ? "removed" : "modified",
        sha: (now ?? old)!.sha,
        additions,
        deletions,
        changes: additions + deletions,
      });
    }
    return changes;
  }

  #text(sha: string | undefined): string {
    return sha === undefined ? "" : (this.blob(sha)?.content.toString("utf8") ?? "");
  }
}

function hashObject(type: string, body: Buffer): string {
  return createHash("sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

// git sorts tree entries by name, comparing a directory as if its name ended in "/".
function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const key = (entry: TreeEntry): Buffer =>
    Buffer.from(entry.type === "tree" ? `${entry.name}/` : entry.name);
  return Buffer.compare(key(a), key(b));
}

function formatPerson(person: GitPerson): string {
  const seconds = Math.floor(new Date(person.date).getTime() / 1000);
  return `${person.name} <${person.email}> ${seconds} +0000`;
}

/**
 * Lines added and removed, counted as multisets (no alignment). Good enough for `additions` and
 * `deletions` in the fake; real git may count moved lines differently.
 */
function countLineChanges(before: string, after: string): [number, number] {
  const toLines = (text: string): string[] => (text === "" ? [] : text.split("\n"));
  const remaining = new Map<string, number>();
  for (const line of toLines(before)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of toLines(after)) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) remaining.set(line, count - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return [additions, deletions];
}
