import type { CheckRunApi } from "./github-api.js";
import { toGitHubError } from "./github-error.js";
import { orNotFound, type RestContext } from "./rest-context.js";
import { NO_BLIND_RETRY } from "./retry-secondary-limit.js";
import type { CheckAnnotation, CheckRunWrite, ObservedCheckRun } from "./vocabulary.js";

/** The REST check-run fields Nova reads. */
interface RestCheckRun {
  id: number;
  external_id: string | null;
  html_url: string | null;
}

/** GitHub takes at most 50 annotations per request. */
const MAX_ANNOTATIONS = 50;

/** Check runs over Octokit's REST checks API. */
export function createCheckMethods({ octokit, repo, call }: RestContext): CheckRunApi {
  return {
    async createCheckRun(run) {
      const { data } = await call(() =>
        octokit.rest.checks.create({
          ...repo,
          ...toCheckRunParams(run),
          // Its caller finds a run with an external id again (a 502 may hide a created one).
          ...(run.externalId ? NO_BLIND_RETRY : {}),
        }),
      );
      return toObservedCheckRun(data);
    },

    async findLatestCheckRun(ref, name) {
      const { data } = await call(() =>
        octokit.rest.checks.listForRef({ ...repo, ref, check_name: name, per_page: 1 }),
      );
      const latest = data.check_runs[0];
      return latest ? toObservedCheckRun(latest) : null;
    },

    async listCheckRuns(sha, name) {
      try {
        const runs = await orNotFound(call, () =>
          octokit.paginate(octokit.rest.checks.listForRef, {
            ...repo,
            ref: sha,
            check_name: name,
            filter: "all",
            per_page: 100,
          }),
        );
        return runs === null ? null : (runs as RestCheckRun[]).map(toObservedCheckRun);
      } catch (error) {
        // GitHub answers 422 "No commit found for SHA" (or 404) for a commit it does not know.
        if (toGitHubError(error).status === 422) return null;
        throw error;
      }
    },
  };
}

/** A check run as `POST /repos/{owner}/{repo}/check-runs` takes it. */
function toCheckRunParams(run: CheckRunWrite) {
  return {
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    ...(run.conclusion ? { conclusion: run.conclusion } : {}),
    ...(run.externalId ? { external_id: run.externalId } : {}),
    ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
    output: {
      title: run.title,
      summary: run.summary,
      ...(run.text ? { text: run.text } : {}),
      ...(run.annotations?.length
        ? { annotations: run.annotations.slice(0, MAX_ANNOTATIONS).map(toAnnotationParams) }
        : {}),
    },
  };
}

function toAnnotationParams(annotation: CheckAnnotation) {
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    annotation_level: annotation.level,
    message: annotation.message,
    ...(annotation.title ? { title: annotation.title } : {}),
  };
}

function toObservedCheckRun(run: RestCheckRun): ObservedCheckRun {
  return { id: run.id, externalId: run.external_id ?? null, htmlUrl: run.html_url ?? "" };
}
