import { Writable } from "node:stream";
import { expect, it } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { createNovaLog, REDACTED, scrubSecrets } from "../../../src/app/ops/create-log.js";
import { getTestPrivateKey } from "../../fake-github/index.js";

const TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
const PAT = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789";
const JWT =
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImlzcyI6MX0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLWp3dA";
const WEBHOOK_SECRET = "0123456789abcdef-webhook-secret-value";
const SIGNATURE = `sha256=${"ab12".repeat(16)}`;
const RUNNER_SIGNATURE = `t=1700000000,v1=${"cd34".repeat(16)}`;
const RUNNER_SECRET = "runner-secret-runner-secret-runner-secret";

/** Everything written through a Nova logger, as one string, and the parsed lines. */
async function capture(write: (log: Awaited<ReturnType<typeof createNovaLog>>) => void) {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = await createNovaLog({ level: "trace", logFormat: "json", destination });
  write(log);
  await new Promise((resolve) => setImmediate(resolve));
  const text = chunks.join("");
  return {
    text,
    lines: text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

it("never writes tokens, private keys, signatures or secrets, wherever they are logged", async () => {
  const privateKey = getTestPrivateKey();
  const { text, lines } = await capture((log) => {
    // Probot's HTTP log (pino-http) logs request headers.
    log.child({ name: "http" }).info(
      {
        req: {
          method: "POST",
          url: "/api/github/webhooks",
          headers: {
            "x-hub-signature-256": SIGNATURE,
            "x-nova-signature": RUNNER_SIGNATURE,
            authorization: `Bearer ${JWT}`,
            "x-github-event": "push",
          },
        },
      },
      "POST /api/github/webhooks 200",
    );
    // Named fields, at several depths.
    log.info({ token: TOKEN, options: { privateKey, secret: WEBHOOK_SECRET } }, "auth");
    log.info({ config: { runner: { runnerSecret: RUNNER_SECRET } } }, "config");
    log.debug({ headers: { authorization: `token ${TOKEN}` } }, "request");
    // Secrets inside messages and errors.
    log.warn(`installation token ${TOKEN} expired; fine-grained ${PAT}`);
    log.error(new Error(`could not sign with ${privateKey}`));
    log.error({ err: new Error(`JWT ${JWT} rejected`) }, "GET /app failed");
    // An Octokit error carries its request, headers included.
    log.error(
      {
        err: new RequestError("Bad credentials", 401, {
          request: {
            method: "GET",
            url: "https://api.github.com/app",
            headers: { authorization: `bearer ${JWT}` },
          },
        }),
      },
      "readiness",
    );
  });

  for (const secret of [
    TOKEN,
    PAT,
    JWT,
    WEBHOOK_SECRET,
    SIGNATURE,
    RUNNER_SIGNATURE,
    RUNNER_SECRET,
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toContain("PRIVATE KEY");
  expect(text).not.toContain(privateKey.split("\n")[1]);
  expect(lines).toHaveLength(8);
  // What is not secret stays readable.
  expect(lines[0]).toMatchObject({
    msg: "POST /api/github/webhooks 200",
    req: { headers: { "x-github-event": "push", "x-hub-signature-256": REDACTED } },
  });
  expect(lines[1]).toMatchObject({
    token: REDACTED,
    options: { privateKey: REDACTED, secret: REDACTED },
  });
  expect(lines[4]?.msg).toBe(`installation token ${REDACTED} expired; fine-grained ${REDACTED}`);
});

it("leaves ordinary text alone", () => {
  const text = "synced acme/dgx at 0123456789abcdef0123456789abcdef01234567: 3 issues created";
  expect(scrubSecrets(text)).toBe(text);
  expect(scrubSecrets(`Authorization: token ${TOKEN}`)).toBe(`Authorization: token ${REDACTED}`);
});
