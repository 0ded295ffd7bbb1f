/**
 * A webhook body that trickles in is refused once its time is up (408), in one log line,
 * whatever its size: GitHub sends a delivery at once, so a slow body is not GitHub.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { guardWebhookBodies } from "../../../src/app/http/webhook-body-guard.js";

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

it("refuses a body that does not arrive in time with 408 and one log line", async () => {
  const lines: object[] = [];
  let innerCalls = 0;
  // The parts of a Probot instance the guard uses.
  const app = {
    webhookPath: "/api/github/webhooks",
    webhooks: { verify: () => Promise.resolve(true) },
    getNodeMiddleware: () =>
      Promise.resolve(() => {
        innerCalls += 1;
        return Promise.resolve(true);
      }),
  } as unknown as Probot;
  guardWebhookBodies(app, {
    log: { warn: (data) => lines.push(data) },
    bodyTimeoutMs: 200,
  });
  const middleware = await app.getNodeMiddleware();
  server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const status = await new Promise<number>((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/github/webhooks",
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "push",
          "x-github-delivery": "slow-delivery",
          "x-hub-signature-256": "sha256=00",
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        outgoing.destroy();
      },
    );
    outgoing.on("error", () => undefined);
    outgoing.on("close", () => reject(new Error("closed without an answer")));
    // A byte now, the rest never.
    outgoing.write("{");
  });
  expect(status).toBe(408);
  expect(lines).toEqual([{ event: "push", delivery: "slow-delivery", reason: "timeout" }]);
  expect(innerCalls).toBe(0);
});
