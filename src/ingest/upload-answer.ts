/**
 * The answers of the upload endpoint (docs/runner-protocol.md): JSON
 * `{ status, error?, details?, commentUrl?, checkRunUrl? }` with an HTTP status and, for 429 and
 * 503, `Retry-After`. Everything that can go wrong with a request is one of these; the route
 * never lets an exception become a 500 for a client's mistake.
 */

/** One problem of an invalid body, named by its JSON path (`$.checks[3].status`). */
export interface UploadProblem {
  path: string;
  message: string;
}

export interface UploadAnswerBody {
  status: "created" | "duplicate" | "error";
  error?: string;
  details?: UploadProblem[];
  commentUrl?: string;
  checkRunUrl?: string;
}

export interface UploadAnswer {
  httpStatus: number;
  body: UploadAnswerBody;
  headers?: Record<string, string>;
}

/** An error answer; `retryAfterSeconds` adds `Retry-After`. */
export function errorAnswer(
  httpStatus: number,
  error: string,
  extra: {
    details?: UploadProblem[];
    retryAfterSeconds?: number;
    headers?: Record<string, string>;
  } = {},
): UploadAnswer {
  const headers: Record<string, string> = { ...extra.headers };
  if (extra.retryAfterSeconds !== undefined)
    headers["Retry-After"] = String(Math.max(1, Math.ceil(extra.retryAfterSeconds)));
  return {
    httpStatus,
    body: { status: "error", error, ...(extra.details ? { details: extra.details } : {}) },
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

/** Where a published report is. */
export interface PublishedUrls {
  commentUrl: string | null;
  checkRunUrl: string | null;
}

/** 201 for a report published now, 200 for one that was published before (the same result). */
export function publishedAnswer(urls: PublishedUrls, duplicate: boolean): UploadAnswer {
  return {
    httpStatus: duplicate ? 200 : 201,
    body: {
      status: duplicate ? "duplicate" : "created",
      ...(urls.commentUrl ? { commentUrl: urls.commentUrl } : {}),
      ...(urls.checkRunUrl ? { checkRunUrl: urls.checkRunUrl } : {}),
    },
  };
}
