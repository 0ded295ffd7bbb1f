import type {
  CheckRunWrite,
  GitHubPort,
  IssueWrite,
  ObservedLabel,
  RepoRef,
} from "./github-port.js";
import { CONFIG_PATH } from "../config/config-path.js";
import type { Octokit } from "./octokit-client.js";
import { listLabeledIssues } from "./rest-issues.js";
import { readConfigFiles } from "./read-config-files.js";
import { createStructurePort, toObservedIssue } from "./rest-structure.js";
import { isAlreadyExists, toGitHubError } from "./github-error.js";
import {
  NO_BLIND_RETRY,
  retrySecondaryLimit,
  type SecondaryRetryOptions,
} from "./retry-secondary-limit.js";

// The client type lives in octokit-client.ts (the adapters import it from there, no cycle);
// re-exported for the callers in src/app that build ports from it.
export type { Octokit };

// Re-exported for the adapters and src/app, which named it here first.
export { CONFIG_PATH };

/**
 * The GitHub port over an Octokit client (a Probot context's, or one from `app.auth()`), so
 * Probot's throttling and retry apply; secondary rate limits are waited out here.
 */
export function createOctokitPort(
  octokit: Octokit,
  repo: RepoRef,
  retry: SecondaryRetryOptions,
): GitHubPort {
  const call = <T>(request: () => Promise<T>): Promise<T> => retrySecondaryLimit(request, retry);

  return {
    ...createStructurePort(octokit, repo, call),

    async listIssuesWithLabel(label) {
      return (await listLabeledIssues(octokit, repo, call, label)).map(toObservedIssue);
    },

    async createLabel(label: ObservedLabel) {
      try {
        await call(() =>
          octokit.rest.issues.createLabel({
            ...repo,
            name: label.name,
            color: label.color,
            ...(label.description !== null ? { description: label.description } : {}),
          }),
        );
        return true;
      } catch (error) {
        // Another run (or a person) created it first: the label is there, which is all we wanted.
        if (isAlreadyExists(error)) return false;
        throw toGitHubError(error);
      }
    },

    async updateLabel(currentName, label) {
      await call(() =>
        octokit.rest.issues.updateLabel({
          ...repo,
          name: currentName,
          new_name: label.name,
          color: label.color,
          ...(label.description !== null ? { description: label.description } : {}),
        }),
      );
    },

    async createIssue(issue) {
      const { data } = await call(() =>
        octokit.rest.issues.create({ ...repo, ...issue, ...NO_BLIND_RETRY }),
      );
      return toObservedIssue(data);
    },

    async updateIssue(number, changes: IssueWrite) {
      const { stateReason, ...rest } = changes;
      const { data } = await call(() =>
        octokit.rest.issues.update({
          ...repo,
          issue_number: number,
          ...rest,
          ...(stateReason ? { state_reason: stateReason } : {}),
        }),
      );
      return toObservedIssue(data);
    },

    async getIssue(number) {
      try {
        const { data } = await call(() =>
          octokit.rest.issues.get({ ...repo, issue_number: number }),
        );
        return { ...toObservedIssue(data), closedBy: data.closed_by?.login ?? null };
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return null;
        throw error;
      }
    },

    async createComment(issueNumber, body) {
      await call(() =>
        octokit.rest.issues.createComment({
          ...repo,
          issue_number: issueNumber,
          body,
          ...NO_BLIND_RETRY,
        }),
      );
    },

    async getFileText(path, ref) {
      try {
        const { data } = await call(() => octokit.rest.repos.getContent({ ...repo, path, ref }));
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
        return Buffer.from(data.content, "base64").toString("utf8");
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return null;
        throw error;
      }
    },

    async listChangedFiles(base, head) {
      const { data } = await call(() =>
        octokit.rest.repos.compareCommits({ ...repo, base, head, per_page: 100 }),
      );
      return (data.files ?? []).flatMap((file) =>
        file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
      );
    },

    async createCheckRun(run: CheckRunWrite) {
      const { data } = await call(() =>
        octokit.rest.checks.create({
          ...repo,
          name: run.name,
          head_sha: run.headSha,
          status: run.status,
          ...(run.conclusion ? { conclusion: run.conclusion } : {}),
          output: {
            title: run.title,
            summary: run.summary,
            ...(run.text ? { text: run.text } : {}),
            // GitHub takes at most 50 annotations per request.
            ...(run.annotations?.length
              ? {
                  annotations: run.annotations.slice(0, 50).map((annotation) => ({
                    path: annotation.path,
                    start_line: annotation.startLine,
                    end_line: annotation.endLine,
                    annotation_level: annotation.level,
                    message: annotation.message,
                    ...(annotation.title ? { title: annotation.title } : {}),
                  })),
                }
              : {}),
          },
        }),
      );
      return { htmlUrl: data.html_url ?? "" };
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

    async findCheckRunUrl(ref, name) {
      const { data } = await call(() =>
        octokit.rest.checks.listForRef({ ...repo, ref, check_name: name, per_page: 1 }),
      );
      return data.check_runs[0]?.html_url ?? null;
    },

    async hasCheckRun(sha, name) {
      const { data } = await call(() =>
        octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: name, per_page: 1 }),
      );
      return data.total_count > 0;
    },

    // Probot's loader semantics, with bounds before parsing (src/github/read-config-files.ts).
    readConfig: () => readConfigFiles(octokit, repo, CONFIG_PATH, call),

    async getRepository() {
      const { data } = await call(() => octokit.rest.repos.get({ ...repo }));
      return { defaultBranch: data.default_branch, htmlUrl: data.html_url };
    },

    async getBranchSha(branch) {
      const { data } = await call(() =>
        octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` }),
      );
      return data.object.sha;
    },

    async listPullRequestFiles(number) {
      const files = await call(() =>
        octokit.paginate(octokit.rest.pulls.listFiles, {
          ...repo,
          pull_number: number,
          per_page: 100,
        }),
      );
      return files.flatMap((file) =>
        file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
      );
    },
  };
}
