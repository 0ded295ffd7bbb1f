import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deriveRunnerKey, verifySignature } from "@nova/protocol";

export interface ReceivedUpload {
  headers: IncomingMessage["headers"];
  body: string;
  verified: boolean;
  answeredWith: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A stand-in for Nova's upload route, built on the protocol: it derives the key from the
 * repository header, verifies the signature on the raw body, and answers with the scripted
 * statuses in turn (201 when the script is used up). It records every request.
 */
export async function startFakeNova(secret: string, clockSeconds: () => number) {
  const received: ReceivedUpload[] = [];
  const script: ScriptedAnswer[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const repository = String(request.headers["x-nova-repository"] ?? "");
      const header = request.headers["x-nova-signature"];
      const verified = verifySignature({
        header: typeof header === "string" ? header : undefined,
        body,
        keys: [deriveRunnerKey(secret, repository)],
        nowSeconds: clockSeconds(),
      }).ok;
      const answer: ScriptedAnswer = verified
        ? (script.shift() ?? {
            status: 201,
            body: {
              status: "created",
              commentUrl: "https://github.com/o/r/issues/1#issuecomment-1",
            },
          })
        : { status: 401, body: { status: "error", error: "bad signature" } };
      received.push({ headers: request.headers, body, verified, answeredWith: answer.status });
      response.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
      response.end(JSON.stringify(answer.body ?? { status: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
