import type { Context } from "probot";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import { CONFIG_PATH } from "../../config/config-path.js";
import { createOctokitPort } from "../../github/octokit-port.js";

/**
 * A pull request into the default branch that changes the checklist gets a check run
 * "Nova: Sync-Vorschau" on its head commit: what merging would do (a dry run of the real sync),
 * with lint problems as annotations; lint errors fail it. Which files it changes is read by the
 * worker, after the webhook is answered.
 */
export function handlePullRequestPreview(
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  sync: SyncService,
  worker: WebhookWorker,
): void {
  const { pull_request: pull, repository } = context.payload;
  if (pull.base.ref !== repository.default_branch) return;
  const repo = { owner: repository.owner.login, repo: repository.name };
  const checklist =
    sync.knownRepository(repository.full_name)?.checklist ?? DEFAULT_CONFIG.checklist;
  worker.run({
    key: `preview:${repository.full_name.toLowerCase()}`,
    name: `pull_request:preview:${context.id}`,
    work: async () => {
      const port = createOctokitPort(context.octokit, repo, {
        sleep: () => Promise.resolve(),
        maxAttempts: 1,
      });
      const files = await port.listPullRequestFiles(pull.number);
      if (!files.some((file) => file === checklist || file === CONFIG_PATH)) return;
      void sync.requestSync({
        octokit: context.octokit,
        repo,
        reason: "preview",
        sha: pull.head.sha,
        repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
        reportOnCommit: true,
        dryRun: true,
      });
    },
  });
}
