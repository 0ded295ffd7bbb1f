import type { Logger } from "../../logger.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { readBoundedBody } from "./read-bounded-body.js";

/** GitHub never sends more than 25 MB in one delivery; Nova takes at most 25 MiB. */
export const WEBHOOK_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/** Why a delivery was refused before any handler saw it. */
export type WebhookRefusal =
  "too-large" | "timeout" | "no-signature" | "bad-signature" | "bad-json" | "aborted";

/** A delivery's body must arrive within this (GitHub sends it at once; a trickle is not GitHub). */
const BODY_TIMEOUT_MS = 30_000;

export interface WebhookGuardOptions {
  limitBytes?: number;
  /** How long a body may take to arrive (default 30 s). */
  bodyTimeoutMs?: number;
  /** Receives one line per refused delivery: event, delivery id, reason; never body or signature. */
  log: Pick<Logger, "warn">;
  /** Told when a delivery starts arriving; the returned function when it has been answered. */
  onDelivery?: () => () => void;
}

type NodeMiddleware = (
  request: IncomingMessage & { body?: unknown },
  response: ServerResponse,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- @octokit/webhooks' type
  next?: Function,
) => Promise<boolean>;

/**
 * Puts a bounded, verifying reader in front of Probot's webhook route.
 *
 * `@octokit/webhooks` reads the whole body into memory before it checks the signature, and on a
 * mismatch its error (and Probot's error handler) log the payload and the presented signature:
 * anyone on the internet could make Nova buffer and log gigabytes. Probot's `Server.start()`
 * asks the app's Probot instance for its middleware (`getNodeMiddleware`) after the app is
 * loaded, for `npm start` (Probot's `run()`) and the tests' server alike, so the app wraps that
 * method: the wrapper counts the body's bytes as they stream in (a `Content-Length` over the
 * limit is refused before reading anything), answers 413 past the limit, 400 for a wrong
 * signature or a body that is not JSON, each with one log line, and only then hands the body,
 * already read, to Probot's middleware (which takes `request.body` as the payload).
 */
export function guardWebhookBodies(app: Probot, options: WebhookGuardOptions): void {
  const limit = options.limitBytes ?? WEBHOOK_BODY_LIMIT_BYTES;
  const original = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (middlewareOptions = {}) => {
    const inner = (await original(middlewareOptions)) as NodeMiddleware;
    const path = normalizePath(middlewareOptions.path ?? app.webhookPath);
    const guarded: NodeMiddleware = async (request, response, next) => {
      if (request.method !== "POST" || pathOf(request.url) !== path) {
        return inner(request, response, next);
      }
      const answered = options.onDelivery?.();
      if (answered) response.once("close", answered);
      const refuse = (status: number, reason: WebhookRefusal): boolean => {
        options.log.warn(
          {
            event: headerText(request, "x-github-event"),
            delivery: headerText(request, "x-github-delivery"),
            reason,
          },
          "webhook refused",
        );
        if (!response.headersSent && !response.destroyed) {
          const body = JSON.stringify({ error: REFUSAL_MESSAGES[reason] });
          response.writeHead(status, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          });
          response.end(body);
        }
        return true;
      };
      const result = await readBoundedBody(
        request,
        limit,
        options.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
      );
      if (result.kind === "too-large") {
        discardRest(request);
        return refuse(413, "too-large");
      }
      if (result.kind === "timeout") {
        discardRest(request);
        return refuse(408, "timeout");
      }
      if (result.kind === "aborted") return refuse(400, "aborted");
      const read = result.body.toString("utf8");
      const signature = request.headers["x-hub-signature-256"];
      if (typeof signature !== "string" || signature === "") return refuse(400, "no-signature");
      const valid = await app.webhooks.verify(read, signature).catch(() => false);
      if (!valid) return refuse(400, "bad-signature");
      try {
        JSON.parse(read);
      } catch {
        return refuse(400, "bad-json");
      }
      // Other missing headers and a wrong content type: Probot's middleware answers those.
      request.body = read;
      return inner(request, response, next);
    };
    return guarded;
  };
}

const REFUSAL_MESSAGES: Record<WebhookRefusal, string> = {
  "too-large": "Payload Too Large: a webhook delivery has at most 25 MiB",
  timeout: "the body did not arrive within 30 s",
  "no-signature": "Required headers missing: x-hub-signature-256",
  "bad-signature": "signature does not match event payload and secret",
  "bad-json": "Invalid JSON",
  aborted: "the request ended before its body",
};

/**
 * Lets the rest of a refused body flow past without keeping it, so the sender can read its 413
 * (closing at once would make it fail writing instead); a sender that keeps going after 5 s
 * holds a socket, not memory, and is cut off.
 */
function discardRest(request: IncomingMessage): void {
  request.on("error", () => undefined);
  request.resume();
  const cutOff = setTimeout(() => request.socket.destroy(), 5_000);
  cutOff.unref();
  request.once("end", () => clearTimeout(cutOff));
}

/** A header as short, single-line text for the log (attacker-controlled: bounded). */
function headerText(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
}

function pathOf(url: string | undefined): string | null {
  try {
    return normalizePath(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return null;
  }
}

function normalizePath(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}
