import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";

/** GitHub never sends more than 25 MB in one delivery; Nova takes at most 25 MiB. */
export const WEBHOOK_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/** Why a delivery was refused before any handler saw it. */
export type WebhookRefusal =
  "too-large" | "no-signature" | "bad-signature" | "bad-json" | "aborted";

export interface WebhookGuardOptions {
  limitBytes?: number;
  /** Receives one line per refused delivery: event, delivery id, reason; never body or signature. */
  log: { warn: (data: object, message: string) => void };
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
      const result = await readBounded(request, limit);
      if ("refused" in result)
        return refuse(result.refused === "too-large" ? 413 : 400, result.refused);
      const read = result.body;
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
  "no-signature": "Required headers missing: x-hub-signature-256",
  "bad-signature": "signature does not match event payload and secret",
  "bad-json": "Invalid JSON",
  aborted: "the request ended before its body",
};

/**
 * The body as text, or why not: `too-large` as soon as the declared length or the bytes
 * received pass `limit` (what arrived is dropped and the rest is never buffered).
 */
type ReadResult = { body: string } | { refused: "too-large" | "aborted" };

function readBounded(request: IncomingMessage, limit: number): Promise<ReadResult> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(request);
    return Promise.resolve({ refused: "too-large" });
  }
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: ReadResult) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onFailure);
      request.off("aborted", onFailure);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks = [];
        discardRest(request);
        finish({ refused: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks, size).toString("utf8") });
    const onFailure = () => finish({ refused: "aborted" });
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onFailure);
    request.on("aborted", onFailure);
  });
}

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
