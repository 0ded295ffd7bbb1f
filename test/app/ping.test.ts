import { findFreePort } from "../fake-github/find-free-port.js";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot, Server } from "probot";
import nova from "../../src/index.js";

const SECRET = "test-webhook-secret";
const WEBHOOK_PATH = "/api/github/webhooks";

/** GitHub's `X-Hub-Signature-256` for a payload, as documented for webhook validation. */
function sign(payload: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`;
}

describe("the Probot app served by Probot's own server", () => {
  const logLines: string[] = [];
  const received: string[] = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    // Logs go to memory: the run stays quiet and the test can still see Nova's startup line.
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString("utf8"));
          done();
        },
      }),
    );
    const port = await findFreePort();
    server = new Server({
      host: "127.0.0.1",
      port,
      log,
      Probot: Probot.defaults({
        appId: 1,
        privateKey,
        secret: SECRET,
        // Nothing may reach GitHub: any API call would hit a closed loopback port and fail.
        baseUrl: "http://127.0.0.1:9",
        log,
      }),
    });
    await server.load(nova);
    // A probe beside Nova that records every webhook event that gets past verification.
    await server.load((app: Probot) => {
      app.onAny((event) => {
        received.push(event.name);
      });
    });
    await server.start();
    baseUrl = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.stop();
  });

  it("loads Nova", () => {
    expect(logLines.some((line) => line.includes("Nova loaded"))).toBe(true);
  });

  it("answers GET /ping with PONG", async () => {
    const response = await fetch(`${baseUrl}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("PONG");
  });

  it("rejects a webhook with a bad signature before any handler runs", async () => {
    const before = received.length;
    const payload = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const response = await fetch(`${baseUrl}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "bad-signature-delivery",
        "x-hub-signature-256": sign(payload, "not-the-secret"),
      },
      body: payload,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(received.slice(before)).toEqual([]);
  });

  it("delivers a correctly signed webhook to the handlers (so the probe above can see one)", async () => {
    const before = received.length;
    const payload = JSON.stringify({ zen: "Design for failure.", hook_id: 1 });
    const response = await fetch(`${baseUrl}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "good-signature-delivery",
        "x-hub-signature-256": sign(payload, SECRET),
      },
      body: payload,
    });
    expect(response.status).toBe(200);
    expect(received.slice(before)).toEqual(["ping"]);
  });
});
