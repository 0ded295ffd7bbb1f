/** One entry of a 422's `errors` array, as GitHub writes it. */
export interface GitHubErrorDetail {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

/**
 * An answer GitHub gives for a well-formed request it refuses (404, 409, 422, …). Handlers throw
 * it; the server turns it into `{ message, errors?, documentation_url, status }`. It is not a
 * violation: Nova must cope with these answers.
 */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: GitHubErrorDetail[],
  ) {
    super(message);
    this.name = "GitHubError";
  }

  /** The answer the server sends: this status with {@link toBody}. */
  toResponse(): { status: number; body: Record<string, unknown> } {
    return { status: this.status, body: this.toBody() };
  }

  /** The JSON body GitHub sends with this status. */
  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      documentation_url: "https://docs.github.com/rest",
      status: String(this.status),
    };
  }
}

/** 404 "Not Found", GitHub's answer for anything missing or not visible to the caller. */
export function notFound(message = "Not Found"): GitHubError {
  return new GitHubError(404, message);
}

/** 422 "Validation Failed" with one error detail. */
export function validationFailed(detail: GitHubErrorDetail): GitHubError {
  return new GitHubError(422, "Validation Failed", [detail]);
}
