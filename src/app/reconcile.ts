import type { Probot } from "probot";
import { DEFAULT_CONFIG } from "../config/schema.js";
import { createLocalOnceClaims, type OnceClaims } from "../ops/once-claims.js";
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

export interface ReconcileTickOptions extends ReconcileOptions {
  /** How often a pass runs (default 15 minutes). */
  tickMs?: number;
  /** Which replica runs a pass (Redis with `REDIS_URL`); this one, without. */
  once?: OnceClaims;
}

const RECONCILE_TICK_MS = 15 * 60_000;

/**
 * One tick of the periodic reconcile: with several replicas, the first to claim the tick's
 * window does the pass (listing every installation's repositories is the same work for all);
 * the others skip it. Resolves to the syncs queued, or null when another replica has the pass.
 */
export async function reconcileTick(options: ReconcileTickOptions): Promise<number | null> {
  const tickMs = options.tickMs ?? RECONCILE_TICK_MS;
  const window = Math.floor((options.now ?? Date.now)() / tickMs);
  const once = options.once ?? createLocalOnceClaims();
  if (!(await once.claim(`reconcile:${window}`, tickMs))) return null;
  return reconcileOnce(options);
}

/** Runs `reconcileTick` every `tickMs` (default 15 minutes); returns a stop function. */
export function startReconcile(options: ReconcileTickOptions): () => void {
  const tick = () =>
    reconcileTick(options).catch((error: unknown) =>
      options.app.log.warn({ err: error }, "reconcile failed"),
    );
  const timer = setInterval(() => void tick(), options.tickMs ?? RECONCILE_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
