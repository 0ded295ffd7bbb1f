import type { Context } from "probot";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import { CONFIG_PATH } from "../../config/config-path.js";
import { createOctokitPort } from "../../github/octokit-port.js";

/** The most commits GitHub lists in a push payload; a longer push is compared instead. */
const PAYLOAD_COMMIT_LIMIT = 20;

/**
 * A push to the default branch that touches the checklist or `.github/nova.yml` queues a sync.
 * Which files changed comes from the payload, so a push that touches neither costs zero API
 * calls; a forced push, or one whose payload lists no (or too many) commits, is compared, by
 * the worker after the webhook is answered (like the sync itself).
 */
export function handlePush(
  context: Context<"push">,
  sync: SyncService,
  worker: WebhookWorker,
): void {
  const { payload } = context;
  const repository = payload.repository;
  if (payload.deleted || payload.ref !== `refs/heads/${repository.default_branch}`) return;
  const owner = repository.owner?.login ?? repository.full_name.split("/")[0] ?? "";
  const repo = { owner, repo: repository.name };
  const checklist = sync.knownRepository(repository.full_name)?.checklist;
  const touches = (files: readonly string[]) =>
    files.some(
      (file) =>
        file === CONFIG_PATH ||
        file === (checklist ?? DEFAULT_CONFIG.checklist) ||
        // Before Nova has read a repository's config it cannot know a custom checklist path.
        (checklist === undefined && file.endsWith(".md")),
    );

  const listed =
    payload.commits.length > 0 && payload.commits.length < PAYLOAD_COMMIT_LIMIT && !payload.forced;
  const queueSync = () => {
    // Not awaited: the sync runs in the repository's queue.
    void sync.requestSync({
      octokit: context.octokit,
      repo,
      reason: "push",
      sha: payload.after,
      repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
      reportOnCommit: true,
    });
  };
  const skip = () =>
    context.log.debug({ ref: payload.ref }, "push does not touch the checklist or nova.yml");
  const key = `push:${repository.full_name.toLowerCase()}`;
  const name = `push:${context.id}`;
  if (listed || /^0+$/.test(payload.before)) {
    // The payload's files decide; a new default branch (`before` all zeros) is new throughout.
    const relevant =
      !listed ||
      touches(
        payload.commits.flatMap((commit) => [
          ...(commit.added ?? []),
          ...(commit.modified ?? []),
          ...(commit.removed ?? []),
        ]),
      );
    if (!relevant) return skip();
    worker.run({ key, name, work: queueSync });
    return;
  }
  worker.run({
    key,
    name,
    work: async () => {
      const port = createOctokitPort(context.octokit, repo, {
        sleep: () => Promise.resolve(),
        maxAttempts: 1,
      });
      if (touches(await port.listChangedFiles(payload.before, payload.after))) queueSync();
      else skip();
    },
  });
}
