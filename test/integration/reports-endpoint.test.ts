/**
 * The upload endpoint's protocol through the real app on Probot's server, against the fake
 * GitHub: the order of checks (method → content type → size → signature → JSON and schema →
 * installation), each rejection's status, and that nothing rejected before the installation
 * step costs a single GitHub request.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { request as httpRequest } from "node:http";
import { deriveRunnerKey, signReport } from "@nova/protocol";
import { createNovaMetrics } from "../../src/app/ops/metrics.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { PREVIOUS_SECRET, RUNNER_SECRET } from "./start-nova-server.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";
import { buildReport, postReport, REPOSITORY } from "../ingest/uploads.js";

const CONFIG = "gpu:\n  rateLimit:\n    uploads: 1000\n";

const metrics = createNovaMetrics();
const world = useNovaWorld({
  once: true,
  nova: overHttp({
    metrics,
    runnerEndpoint: { previousSecret: PREVIOUS_SECRET, bodyTimeoutMs: 400 },
  }),
});

beforeAll(async () => {
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({
      files: { "docs/dgx-spark-plan.md": loadChecklist("bundled"), ".github/nova.yml": CONFIG },
    }),
  );
});

/** Runs `act` and returns what it answered plus the GitHub requests it caused. */
async function measure<T>(act: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const mark = world.fake.requests.length;
  const result = await act();
  await world.nova.ingest.settled();
  return {
    result,
    requests: world.fake.requests.slice(mark).map((request) => `${request.method} ${request.path}`),
  };
}

const validBody = () => JSON.stringify(buildReport());
const now = () => Math.floor(Date.now() / 1000);

describe("signature", () => {
  it("accepts a valid signature and publishes the report", async () => {
    const { status, body } = await postReport(world.nova.url, validBody());
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "created",
      commentUrl: expect.stringContaining("#issuecomment-"),
    });
    expect(world.fake.violations).toEqual([]);
  });

  it.each([
    [
      "the body changed by one byte after signing",
      () => {
        const body = validBody();
        return { body: body.replace('"spark-01"', '"spark-02"'), options: { signedBody: body } };
      },
    ],
    ["a wrong key", () => ({ body: validBody(), options: { key: "0".repeat(64) } })],
    [
      "another repository's key",
      () => ({ body: validBody(), options: { key: deriveRunnerKey(RUNNER_SECRET, "acme/other") } }),
    ],
    ["a timestamp 301 s old", () => ({ body: validBody(), options: { timestamp: now() - 301 } })],
    ["a timestamp 301 s ahead", () => ({ body: validBody(), options: { timestamp: now() + 301 } })],
    ["no signature header", () => ({ body: validBody(), options: { signature: null } })],
    [
      "a malformed signature header",
      () => ({ body: validBody(), options: { signature: "sha256=abc" } }),
    ],
  ])("rejects %s with 401 before any GitHub request", async (_name, make) => {
    const { body, options } = make();
    const { result, requests } = await measure(() => postReport(world.nova.url, body, options));
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ status: "error", error: expect.any(String) });
    expect(requests).toEqual([]);
  });

  it("accepts a key derived from NOVA_RUNNER_SECRET_PREVIOUS during a rotation", async () => {
    const { status } = await postReport(world.nova.url, validBody(), {
      key: deriveRunnerKey(PREVIOUS_SECRET, REPOSITORY),
    });
    expect(status).toBe(201);
  });

  it("derives the key from the header's repository without regard to case", async () => {
    const report = buildReport({ repository: "Acme/DGX" });
    const { status } = await postReport(world.nova.url, JSON.stringify(report), {
      repository: "Acme/DGX",
    });
    expect(status).toBe(201);
  });
});

describe("HTTP", () => {
  it("answers 405 to another method and 415 to text/plain, reading nothing", async () => {
    const get = await fetch(`${world.nova.url}/nova/v1/reports`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const { result, requests } = await measure(() =>
      postReport(world.nova.url, validBody(), { contentType: "text/plain" }),
    );
    expect(result.status).toBe(415);
    expect(requests).toEqual([]);
  });

  it("answers 413 to a body over 1 MiB, declared or streamed", async () => {
    const big = `{"pad":"${"x".repeat(1024 * 1024)}"}`;
    const declared = await postReport(world.nova.url, big);
    expect(declared.status).toBe(413);
    const streamed = await rawPost({ chunks: [big.slice(0, 600_000), big.slice(600_000)] });
    expect(streamed.status).toBe(413);
  });

  it("accepts a body of exactly 1 MiB as far as the size goes (then it fails the signature)", async () => {
    const body = `{"pad":"${"x".repeat(1024 * 1024 - 10)}"}`;
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    const { status } = await postReport(world.nova.url, body, { signature: "t=1,v1=00" });
    expect(status).toBe(401);
  });

  it("cuts off a body that trickles in (408), however slowly it keeps coming", async () => {
    const started = Date.now();
    const answer = await rawPost({ chunks: Array.from({ length: 40 }, () => " "), gapMs: 50 });
    expect(answer.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("leaves other paths to the next handler", async () => {
    const response = await fetch(`${world.nova.url}/nova/v1/reports-other`, { method: "POST" });
    expect(response.status).toBe(404);
  });
});

describe("JSON and schema", () => {
  it("names each schema violation by its JSON path (400)", async () => {
    const report = buildReport() as unknown as Record<string, unknown>;
    const checks = report.checks as Array<Record<string, unknown>>;
    checks[1]!.status = "broken";
    checks[0]!.extra = true;
    (report.gpus as Array<Record<string, unknown>>)[0]!.temperatureC = "hot";
    delete report.createdAt;
    const { result, requests } = await measure(() =>
      postReport(world.nova.url, JSON.stringify(report)),
    );
    expect(result.status).toBe(400);
    const paths = (result.body.details as Array<{ path: string }>).map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.createdAt",
        "$.checks[1].status",
        "$.checks[0].extra",
        "$.gpus[0].temperatureC",
      ]),
    );
    expect(requests).toEqual([]);
  });

  it("answers 400 to invalid JSON, invalid UTF-8, and a body for another repository", async () => {
    expect((await postReport(world.nova.url, '{"schema": ')).status).toBe(400);
    const notUtf8 = await rawPost({ chunks: [Buffer.from([0x7b, 0xff, 0x7d])], sign: true });
    expect(notUtf8.status).toBe(400);
    const other = buildReport({ repository: "acme/other" });
    const mismatch = await postReport(world.nova.url, JSON.stringify(other));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.details).toEqual([expect.objectContaining({ path: "$.repository" })]);
  });

  it("answers 400 when Idempotency-Key is missing or is not the report's id", async () => {
    const missing = await postReport(world.nova.url, validBody(), { idempotencyKey: null });
    expect(missing.status).toBe(400);
    const other = await postReport(world.nova.url, validBody(), {
      idempotencyKey: "00000000-0000-4000-8000-000000000000",
    });
    expect(other.status).toBe(400);
    expect(other.body.details).toEqual([expect.objectContaining({ path: "$.id" })]);
  });
});

describe("installation", () => {
  it("answers 404 for a repository the app is not installed on, after verifying the signature", async () => {
    const report = buildReport({ repository: "acme/elsewhere" });
    const { result, requests } = await measure(() =>
      postReport(world.nova.url, JSON.stringify(report), { repository: "acme/elsewhere" }),
    );
    expect(result.status).toBe(404);
    expect(requests).toEqual(["GET /repos/acme/elsewhere/installation"]);
  });

  it("answers 404 for a header that names no repository, without asking GitHub", async () => {
    const { result, requests } = await measure(() =>
      postReport(world.nova.url, validBody(), { repository: "not a repository" }),
    );
    expect(result.status).toBe(404);
    expect(requests).toEqual([]);
  });
});

describe("metrics", () => {
  it("counts every answer by outcome", async () => {
    const counted = await metrics.registry.getSingleMetricAsString("nova_runner_reports_total");
    expect(counted).toMatch(/nova_runner_reports_total\{outcome="created"\} [1-9]/);
    expect(counted).toMatch(/nova_runner_reports_total\{outcome="rejected"\} [1-9]/);
  });
});

/**
 * A POST written by hand: the body in chunks (chunked encoding, no Content-Length), optionally
 * with a pause between them and a signature over the whole body.
 */
function rawPost(options: {
  chunks: Array<string | Buffer>;
  gapMs?: number;
  sign?: boolean;
}): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.concat(options.chunks.map((chunk) => Buffer.from(chunk)));
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Nova-Repository": REPOSITORY,
    };
    if (options.sign) {
      headers["X-Nova-Signature"] = signRaw(body);
    }
    const url = new URL(`${world.nova.url}/nova/v1/reports`);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    request.on("error", (error) => {
      // The server may close the socket after answering; the answer has arrived by then.
      if (!request.destroyed) reject(error);
    });
    void (async () => {
      for (const chunk of options.chunks) {
        if (request.destroyed) return;
        request.write(chunk);
        if (options.gapMs) await new Promise((done) => setTimeout(done, options.gapMs));
      }
      request.end();
    })();
  });
}

/**
 * The signature over the body as the server reads it for verification (UTF-8, with U+FFFD for
 * bytes that are not): so a body that is not UTF-8 passes the signature and reaches the parser.
 */
function signRaw(body: Buffer): string {
  return signReport(
    deriveRunnerKey(RUNNER_SECRET, REPOSITORY),
    body.toString("utf8"),
    Math.floor(Date.now() / 1000),
  );
}
