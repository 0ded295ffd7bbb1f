import { CONFIG_PATH } from "../config/config-path.js";
import type { RepositoryApi } from "./github-api.js";
import { readConfigFiles } from "./read-config-files.js";
import { orNotFound, type RestContext } from "./rest-context.js";
import { listChangedPaths } from "./rest-pulls.js";
import type { DirectoryEntry } from "./vocabulary.js";

/** The repository, its files (contents API) and git data (blobs, trees, commits, refs). */
export function createRepositoryMethods({ octokit, repo, call }: RestContext): RepositoryApi {
  /** A file's or directory's contents at a ref; null when there is nothing at that path. */
  const findContent = async (path: string, ref: string) =>
    (await orNotFound(call, () => octokit.rest.repos.getContent({ ...repo, path, ref })))?.data ??
    null;
  const getRef = (branch: string) => octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });

  return {
    async getRepository() {
      const { data } = await call(() => octokit.rest.repos.get({ ...repo }));
      return { defaultBranch: data.default_branch, htmlUrl: data.html_url };
    },

    // Probot's loader semantics, with bounds before parsing (src/github/read-config-files.ts).
    readConfig: () => readConfigFiles(octokit, repo, CONFIG_PATH, call),

    async getFileText(path, ref) {
      const data = await findContent(path, ref);
      if (data === null || Array.isArray(data) || data.type !== "file" || !("content" in data))
        return null;
      return Buffer.from(data.content, "base64").toString("utf8");
    },

    async listDirectory(path, ref) {
      const data = await findContent(path, ref);
      if (!Array.isArray(data)) return [];
      return data.map((entry): DirectoryEntry => ({
        name: entry.name,
        path: entry.path,
        sha: entry.sha,
        type:
          entry.type === "dir" || entry.type === "symlink" || entry.type === "submodule"
            ? entry.type
            : "file",
      }));
    },

    async listChangedFiles(base, head) {
      const { data } = await call(() =>
        octokit.rest.repos.compareCommits({ ...repo, base, head, per_page: 100 }),
      );
      return listChangedPaths(data.files ?? []);
    },

    async listTreePaths(sha) {
      const { data } = await call(() =>
        octokit.rest.git.getTree({ ...repo, tree_sha: sha, recursive: "1" }),
      );
      return {
        paths: data.tree.flatMap((entry) => (entry.path === undefined ? [] : [entry.path])),
        truncated: data.truncated,
      };
    },

    async getBranchSha(branch) {
      return (await call(() => getRef(branch))).data.object.sha;
    },

    async findBranchHead(branch) {
      return (await orNotFound(call, () => getRef(branch)))?.data.object.sha ?? null;
    },

    async getCommit(sha) {
      const { data } = await call(() => octokit.rest.git.getCommit({ ...repo, commit_sha: sha }));
      return {
        sha: data.sha,
        treeSha: data.tree.sha,
        parents: data.parents.map((parent) => parent.sha),
      };
    },

    async createBlob(content) {
      const { data } = await call(() =>
        octokit.rest.git.createBlob({ ...repo, content, encoding: "utf-8" }),
      );
      return data.sha;
    },

    async createTree(baseTreeSha, files) {
      const { data } = await call(() =>
        octokit.rest.git.createTree({
          ...repo,
          base_tree: baseTreeSha,
          tree: files.map((file) => ({
            path: file.path,
            mode: "100644" as const,
            type: "blob" as const,
            sha: file.blobSha,
          })),
        }),
      );
      return data.sha;
    },

    async createCommit(commit) {
      const { data } = await call(() =>
        octokit.rest.git.createCommit({
          ...repo,
          message: commit.message,
          tree: commit.treeSha,
          parents: commit.parents,
        }),
      );
      return data.sha;
    },

    async createBranch(branch, sha) {
      await call(() => octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha }));
    },

    async forceBranch(branch, sha) {
      await call(() =>
        octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true }),
      );
    },
  };
}
