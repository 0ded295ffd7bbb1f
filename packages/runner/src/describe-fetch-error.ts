/**
 * fetch hides the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`: name it. Duck-typed
 * rather than `instanceof Error`, because fetch's errors may come from another realm (jest's VM
 * modules) where that check is false.
 */
export function describeFetchError(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const cause = error.cause;
  if (isErrorLike(cause)) return `${error.message}: ${cause.code ?? cause.message}`;
  return error.message;
}

/** A TimeoutError from `AbortSignal.timeout`. */
export function isTimeoutError(error: unknown): boolean {
  return isErrorLike(error) && error.name === "TimeoutError";
}

interface ErrorLike {
  name: string;
  message: string;
  code?: string;
  cause?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === "object" && value !== null && typeof (value as ErrorLike).message === "string"
  );
}
