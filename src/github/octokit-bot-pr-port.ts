import type { BotPrPort, DirectoryEntry, ObservedPull } from "./bot-pr-port.js";
import { toGitHubError } from "./github-error.js";
import type { RepoRef } from "./github-port.js";
import type { Octokit } from "./octokit-client.js";
import {
  NO_BLIND_RETRY,
  retrySecondaryLimit,
  type SecondaryRetryOptions,
} from "./retry-secondary-limit.js";

/** The REST pull-request fields Nova reads (list and single answers share them). */
interface RestPull {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  merged_at?: string | null;
  user: { login: string } | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels?: Array<{ name?: string | null }>;
  html_url: string;
  closed_at?: string | null;
}

/**
 * The bot-PR port over an Octokit client (a Probot context's, or one from `app.auth()`), so
 * Probot's throttling and retry apply; secondary rate limits are waited out as in the sync's
 * port, and every failure leaves as a `GitHubError`.
 */
export function createOctokitBotPrPort(
  octokit: Octokit,
  repo: RepoRef,
  retry: SecondaryRetryOptions,
): BotPrPort {
  const call = <T>(request: () => Promise<T>): Promise<T> => retrySecondaryLimit(request, retry);

  return {
    async listPullsForBranch(branch, state, limit) {
      const { data } = await call(() =>
        octokit.rest.pulls.list({
          ...repo,
          head: `${repo.owner}:${branch}`,
          state,
          sort: "created",
          direction: "desc",
          per_page: Math.min(Math.max(limit, 1), 100),
        }),
      );
      return (data as RestPull[]).map(toObservedPull);
    },

    async createPull(pull) {
      const { data } = await call(() =>
        octokit.rest.pulls.create({ ...repo, ...pull, ...NO_BLIND_RETRY }),
      );
      return toObservedPull(data);
    },

    async updatePull(number, changes) {
      const { data } = await call(() =>
        octokit.rest.pulls.update({ ...repo, pull_number: number, ...changes }),
      );
      return toObservedPull(data);
    },

    async addLabels(number, labels) {
      await call(() => octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels }));
    },

    async findBranchHead(branch) {
      try {
        const { data } = await call(() =>
          octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` }),
        );
        return data.object.sha;
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return null;
        throw error;
      }
    },

    async getCommit(sha) {
      const { data } = await call(() => octokit.rest.git.getCommit({ ...repo, commit_sha: sha }));
      return {
        sha: data.sha,
        treeSha: data.tree.sha,
        parents: data.parents.map((parent) => parent.sha),
      };
    },

    async listDirectory(path, ref) {
      try {
        const { data } = await call(() => octokit.rest.repos.getContent({ ...repo, path, ref }));
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
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return [];
        throw error;
      }
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

function toObservedPull(pull: RestPull): ObservedPull {
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body ?? "",
    state: pull.state === "closed" ? "closed" : "open",
    merged: Boolean(pull.merged_at),
    author: pull.user?.login ?? "",
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
    labels: (pull.labels ?? []).flatMap((label) => (label.name ? [label.name] : [])),
    htmlUrl: pull.html_url,
    closedAt: pull.closed_at ?? null,
  };
}
