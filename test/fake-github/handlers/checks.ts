import { GitHubError, notFound } from "../github-error.js";
import { paginate } from "../paginate.js";
import type { CheckAnnotationRecord, CheckRunRecord } from "../records.js";
import { renderCheckRun } from "../render.js";
import type { Handler, HandlerContext } from "./handler-context.js";
import { bodyOf, intParam, reply, requireRepo, stringParam } from "./handler-context.js";

interface CheckRunInput {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: string;
  started_at?: string;
  conclusion?: string;
  completed_at?: string;
  output?: {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: CheckAnnotationRecord[];
  };
}

/**
 * Check runs. Only apps may write them (a user token gets 403, as on GitHub); a conclusion
 * completes the run; annotations are appended on update, as GitHub does.
 * See https://docs.github.com/en/rest/checks/runs
 */
export const checkHandlers: Record<string, Handler> = {
  "checks/create": (context) => {
    const repo = requireRepo(context);
    requireApp(context);
    const input = bodyOf<CheckRunInput>(context);
    const headSha = input.head_sha ?? "";
    if (repo.git.store.commit(headSha) === undefined) {
      throw new GitHubError(422, `No commit found for SHA: ${headSha}`);
    }
    const run: CheckRunRecord = {
      id: context.state.nextId("checkRun"),
      name: input.name ?? "",
      headSha,
      status: "queued",
      conclusion: null,
      startedAt: context.state.now(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      appId: context.state.app.id,
    };
    applyCheckRunInput(context, run, input);
    repo.checkRuns.push(run);
    return reply(201, renderCheckRun(context.state, repo, run));
  },

  "checks/update": (context) => {
    const repo = requireRepo(context);
    requireApp(context);
    const run = repo.checkRuns.find(
      (candidate) => candidate.id === intParam(context, "check_run_id"),
    );
    if (run === undefined) throw notFound();
    applyCheckRunInput(context, run, bodyOf<CheckRunInput>(context));
    return reply(200, renderCheckRun(context.state, repo, run));
  },

  "checks/list-for-ref": (context) => {
    const repo = requireRepo(context);
    const ref = stringParam(context, "ref") ?? "";
    const sha = repo.git.resolveCommit(ref);
    if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
    const name = stringParam(context, "check_name");
    const status = stringParam(context, "status");
    let runs = repo.checkRuns.filter(
      (run) =>
        run.headSha === sha &&
        (name === undefined || run.name === name) &&
        (status === undefined || run.status === status),
    );
    if ((stringParam(context, "filter") ?? "latest") === "latest") {
      // The most recent run per name (the highest id, as runs are numbered in creation order).
      const latest = new Map<string, CheckRunRecord>();
      for (const run of runs) latest.set(run.name, run);
      runs = [...latest.values()];
    }
    const all = runs
      .sort((a, b) => b.id - a.id)
      .map((run) => renderCheckRun(context.state, repo, run));
    const page = paginate(all, context.url, context.params);
    return reply(
      200,
      { total_count: all.length, check_runs: page.items },
      page.link === undefined ? undefined : { link: page.link },
    );
  },
};

function requireApp(context: HandlerContext): void {
  if (context.actor.kind !== "installation") {
    throw new GitHubError(403, "You must authenticate via a GitHub App.");
  }
}

function applyCheckRunInput(
  context: HandlerContext,
  run: CheckRunRecord,
  input: CheckRunInput,
): void {
  // Checked before anything changes, so a refused update leaves the run as it was.
  const conclusion = input.conclusion ?? run.conclusion;
  const status = input.conclusion !== undefined ? "completed" : (input.status ?? run.status);
  if (status === "completed" && conclusion === null) {
    throw new GitHubError(
      422,
      "Invalid request.\n\nconclusion is required when status is completed.",
    );
  }
  if (input.name !== undefined) run.name = input.name;
  if (input.details_url !== undefined) run.detailsUrl = input.details_url;
  if (input.external_id !== undefined) run.externalId = input.external_id;
  if (input.started_at !== undefined) run.startedAt = input.started_at;
  run.status = status;
  run.conclusion = conclusion;
  if (status === "completed") {
    run.completedAt = input.completed_at ?? run.completedAt ?? context.state.now();
  }
  if (input.output !== undefined) {
    const { title, summary, text, annotations = [] } = input.output;
    if (title !== undefined) run.output.title = title;
    if (summary !== undefined) run.output.summary = summary;
    if (text !== undefined) run.output.text = text;
    run.output.annotations.push(...annotations);
  }
}
