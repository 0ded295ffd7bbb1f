import { toGitHubError } from "./github-error.js";

/**
 * A failure of a GitHub request that is worth trying again later (5xx, no answer, a rate
 * limit). Only errors that came from a request count: a plain exception is a bug, and
 * repeating it would only hide it.
 */
export function isTransientGitHubFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if (!("status" in error) && !(error instanceof Error && error.name === "GitHubError")) {
    return false;
  }
  return toGitHubError(error).transient;
}
