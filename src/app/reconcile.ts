import type { Probot } from "probot";
import { DEFAULT_CONFIG } from "../config/schema.js";
import type { SyncService } from "./sync-service.js";

export interface ReconcileOptions {
  app: Probot;
  sync: SyncService;
  now?: () => number;
}

/**
 * The safety net: GitHub does not redeliver a failed webhook, so every installed repository is
 * synced again once its `sync.reconcile` interval (default 6 h) has passed since its last sync.
 * `reconcileOnce` checks all installations; `startReconcile` calls it every 15 minutes.
 */
export async function reconcileOnce(options: ReconcileOptions): Promise<number> {
  const { app, sync } = options;
  const now = (options.now ?? Date.now)();
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
    per_page: 100,
  });
  let queued = 0;
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate(
      octokit.rest.apps.listReposAccessibleToInstallation,
      { per_page: 100 },
    );
    for (const repository of repositories) {
      const known = sync.knownRepository(repository.full_name);
      const interval = known ? known.reconcileMs : DEFAULT_CONFIG.sync.reconcile;
      if (interval === null || (known && now - known.lastSync < interval)) continue;
      queued++;
      void sync.requestSync({
        octokit,
        repo: { owner: repository.owner.login, repo: repository.name },
        reason: "reconcile",
        repository: { defaultBranch: repository.default_branch, htmlUrl: repository.html_url },
      });
    }
  }
  return queued;
}

/** Runs `reconcileOnce` every `tickMs` (default 15 minutes); returns a stop function. */
export function startReconcile(options: ReconcileOptions & { tickMs?: number }): () => void {
  const tick = () =>
    reconcileOnce(options).catch((error: unknown) =>
      options.app.log.warn({ err: error }, "reconcile failed"),
    );
  const timer = setInterval(() => void tick(), options.tickMs ?? 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
