import type { PullRequestApi } from "./github-api.js";
import { orNotFound, type RestContext } from "./rest-context.js";
import { NO_BLIND_RETRY } from "./retry-secondary-limit.js";
import type { ObservedPull } from "./vocabulary.js";

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

/** Pull requests over Octokit's REST pulls API. */
export function createPullMethods({ octokit, repo, call }: RestContext): PullRequestApi {
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

    async getPullRequest(number) {
      const response = await orNotFound(call, () =>
        octokit.rest.pulls.get({ ...repo, pull_number: number }),
      );
      return response === null ? null : toObservedPull(response.data);
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

    async listPullRequestFiles(number) {
      const files = await call(() =>
        octokit.paginate(octokit.rest.pulls.listFiles, {
          ...repo,
          pull_number: number,
          per_page: 100,
        }),
      );
      return listChangedPaths(files);
    },
  };
}

/** The paths a list of changed files names: a rename counts under both names. */
export function listChangedPaths(
  files: ReadonlyArray<{ filename: string; previous_filename?: string }>,
): string[] {
  return files.flatMap((file) =>
    file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
  );
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
