/**
 * `POST /nova/v1/reports`: the runner upload endpoint (docs/runner-protocol.md, docs/ingest.md),
 * a Probot 14 route on the app's own server. This layer does the HTTP part in the protocol's
 * order (method and path → content type → size, reading at most 1 MiB + 1 byte before a
 * deadline) and hands the raw bytes to the ingest service, which verifies the signature before
 * anything parses them. No request can make it throw or answer 500 for a client's mistake.
 */
import type { Logger } from "../../logger.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IngestService } from "../workers/ingest-service.js";
import { errorAnswer, type UploadAnswer } from "../../ingest/upload-answer.js";
import { readBoundedBody } from "./read-bounded-body.js";

export const REPORTS_PATH = "/nova/v1/reports";
/** The largest body accepted: 1 MiB. */
export const MAX_REPORT_BYTES = 1024 * 1024;
/** A body that has not arrived completely by then is cut off (a trickle holds a connection). */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

/** What a Probot 14 route handler is: true when it answered the request. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface ReportsRouteOptions {
  log: Logger;
  bodyTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Hears every answer's HTTP status (the `/metrics` counter). */
  onAnswer?: ((httpStatus: number) => void) | undefined;
}

/** How an answer counts on `/metrics` (`nova_runner_reports_total{outcome}`). */
export function reportOutcomeOf(
  httpStatus: number,
): "created" | "replayed" | "rejected" | "limited" | "failed" {
  if (httpStatus === 201) return "created";
  if (httpStatus === 200) return "replayed";
  if (httpStatus === 429) return "limited";
  return httpStatus >= 500 ? "failed" : "rejected";
}

/** `application/json`, optionally with `charset=utf-8`; parameters are compared without case. */
const JSON_CONTENT_TYPE = /^\s*application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The route: answers `POST /nova/v1/reports` (405 for other methods) and leaves other paths alone. */
export function createReportsRoute(
  ingest: Pick<IngestService, "receive">,
  options: ReportsRouteOptions,
): RouteHandler {
  const maxBytes = options.maxBodyBytes ?? MAX_REPORT_BYTES;
  const timeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const { log } = options;

  return async (request, response) => {
    if (pathOf(request.url) !== REPORTS_PATH) return false;
    let answer: UploadAnswer;
    let readAll = false;
    try {
      const early = checkRequest(request, maxBytes);
      if (early) {
        answer = early;
      } else {
        const body = await readBoundedBody(request, maxBytes, timeoutMs);
        if (body.kind === "aborted") {
          response.destroy();
          return true;
        }
        if (body.kind === "too-large") {
          answer = errorAnswer(413, `the body is larger than ${maxBytes} bytes`);
        } else if (body.kind === "timeout") {
          answer = errorAnswer(
            408,
            `the body did not arrive within ${Math.round(timeoutMs / 1000)} s`,
          );
        } else {
          readAll = true;
          answer = await ingest.receive({
            repository: header(request, "x-nova-repository"),
            signature: header(request, "x-nova-signature"),
            idempotencyKey: header(request, "idempotency-key"),
            body: body.body,
          });
        }
      }
    } catch (error) {
      log.error({ err: error }, "runner upload: internal error");
      answer = errorAnswer(500, "internal error");
    }
    send(request, response, answer, readAll);
    options.onAnswer?.(answer.httpStatus);
    const entry = {
      status: answer.httpStatus,
      repository: header(request, "x-nova-repository")?.slice(0, 140),
      ...(answer.body.error ? { error: answer.body.error } : {}),
    };
    if (answer.httpStatus >= 500) log.warn(entry, "runner upload");
    else log.info(entry, "runner upload");
    return true;
  };
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Method, content type and a declared size, before a byte of the body is read. */
function checkRequest(request: IncomingMessage, maxBytes: number): UploadAnswer | null {
  if (request.method !== "POST") {
    return errorAnswer(405, "only POST is allowed here", { headers: { Allow: "POST" } });
  }
  const type = header(request, "content-type");
  if (type === undefined || !JSON_CONTENT_TYPE.test(type)) {
    return errorAnswer(415, "Content-Type must be application/json", {
      headers: { Accept: "application/json" },
    });
  }
  const length = header(request, "content-length");
  if (length !== undefined && Number(length) > maxBytes) {
    return errorAnswer(413, `the body is larger than ${maxBytes} bytes`);
  }
  return null;
}

/**
 * Writes the JSON answer. When the body was not read to its end, the connection is closed after
 * the answer (so the rest is never read) and whatever still arrives is discarded briefly, so the
 * client gets to read the answer before the socket goes away.
 */
function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: UploadAnswer,
  readAll: boolean,
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(answer.httpStatus, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    ...(readAll ? {} : { Connection: "close" }),
    ...answer.headers,
  });
  response.end(JSON.stringify(answer.body));
  if (!readAll && !request.complete) {
    request.resume();
    setTimeout(() => request.destroy(), 1000).unref();
  }
}
