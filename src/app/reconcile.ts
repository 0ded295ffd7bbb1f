import { DEFAULT_CONFIG } from "../config/schema.js";
import { sleepInBackground } from "../time/sleep.js";
import type { AppIdentity } from "./app-identity.js";
import { createLocalOnceClaims, type OnceClaims } from "./replicas/once-claims.js";
import type { SyncService } from "./workers/sync-service.js";

export interface ReconcileOptions {
  /** Where the app is installed. */
  identity: Pick<AppIdentity, "listInstalledRepositories">;
  sync: Pick<SyncService, "knownRepository" | "requestSync">;
  log: { info: (message: string) => void; warn: (data: object, message?: string) => void };
  now?: () => number;
  /**
   * Queue the syncs over this long instead of all at once (the start-up pass: hundreds of
   * repositories syncing together would meet GitHub's secondary limits). At most one second
   * between two repositories, so a small installation is done at once.
   */
  spreadOverMs?: number;
  /** Waits between repositories when spreading; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The safety net: GitHub does not redeliver a failed webhook, so every installed repository is
 * synced again once its `sync.reconcile` interval (default 6 h) has passed since its last sync.
 * `reconcileOnce` checks all installations; `startReconcile` calls it every 15 minutes.
 */
export async function reconcileOnce(options: ReconcileOptions): Promise<number> {
  const { sync } = options;
  const now = (options.now ?? Date.now)();
  const due: Array<() => void> = [];
  for (const { octokit, repository } of await options.identity.listInstalledRepositories()) {
    const known = sync.knownRepository(repository.fullName);
    const interval = known ? known.reconcileMs : DEFAULT_CONFIG.sync.reconcile;
    if (interval === null || (known && now - known.lastSync < interval)) continue;
    due.push(() => {
      void sync.requestSync({
        octokit,
        repo: { owner: repository.owner, repo: repository.name },
        reason: "reconcile",
        repository: { defaultBranch: repository.defaultBranch, htmlUrl: repository.htmlUrl },
      });
    });
  }
  const gap =
    options.spreadOverMs && due.length > 1
      ? Math.min(MAX_SPREAD_GAP_MS, Math.floor(options.spreadOverMs / due.length))
      : 0;
  const sleep = options.sleep ?? sleepInBackground;
  for (const [index, queue] of due.entries()) {
    if (index > 0 && gap > 0) await sleep(gap);
    queue();
  }
  return due.length;
}

const MAX_SPREAD_GAP_MS = 1_000;

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

/** Within this long after one replica's start-up pass, another replica's start skips its own. */
const STARTUP_CLAIM_MS = 60_000;
/** The start-up pass queues its repositories over this long (at most 1 s apart). */
const STARTUP_SPREAD_MS = 45_000;

/**
 * The start-up pass: after a crash or a deploy, every repository of every installation is
 * synced again (whatever a killed process was doing is redone: the sync only writes what is
 * still missing), spread over `spreadOverMs`, so nothing waits for the first 15-minute pass.
 * With several replicas (Redis) the first to start within a minute does it for all; resolves
 * to the syncs queued, or null when another replica has the pass.
 */
export async function reconcileAtStartup(
  options: ReconcileTickOptions & { spreadOverMs?: number },
): Promise<number | null> {
  const once = options.once ?? createLocalOnceClaims();
  if (!(await once.claim("reconcile:startup", STARTUP_CLAIM_MS))) return null;
  options.log.info("start-up reconcile: syncing every installed repository");
  return reconcileOnce({ ...options, spreadOverMs: options.spreadOverMs ?? STARTUP_SPREAD_MS });
}

/**
 * Runs the start-up pass (`startupDelayMs` after start, default 2 s) and then `reconcileTick`
 * every `tickMs` (default 15 minutes); returns a stop function.
 */
export function startReconcile(
  options: ReconcileTickOptions & { startupDelayMs?: number },
): () => void {
  const warn = (error: unknown) => options.log.warn({ err: error }, "reconcile failed");
  const tick = () => reconcileTick(options).catch(warn);
  const startup = setTimeout(
    () => void reconcileAtStartup(options).catch(warn),
    options.startupDelayMs ?? 2_000,
  );
  startup.unref();
  const timer = setInterval(() => void tick(), options.tickMs ?? RECONCILE_TICK_MS);
  timer.unref();
  return () => {
    clearTimeout(startup);
    clearInterval(timer);
  };
}
