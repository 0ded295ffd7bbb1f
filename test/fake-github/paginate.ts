/** One page of a list, with the `Link` header GitHub would send for it. */
export interface Page<T> {
  items: T[];
  /** `undefined` when everything fits on one page (GitHub then sends no `Link`). */
  link: string | undefined;
}

/** GitHub's defaults: 30 per page, at most 100. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/**
 * Cuts one page out of `all` and builds the `Link` header (`first`, `prev`, `next`, `last`)
 * from the request URL with its `page` replaced, as GitHub does; Octokit's paginate follows
 * `rel="next"`. See https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
export function paginate<T>(
  all: readonly T[],
  requestUrl: URL,
  params: Record<string, unknown>,
): Page<T> {
  const perPage = Math.min(
    Math.max(toPositiveInteger(params.per_page) ?? DEFAULT_PER_PAGE, 1),
    MAX_PER_PAGE,
  );
  const page = toPositiveInteger(params.page) ?? 1;
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  if (lastPage === 1) return { items, link: undefined };

  const pageUrl = (n: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) {
    links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
  }
  if (page < lastPage) {
    links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  }
  if (page > 1) {
    links.push(`<${pageUrl(1)}>; rel="first"`);
  }
  return { items, link: links.length > 0 ? links.join(", ") : undefined };
}

function toPositiveInteger(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
