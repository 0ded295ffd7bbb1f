import { readConfigFiles } from "./read-config-files.js";
import { isAlreadyExists, toGitHubError } from "./github-error.js";
import { listIssueComments, postIssueComment, toCommentView } from "./rest-comments.js";
import { listLabeledIssues, parseLabelNames, type RestIssue } from "./rest-issues.js";
import type { RepoRef } from "./github-port.js";
import type { IngestCheckRun, IngestIssue, IngestPort, InstallationLookup } from "./ingest-port.js";
import type { Octokit } from "./octokit-client.js";
import { CONFIG_PATH } from "./octokit-port.js";
import {
  NO_BLIND_RETRY,
  retrySecondaryLimit,
  type SecondaryRetryOptions,
} from "./retry-secondary-limit.js";

interface RestCheckRun {
  id: number;
  external_id: string | null;
  html_url: string | null;
}

/**
 * The installation lookup over the app's own client (`app.auth()`, authenticated with the app's
 * JWT). `GET /repos/{owner}/{repo}/installation` answers 404 when the app is not installed on the
 * repository, or the repository does not exist; both are "not installed" here.
 * https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app
 */
export function createOctokitInstallationLookup(
  appOctokit: Octokit,
  retry: SecondaryRetryOptions,
): InstallationLookup {
  return {
    async findRepoInstallation(repo) {
      try {
        const { data } = await retrySecondaryLimit(
          () => appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo }),
          retry,
        );
        return data.id;
      } catch (error) {
        if (toGitHubError(error).kind === "not-found") return null;
        throw toGitHubError(error);
      }
    },
  };
}

/**
 * The ingestion's port over an installation's Octokit client (`app.auth(installationId)`), so
 * Probot's throttling and retry apply; secondary rate limits are waited out, creates are not
 * retried blindly, and every failure becomes a `GitHubError`.
 */
export function createOctokitIngestPort(
  octokit: Octokit,
  repo: RepoRef,
  retry: SecondaryRetryOptions,
): IngestPort {
  const call = <T>(request: () => Promise<T>): Promise<T> => retrySecondaryLimit(request, retry);
  const orNull = async <T>(request: () => Promise<T>): Promise<T | null> => {
    try {
      return await call(request);
    } catch (error) {
      const failure = toGitHubError(error);
      if (failure.kind === "not-found") return null;
      throw failure;
    }
  };

  return {
    async getIssue(number) {
      const response = await orNull(() =>
        octokit.rest.issues.get({ ...repo, issue_number: number }),
      );
      return response === null ? null : toIssue(response.data);
    },

    async getPullRequest(number) {
      const response = await orNull(() => octokit.rest.pulls.get({ ...repo, pull_number: number }));
      if (response === null) return null;
      const { data } = response;
      return {
        ...toIssue({ ...data, pull_request: {} }),
        headSha: data.head.sha,
      };
    },

    async listIssuesWithLabel(label) {
      return (await listLabeledIssues(octokit, repo, call, label)).map(toIssue);
    },

    listComments: (issueNumber) => listIssueComments(octokit, repo, call, issueNumber),

    createComment: (issueNumber, body) => postIssueComment(octokit, repo, call, issueNumber, body),

    async updateComment(commentId, body) {
      const { data } = await call(() =>
        octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body }),
      );
      return toCommentView(data);
    },

    async listCheckRuns(sha, name) {
      try {
        const runs = await call(() =>
          octokit.paginate(octokit.rest.checks.listForRef, {
            ...repo,
            ref: sha,
            check_name: name,
            filter: "all",
            per_page: 100,
          }),
        );
        return (runs as RestCheckRun[]).map(toCheckRun);
      } catch (error) {
        const failure = toGitHubError(error);
        // GitHub answers 422 "No commit found for SHA" (or 404) for a commit it does not know.
        if (failure.kind === "not-found" || failure.status === 422) return null;
        throw failure;
      }
    },

    async createCheckRun(run) {
      const { data } = await call(() =>
        octokit.rest.checks.create({
          ...repo,
          name: run.name,
          head_sha: run.headSha,
          status: "completed",
          conclusion: run.conclusion,
          external_id: run.externalId,
          ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
          output: {
            title: run.title,
            summary: run.summary,
            ...(run.text ? { text: run.text } : {}),
          },
          ...NO_BLIND_RETRY,
        }),
      );
      return toCheckRun(data);
    },

    async createLabel(label) {
      try {
        await call(() => octokit.rest.issues.createLabel({ ...repo, ...label }));
        return true;
      } catch (error) {
        if (isAlreadyExists(error)) return false;
        throw toGitHubError(error);
      }
    },

    async addLabel(issueNumber, name) {
      await call(() =>
        octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [name] }),
      );
    },

    async removeLabel(issueNumber, name) {
      // 404 "Label does not exist": someone removed it first, which is all we wanted.
      await orNull(() =>
        octokit.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name }),
      );
    },

    // Probot's loader semantics, with bounds before parsing (src/github/read-config-files.ts).
    readConfig: () => readConfigFiles(octokit, repo, CONFIG_PATH, call),
  };
}

function toIssue(issue: Omit<RestIssue, "title" | "state" | "closed_at">): IngestIssue {
  return {
    number: issue.number,
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    labels: parseLabelNames(issue.labels),
    author: issue.user?.login ?? "",
    body: issue.body ?? "",
    htmlUrl: issue.html_url,
  };
}

function toCheckRun(run: RestCheckRun): IngestCheckRun {
  return { id: run.id, externalId: run.external_id ?? null, htmlUrl: run.html_url ?? "" };
}
