import { describeFetchError } from "../describe-fetch-error.js";
import { RUNNER_VERSION } from "../runner-version.js";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry-policy.js";
import { SIGNATURE_HEADER, signReport } from "@nova/protocol";

/** The server's JSON answer: `{ status, error?, details?, commentUrl?, checkRunUrl? }`. */
export interface ServerAnswer {
  status?: string;
  error?: string;
  details?: unknown[];
  commentUrl?: string;
  checkRunUrl?: string;
}

export type UploadResult =
  | { kind: "delivered"; httpStatus: number; answer: ServerAnswer | null; attempts: number }
  | { kind: "rejected"; httpStatus: number; answer: ServerAnswer | null; attempts: number }
  | { kind: "deferred"; reason: string; attempts: number };

export interface UploadDeps {
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch: signature timestamps and `Retry-After` dates. */
  now: () => number;
  random?: () => number;
  policy?: RetryPolicy;
  /** Progress lines (retries), for stderr. */
  log?: (line: string) => void;
}

export interface UploadRequest {
  /** NOVA_URL, the app's base URL. */
  baseUrl: string;
  repository: string;
  key: string;
  id: string;
  /** The exact bytes to send; the same for every attempt, so the same id never has two bodies. */
  body: string;
}

/**
 * POSTs a report to `{NOVA_URL}/nova/v1/reports` as docs/runner-protocol.md states. Each attempt
 * is signed afresh (the server accepts ±300 s); the body never changes. Network errors, 409, 429
 * and 5xx are retried with backoff (honouring `Retry-After`); when the attempts run out the
 * result is `deferred` and the caller keeps the report in the spool. Other statuses are final.
 */
export async function uploadReport(
  request: UploadRequest,
  deps: UploadDeps,
): Promise<UploadResult> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const url = `${request.baseUrl.replace(/\/+$/, "")}/nova/v1/reports`;
  for (let attempt = 1; ; attempt += 1) {
    let retryAfterMs: number | null = null;
    let lastReason: string;
    try {
      const response = await deps.fetch(url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": `nova-runner/${RUNNER_VERSION}`,
          "X-Nova-Repository": request.repository,
          "Idempotency-Key": request.id,
          [SIGNATURE_HEADER]: signReport(request.key, request.body, Math.floor(deps.now() / 1000)),
        },
        body: request.body,
      });
      const answer = await readAnswer(response);
      if (response.status >= 200 && response.status < 300)
        return { kind: "delivered", httpStatus: response.status, answer, attempts: attempt };
      if (!isRetryableStatus(response.status))
        return { kind: "rejected", httpStatus: response.status, answer, attempts: attempt };
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), deps.now());
      lastReason = `HTTP ${response.status}${answer?.error ? `: ${answer.error}` : ""}`;
    } catch (error) {
      lastReason = describeFetchError(error);
    }
    const delay = nextDelay({ attempt, retryAfterMs, policy, random: deps.random ?? Math.random });
    if (delay === null) return { kind: "deferred", reason: lastReason, attempts: attempt };
    deps.log?.(`upload ${request.id}: ${lastReason}; retrying in ${Math.round(delay / 1000)} s`);
    await deps.sleep(delay);
  }
}

async function readAnswer(response: Response): Promise<ServerAnswer | null> {
  try {
    const value: unknown = JSON.parse(await response.text());
    if (typeof value !== "object" || value === null) return null;
    return value;
  } catch {
    return null;
  }
}
