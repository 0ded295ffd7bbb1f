/**
 * Where runbook links in GPU reports point. The runbooks are Nova's (`docs/runbooks/` in Nova's
 * repository); a plan repository that receives reports does not have them, so linking the
 * reporting repository's `docs/runbooks/` would 404. The default is Nova's published
 * repository, the `repository` of package.json (a test keeps the two equal);
 * `NOVA_RUNBOOK_BASE_URL` points elsewhere (a fork, GitHub Enterprise, a pinned tag).
 */
export const DEFAULT_RUNBOOK_BASE_URL = "https://github.com/my-org/nova/blob/main/";

/** The base that runbook paths (`docs/runbooks/….md#…`) are appended to, ending in `/`. */
export function resolveRunbookBase(configured: string | null | undefined): string {
  const base = configured?.trim() || DEFAULT_RUNBOOK_BASE_URL;
  return base.replace(/\/*$/, "/");
}
