/**
 * The branch of the write-back pull request, where the boxes of closed task issues are ticked
 * (docs/bot-prs.md). It lives with the sync, which holds those proposals back while that pull
 * request is open and links it from its check run; the bot pull requests build on the sync.
 */
export const WRITE_BACK_BRANCH = "nova/checklist";

/** The open pull requests of the write-back branch: a link to the write-back PR without a read. */
export function linkWriteBackBranch(htmlUrl: string): { number: null; url: string } {
  const query = encodeURIComponent(`is:pr is:open head:${WRITE_BACK_BRANCH}`);
  return { number: null, url: `${htmlUrl}/pulls?q=${query}` };
}
