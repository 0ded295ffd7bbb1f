import { GitHubError, notFound } from "../github-error.js";
import {
  HTML_BASE,
  renderCommit,
  renderFileChange,
  renderRepository,
  renderUser,
} from "../render.js";
import type { FakeRepo } from "../fake-repo.js";
import type { FakeState } from "../fake-state.js";
import type { RepositoryRole } from "../records.js";
import type { Handler } from "./handler-context.js";
import { reply, requireRepo, stringParam, toGitHubBase64 } from "./handler-context.js";

// The legacy `permission` for each role, as the collaborator permission endpoint reports it.
// https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
const LEGACY_PERMISSION: Record<RepositoryRole, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

/** Repository metadata, file contents, commits, comparisons and collaborator permissions. */
export const repoHandlers: Record<string, Handler> = {
  "repos/get": (context) => reply(200, renderRepository(context.state, requireRepo(context))),

  "repos/get-content": (context) => {
    const repo = requireRepo(context);
    const ref = stringParam(context, "ref") ?? repo.defaultBranch;
    const sha = repo.git.resolveCommit(ref);
    if (sha === undefined) throw new GitHubError(404, `No commit found for the ref ${ref}`);
    const path = (stringParam(context, "path") ?? "").replace(/^\/+|\/+$/g, "");
    const commit = repo.git.store.commit(sha)!;
    const entry = repo.git.store.lookup(commit.tree, path);
    if (entry === undefined) throw notFound();
    if (entry.type === "tree") {
      const listing = repo.git.store
        .listTree(entry.sha, { recursive: false, includeTrees: true })
        .map((child) =>
          renderContentEntry(
            context.state,
            repo,
            ref,
            joinPath(path, child.path),
            child.sha,
            child.type,
            child.size,
          ),
        );
      return reply(200, listing);
    }
    const blob = repo.git.store.blob(entry.sha)!;
    // `application/vnd.github.raw` (Octokit: `mediaType: { format: "raw" }`) answers the bytes.
    if (/vnd\.github(\.v3)?\.raw/.test(context.accept)) {
      return reply(200, blob.content, {
        "content-type": "application/vnd.github.raw; charset=utf-8",
      });
    }
    return reply(200, {
      ...renderContentEntry(context.state, repo, ref, path, entry.sha, "blob", blob.content.length),
      content: toGitHubBase64(blob.content),
      encoding: "base64",
    });
  },

  "repos/compare-commits": (context) => {
    const repo = requireRepo(context);
    const baseRef = stringParam(context, "base") ?? "";
    const headRef = stringParam(context, "head") ?? "";
    const base = repo.git.resolveCommit(baseRef);
    const head = repo.git.resolveCommit(headRef);
    if (base === undefined || head === undefined) throw notFound();
    const store = repo.git.store;
    const mergeBase = store.mergeBase(base, head);
    const ahead = store.commitsBetween(base, head);
    const behind = store.commitsBetween(head, base);
    const status =
      ahead.length === 0 && behind.length === 0
        ? "identical"
        : behind.length === 0
          ? "ahead"
          : ahead.length === 0
            ? "behind"
            : "diverged";
    const baseTree = mergeBase === undefined ? null : store.commit(mergeBase)!.tree;
    const files = store.diffTrees(baseTree, store.commit(head)!.tree);
    const api = `${context.state.baseUrl}/repos/${repo.fullName}`;
    return reply(200, {
      url: `${api}/compare/${baseRef}...${headRef}`,
      html_url: `${HTML_BASE}/${repo.fullName}/compare/${baseRef}...${headRef}`,
      permalink_url: `${HTML_BASE}/${repo.fullName}/compare/${base}...${head}`,
      diff_url: `${HTML_BASE}/${repo.fullName}/compare/${baseRef}...${headRef}.diff`,
      patch_url: `${HTML_BASE}/${repo.fullName}/compare/${baseRef}...${headRef}.patch`,
      base_commit: renderCommit(context.state, repo, store.commit(base)!),
      merge_base_commit:
        mergeBase === undefined
          ? null
          : renderCommit(context.state, repo, store.commit(mergeBase)!),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: ahead.map((commit) => renderCommit(context.state, repo, commit)),
      files: files.map((file) => renderFileChange(repo, head, file)),
    });
  },

  "repos/get-commit": (context) => {
    const repo = requireRepo(context);
    const ref = stringParam(context, "ref") ?? "";
    const sha = repo.git.resolveCommit(ref);
    if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
    const commit = repo.git.store.commit(sha)!;
    const parent =
      commit.parents[0] === undefined ? undefined : repo.git.store.commit(commit.parents[0]);
    const files = repo.git.store.diffTrees(parent?.tree ?? null, commit.tree);
    return reply(200, renderCommit(context.state, repo, commit, files));
  },

  "repos/get-collaborator-permission-level": (context) => {
    const repo = requireRepo(context);
    const login = stringParam(context, "username") ?? "";
    const role = repo.roleOf(login);
    return reply(200, {
      permission: LEGACY_PERMISSION[role],
      role_name: role,
      user: renderUser(context.state, context.state.user(login)),
    });
  },
};

function renderContentEntry(
  state: FakeState,
  repo: FakeRepo,
  ref: string,
  path: string,
  sha: string,
  type: string,
  size: number | undefined,
): Record<string, unknown> {
  const api = `${state.baseUrl}/repos/${repo.fullName}`;
  const kind = type === "tree" ? "dir" : type === "commit" ? "submodule" : "file";
  const url = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${type === "tree" ? "trees" : "blobs"}/${sha}`;
  const htmlUrl = `${HTML_BASE}/${repo.fullName}/${kind === "dir" ? "tree" : "blob"}/${ref}/${path}`;
  return {
    type: kind,
    name: path.split("/").at(-1) ?? path,
    path,
    sha,
    size: size ?? 0,
    url,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url:
      kind === "file" ? `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}` : null,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

function joinPath(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}
