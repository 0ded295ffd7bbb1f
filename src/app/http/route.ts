import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions } from "probot";

/** A Probot 14 route handler: answers and returns true, or returns false to pass the request on. */
export type RouteHandler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];

/**
 * A read-only route at exactly `path` (the query is ignored): GET and HEAD reach `answer`, any
 * other method is answered 405. Other paths pass on to the next handler.
 */
export function getRoute(
  path: string,
  answer: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): RouteHandler {
  return async (req, res) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== path) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("method not allowed\n");
      return true;
    }
    await answer(req, res);
    return true;
  };
}

/** Sends a small, uncacheable body; HEAD gets the headers only. */
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  res.writeHead(status, {
    "content-type": contentType,
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
