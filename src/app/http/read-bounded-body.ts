import type { IncomingMessage } from "node:http";

/** A request body as read, or why it was not: over the limit, too slow, or cut off. */
export type BoundedBody =
  { kind: "ok"; body: Buffer } | { kind: "too-large" } | { kind: "timeout" } | { kind: "aborted" };

/**
 * Reads a request body that comes from anyone on the internet (webhook deliveries, runner
 * uploads): `too-large` at once when the declared `Content-Length` is over `maxBytes`, or as soon
 * as the bytes received pass it (what arrived is dropped, the rest never buffered); `timeout`
 * when the body is not complete after `timeoutMs`, however slowly it trickles. The caller decides
 * what happens to the rest of a refused body (discard it, or close the connection).
 */
export function readBoundedBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<BoundedBody> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.resolve({ kind: "too-large" });
  }
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BoundedBody) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onAbort);
      request.off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks = [];
        finish({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: "ok", body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ kind: "aborted" });
    const onClose = () => {
      if (!request.complete) finish({ kind: "aborted" });
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    timer.unref();
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onAbort);
    request.on("close", onClose);
  });
}
