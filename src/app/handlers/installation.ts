import type { Context } from "probot";
import type { SyncService } from "../workers/sync-service.js";
import type { WebhookWorker } from "../workers/webhook-worker.js";

/**
 * A new installation, or repositories added to one: the first sync of each repository.
 * The payload names the repositories (full name only), so no listing is needed.
 */
export function handleInstallation(
  context: Context<"installation.created" | "installation_repositories.added">,
  sync: SyncService,
  worker: WebhookWorker,
): void {
  const payload = context.payload;
  const repositories =
    "repositories_added" in payload ? payload.repositories_added : (payload.repositories ?? []);
  for (const repository of repositories) {
    const [owner, repo] = repository.full_name.split("/");
    if (!owner || !repo) continue;
    worker.run({
      key: `install:${repository.full_name.toLowerCase()}`,
      name: `installation:${context.id}:${repository.full_name.toLowerCase()}`,
      // Not awaited: the sync runs in the repository's queue.
      work: () => {
        void sync.requestSync({
          octokit: context.octokit,
          repo: { owner, repo },
          reason: "install",
        });
      },
    });
  }
}
