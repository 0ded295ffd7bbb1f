import type { FakeRepo } from "../fake-repo.js";
import type { FakeState } from "../fake-state.js";
import type { FileEntry, GitPerson, TreeEntry } from "../git-store.js";
import { GitHubError, notFound } from "../github-error.js";
import { renderGitCommit, renderRef } from "../render.js";
import type { Handler } from "./handler-context.js";
import { bodyOf, reply, requireRepo, stringParam, toGitHubBase64 } from "./handler-context.js";

interface TreeInput {
  path?: string;
  mode?: TreeEntry["mode"];
  type?: TreeEntry["type"];
  sha?: string | null;
  content?: string;
}

interface PersonInput {
  name?: string;
  email?: string;
  date?: string;
}

/**
 * The git data API: blobs, trees, commits and refs, with GitHub's 422 answers for missing
 * objects, existing refs and non-fast-forward updates.
 * See https://docs.github.com/en/rest/git
 */
export const gitHandlers: Record<string, Handler> = {
  "git/create-blob": (context) => {
    const repo = requireRepo(context);
    const { content, encoding = "utf-8" } = bodyOf<{ content: string; encoding?: string }>(context);
    if (encoding !== "utf-8" && encoding !== "base64") {
      throw new GitHubError(422, `encoding must be "utf-8" or "base64"`);
    }
    const sha = repo.git.store.writeBlob(
      Buffer.from(content, encoding === "base64" ? "base64" : "utf8"),
    );
    return reply(201, { sha, url: blobUrl(context.state, repo, sha) });
  },

  "git/get-blob": (context) => {
    const repo = requireRepo(context);
    const sha = stringParam(context, "file_sha") ?? "";
    const blob = repo.git.store.blob(sha);
    if (blob === undefined) throw notFound();
    return reply(200, {
      sha,
      node_id: `B_fake${sha}`,
      size: blob.content.length,
      url: blobUrl(context.state, repo, sha),
      content: toGitHubBase64(blob.content),
      encoding: "base64",
    });
  },

  "git/create-tree": (context) => {
    const repo = requireRepo(context);
    const { tree, base_tree: baseTree } = bodyOf<{ tree: TreeInput[]; base_tree?: string }>(
      context,
    );
    const store = repo.git.store;
    const files = new Map<string, FileEntry>();
    if (baseTree !== undefined) {
      if (store.tree(baseTree) === undefined) throw new GitHubError(422, "Invalid tree info");
      for (const [path, entry] of store.files(baseTree)) files.set(path, entry);
    }
    for (const input of tree) {
      applyTreeInput(repo, files, input);
    }
    const sha = store.writeTreeFromFiles(files.values());
    return reply(201, renderTree(context.state, repo, sha, false));
  },

  "git/get-tree": (context) => {
    const repo = requireRepo(context);
    const treeSha = stringParam(context, "tree_sha") ?? "";
    // GitHub accepts a tree sha, a commit sha or a ref name here.
    const store = repo.git.store;
    const resolved =
      store.tree(treeSha)?.sha ?? store.commit(repo.git.resolveCommit(treeSha) ?? "")?.tree;
    if (resolved === undefined) throw notFound();
    // "Setting this parameter to any value returns the objects or subtrees referenced by the tree."
    const recursive = context.params.recursive !== undefined;
    return reply(200, renderTree(context.state, repo, resolved, recursive));
  },

  "git/create-commit": (context) => {
    const repo = requireRepo(context);
    const body = bodyOf<{
      message: string;
      tree: string;
      parents?: string[];
      author?: PersonInput;
      committer?: PersonInput;
    }>(context);
    const store = repo.git.store;
    if (store.tree(body.tree) === undefined) throw new GitHubError(422, "Tree SHA does not exist");
    for (const parent of body.parents ?? []) {
      if (store.commit(parent) === undefined) {
        throw new GitHubError(422, "Parent SHA does not exist or is not a commit object");
      }
    }
    const user = context.actor.kind === "app" ? undefined : context.actor.user;
    const fallback: GitPerson = {
      name: user?.login ?? "fake",
      email: `${user?.id ?? 0}+${user?.login ?? "fake"}@users.noreply.github.com`,
      date: context.state.now(),
    };
    const author = toPerson(body.author, fallback);
    const sha = store.writeCommit({
      tree: body.tree,
      parents: body.parents ?? [],
      message: body.message,
      author,
      committer: toPerson(body.committer, author),
    });
    return reply(201, renderGitCommit(context.state, repo, store.commit(sha)!));
  },

  "git/get-commit": (context) => {
    const repo = requireRepo(context);
    const commit = repo.git.store.commit(stringParam(context, "commit_sha") ?? "");
    if (commit === undefined) throw notFound();
    return reply(200, renderGitCommit(context.state, repo, commit));
  },

  "git/get-ref": (context) => {
    const repo = requireRepo(context);
    const ref = `refs/${stringParam(context, "ref") ?? ""}`;
    const sha = repo.git.refs.get(ref);
    if (sha === undefined) throw notFound();
    return reply(200, renderRef(context.state, repo, ref, sha));
  },

  "git/list-matching-refs": (context) => {
    const repo = requireRepo(context);
    const prefix = `refs/${stringParam(context, "ref") ?? ""}`;
    const refs = [...repo.git.refs]
      .filter(([ref]) => ref.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, sha]) => renderRef(context.state, repo, ref, sha));
    return reply(200, refs);
  },

  "git/create-ref": (context) => {
    const repo = requireRepo(context);
    const { ref, sha } = bodyOf<{ ref: string; sha: string }>(context);
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw new GitHubError(
        422,
        "Reference name must start with 'refs/' and have at least two slashes.",
      );
    }
    if (repo.git.refs.has(ref)) throw new GitHubError(422, "Reference already exists");
    if (repo.git.store.commit(sha) === undefined)
      throw new GitHubError(422, "Object does not exist");
    repo.git.refs.set(ref, sha);
    return reply(201, renderRef(context.state, repo, ref, sha));
  },

  "git/update-ref": (context) => {
    const repo = requireRepo(context);
    const ref = `refs/${stringParam(context, "ref") ?? ""}`;
    const { sha, force = false } = bodyOf<{ sha: string; force?: boolean }>(context);
    const current = repo.git.refs.get(ref);
    if (current === undefined) throw new GitHubError(422, "Reference does not exist");
    if (repo.git.store.commit(sha) === undefined)
      throw new GitHubError(422, "Object does not exist");
    if (!force && !repo.git.store.isAncestor(current, sha)) {
      throw new GitHubError(422, "Update is not a fast forward");
    }
    repo.git.refs.set(ref, sha);
    return reply(200, renderRef(context.state, repo, ref, sha));
  },

  "git/delete-ref": (context) => {
    const repo = requireRepo(context);
    const ref = `refs/${stringParam(context, "ref") ?? ""}`;
    if (!repo.git.refs.delete(ref)) throw new GitHubError(422, "Reference does not exist");
    return reply(204);
  },
};

/** Applies one `tree` entry of create-tree: content, an existing object, or `sha: null` (delete). */
function applyTreeInput(repo: FakeRepo, files: Map<string, FileEntry>, input: TreeInput): void {
  const store = repo.git.store;
  const path = input.path ?? "";
  if (path === "" || path.startsWith("/") || path.endsWith("/")) {
    throw new GitHubError(422, "Invalid tree info");
  }
  if (input.sha !== undefined && input.content !== undefined) {
    throw new GitHubError(422, "Only one of sha or content may be given");
  }
  if (input.sha === null) {
    for (const key of [...files.keys()]) {
      if (key === path || key.startsWith(`${path}/`)) files.delete(key);
    }
    return;
  }
  const type = input.type ?? "blob";
  if (type === "tree") {
    const subtree = input.sha === undefined ? undefined : store.tree(input.sha);
    if (subtree === undefined) throw new GitHubError(422, "Invalid tree info");
    for (const key of [...files.keys()]) {
      if (key.startsWith(`${path}/`)) files.delete(key);
    }
    for (const [subPath, entry] of store.files(subtree.sha)) {
      files.set(`${path}/${subPath}`, { ...entry, path: `${path}/${subPath}` });
    }
    return;
  }
  const sha =
    input.content !== undefined ? store.writeBlob(Buffer.from(input.content, "utf8")) : input.sha;
  if (sha === undefined || (type === "blob" && store.blob(sha) === undefined)) {
    throw new GitHubError(422, "Invalid tree info");
  }
  files.set(path, { path, mode: input.mode ?? "100644", type, sha });
}

function renderTree(
  state: FakeState,
  repo: FakeRepo,
  sha: string,
  recursive: boolean,
): Record<string, unknown> {
  const api = `${state.baseUrl}/repos/${repo.fullName}/git`;
  return {
    sha,
    url: `${api}/trees/${sha}`,
    tree: repo.git.store.listTree(sha, { recursive, includeTrees: true }).map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === "blob" ? { size: entry.size ?? 0 } : {}),
      url: `${api}/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
    })),
    truncated: false,
  };
}

function toPerson(input: PersonInput | undefined, fallback: GitPerson): GitPerson {
  return {
    name: input?.name ?? fallback.name,
    email: input?.email ?? fallback.email,
    date: input?.date ?? fallback.date,
  };
}

function blobUrl(state: FakeState, repo: FakeRepo, sha: string): string {
  return `${state.baseUrl}/repos/${repo.fullName}/git/blobs/${sha}`;
}
