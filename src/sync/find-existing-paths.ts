import type { Plan } from "../checklist/types.js";
import type { GitHubPort } from "../github/github-api.js";

/**
 * Which of the paths a checklist mentions exist in the repository at a commit, so issue bodies
 * link only those (a link to `scripts/` or `requirements-gpu.txt` that is not there 404s on
 * GitHub; the rest is shown as code).
 *
 * Cost: one `GET git/trees/{sha}?recursive=1` per commit, and only when the plan has path
 * references. The answer for a commit never changes, so it is kept per repository and commit in
 * this process (a small LRU of the referenced paths only): a no-op sync of a commit Nova already
 * read costs no extra request. A tree GitHub truncates (over 100,000 entries) links only the
 * paths that its partial listing shows.
 */

/** Commits remembered; each entry holds only the paths asked about and those that exist. */
const CACHE_SIZE = 200;
/** A full commit sha: only such answers are cached. */
const COMMIT_SHA = /^[0-9a-f]{40}$/;
const cache = new Map<string, { asked: ReadonlySet<string>; existing: ReadonlySet<string> }>();

/** The path references of a plan as the repository names them: no `./`, no trailing `/`. */
export function listReferencedPaths(plan: Plan): string[] {
  const paths = new Set<string>();
  for (const task of plan.tasks) {
    for (const reference of task.references) {
      if (reference.kind !== "path") continue;
      const path = normalizeReferencePath(reference.text);
      if (path !== null) paths.add(path);
    }
  }
  return [...paths];
}

/** `./scripts/` → `scripts`; null for a path that cannot be in the repository (`/etc`, `..`). */
export function normalizeReferencePath(text: string): string | null {
  const path = text.replace(/^\.\//, "").replace(/\/+$/, "");
  if (path === "" || path.startsWith("/") || path.split("/").includes("..")) return null;
  return path;
}

/**
 * The subset of `paths` that exist at `sha` (a commit sha, or a branch name: then not cached;
 * files or directories). `repository` keys the cache
 * (e.g. the repository's web address).
 */
export async function findExistingPaths(
  port: Pick<GitHubPort, "listTreePaths">,
  repository: string,
  sha: string,
  paths: readonly string[],
): Promise<ReadonlySet<string>> {
  const key = `${repository}@${sha}`;
  // Only a commit's answer never changes: a branch name (the head, read lazily) is read each time.
  const cacheable = COMMIT_SHA.test(sha);
  const cached = cacheable ? cache.get(key) : undefined;
  if (cached && paths.every((path) => cached.asked.has(path))) {
    // Re-inserting keeps the Map in least-recently-used order.
    cache.delete(key);
    cache.set(key, cached);
    return cached.existing;
  }
  const tree = await port.listTreePaths(sha);
  const inTree = new Set(tree.paths);
  const existing = new Set(paths.filter((path) => inTree.has(path)));
  if (!cacheable) return existing;
  cache.set(key, { asked: new Set(paths), existing });
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return existing;
}

/** Forgets every answer (tests). */
export function clearExistingPathsCache(): void {
  cache.clear();
}
