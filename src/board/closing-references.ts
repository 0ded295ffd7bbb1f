/**
 * GitHub's closing keywords
 * (https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue#linking-a-pull-request-to-an-issue-using-a-keyword):
 * `close`, `closes`, `closed`, `fix`, `fixes`, `fixed`, `resolve`, `resolves`, `resolved`, an
 * optional colon, then `#12`, `owner/repo#12` or the issue's URL. Matching ignores case.
 */
const CLOSING_REFERENCE =
  /(?:^|[^\w/])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:#(\d+)|([\w.-]+)\/([\w.-]+)#(\d+)|https?:\/\/[^\s/]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+))(?![\w/])/gi;

/**
 * The numbers of the issues of `repository` (`owner/name`) that a pull request body closes with
 * a keyword, in order of appearance, without repeats. References to other repositories are
 * left out. Pure; only used to decide whether a pull request event concerns the board (the board
 * itself asks GitHub which pull requests close an issue).
 */
export function parseClosingReferences(
  body: string | null | undefined,
  repository: string,
): number[] {
  const numbers: number[] = [];
  const own = repository.toLowerCase();
  for (const match of (body ?? "").matchAll(CLOSING_REFERENCE)) {
    const [, local, owner, name, remote, urlOwner, urlName, urlNumber] = match;
    const target = local
      ? { repo: own, number: local }
      : remote
        ? { repo: `${owner}/${name}`.toLowerCase(), number: remote }
        : { repo: `${urlOwner}/${urlName}`.toLowerCase(), number: urlNumber ?? "" };
    const number = Number(target.number);
    if (target.repo !== own || !Number.isSafeInteger(number) || number < 1) continue;
    if (!numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}
