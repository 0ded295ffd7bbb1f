import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uploadReport } from "../src/upload/upload-report.js";
import { startFakeNova } from "./fake-nova-server.js";
import { dgxSpark } from "./machines.js";
import { runCli } from "./run-cli.js";
import { VECTOR } from "../../protocol/test/signature-vector.js";
import { writeRecording } from "./write-recording.js";

const NOW_MS = VECTOR.timestamp * 1000;
let root: string;
let recording: string;
let nova: Awaited<ReturnType<typeof startFakeNova>>;
let spool: string;
let sleeps: number[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "nova-upload-"));
  recording = await writeRecording(join(root, "spark"), dgxSpark());
  nova = await startFakeNova(VECTOR.secret, () => VECTOR.timestamp);
});
afterAll(async () => {
  await nova.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  spool = await mkdtemp(join(root, "spool-"));
  sleeps = [];
  nova.received.length = 0;
  nova.script.length = 0;
});
afterEach(() => {
  nova.script.length = 0;
});

function cli(argv: string[], env: Record<string, string> = {}) {
  return runCli(argv, {
    env: {
      NOVA_URL: nova.url,
      NOVA_REPOSITORY: VECTOR.repository,
      NOVA_RUNNER_KEY: VECTOR.key,
      NOVA_SPOOL_DIR: spool,
      NOVA_LANG: "en",
      ...env,
    },
    now: () => new Date(NOW_MS),
    fetch: globalThis.fetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    readFile: (path) => import("node:fs/promises").then(({ readFile }) => readFile(path, "utf8")),
  });
}

const spooled = async (): Promise<string[]> =>
  (await readdir(spool)).filter((name) => name.endsWith(".json"));

describe("upload", () => {
  it("sends the protocol's headers; the signature matches the known vector", async () => {
    const result = await uploadReport(
      {
        baseUrl: `${nova.url}/`,
        repository: VECTOR.repository,
        key: VECTOR.key,
        id: "4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
        body: VECTOR.body,
      },
      { fetch: globalThis.fetch, sleep: () => Promise.resolve(), now: () => NOW_MS },
    );
    expect(result).toMatchObject({ kind: "delivered", httpStatus: 201, attempts: 1 });
    const [request] = nova.received;
    expect(request?.headers["x-nova-signature"]).toBe(
      `t=${VECTOR.timestamp},v1=${VECTOR.signature}`,
    );
    expect(request?.headers["x-nova-repository"]).toBe(VECTOR.repository);
    expect(request?.headers["idempotency-key"]).toBe("4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toBe(VECTOR.body);
    expect(request?.verified).toBe(true);
  });

  it("503 → retried with Retry-After, then kept in the spool; flush later sends it once", async () => {
    for (let n = 0; n < 5; n += 1)
      nova.script.push({
        status: 503,
        headers: { "Retry-After": "2" },
        body: { status: "error", error: "GitHub unavailable" },
      });
    const first = await cli(["check", "--from", recording, "--upload"]);
    expect(first.code).toBe(1); // the check's own result (thermal data unknown), not a runner failure
    expect(first.stderr).toContain("stays in the spool");
    expect(nova.received.map((request) => request.answeredWith)).toEqual([503, 503, 503, 503, 503]);
    expect(sleeps).toEqual([2000, 2000, 2000, 2000]);
    expect(await spooled()).toHaveLength(1);

    const flushed = await cli(["flush"]);
    expect(flushed.code).toBe(0);
    expect(flushed.stderr).toMatch(/Report .* delivered \(HTTP 201\): https:\/\/github.com/);
    expect(await spooled()).toEqual([]);
    const again = await cli(["flush"]);
    expect(again.code).toBe(0);
    const delivered = nova.received.filter((request) => request.answeredWith === 201);
    expect(delivered).toHaveLength(1);
    // Every attempt carried the same body under the same id.
    expect(new Set(nova.received.map((request) => request.body)).size).toBe(1);
    expect(new Set(nova.received.map((request) => request.headers["idempotency-key"])).size).toBe(
      1,
    );
  });

  it("never sends the same id with two different bodies", async () => {
    nova.script.push(
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
    );
    const check = await cli(["check", "--from", recording, "--json", "--upload"]);
    const report = JSON.parse(check.stdout) as Record<string, unknown>;
    expect(await spooled()).toHaveLength(1);
    // Someone edits the saved report and uploads it under the same id.
    const edited = join(root, "edited.json");
    await writeFile(edited, JSON.stringify({ ...report, status: "pass" }));
    const upload = await cli(["upload", edited]);
    expect(upload.code).toBe(3);
    expect(upload.stderr).toContain("already spooled or sent with a different body");
    // The original goes out; after that the edited body is refused again.
    await cli(["flush"]);
    expect(await cli(["upload", edited])).toMatchObject({ code: 3 });
    const bodies = new Set(nova.received.map((request) => request.body));
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!)).toMatchObject({
      status: report.status,
      repository: VECTOR.repository,
    });
  });

  it("uploading the same report file twice sends it once", async () => {
    const saved = join(root, "saved.json");
    const check = await cli(["check", "--from", recording, "--json"]);
    await writeFile(saved, check.stdout);
    expect((await cli(["upload", saved])).code).toBe(0);
    const second = await cli(["upload", saved]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("was already delivered");
    expect(nova.received).toHaveLength(1);
    // The report had no repository; the runner filled in the configured one.
    expect(JSON.parse(nova.received[0]!.body)).toMatchObject({ repository: VECTOR.repository });
  });

  it("400 is final: printed with its details, not retried, kept under rejected/", async () => {
    nova.script.push({
      status: 400,
      body: { status: "error", error: "invalid report", details: ["/checks/0/status: invalid"] },
    });
    const run = await cli(["check", "--from", recording, "--upload"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Nova rejected report");
    expect(run.stderr).toContain("(HTTP 400): invalid report");
    expect(run.stderr).toContain("- /checks/0/status: invalid");
    expect(nova.received).toHaveLength(1);
    expect(await spooled()).toEqual([]);
    expect(await readdir(join(spool, "rejected"))).toHaveLength(1);
  });

  it("network errors are retried with backoff, then the report waits in the spool", async () => {
    const closed = await startFakeNova(VECTOR.secret, () => VECTOR.timestamp);
    await closed.close(); // nothing listens on its port any more: connection refused
    const run = await cli(["check", "--from", recording, "--upload"], { NOVA_URL: closed.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ECONNREFUSED");
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(await spooled()).toHaveLength(1);
  });

  it("429 with Retry-After, then accepted", async () => {
    nova.script.push({
      status: 429,
      headers: { "Retry-After": "7" },
      body: { status: "error", error: "too many uploads" },
    });
    const run = await cli(["check", "--from", recording, "--upload"]);
    expect(run.code).toBe(1);
    expect(sleeps).toEqual([7000]);
    expect(nova.received.map((request) => request.answeredWith)).toEqual([429, 201]);
  });

  it("without NOVA_RUNNER_KEY the upload is a runner failure (3), named", async () => {
    const run = await cli(["check", "--from", recording, "--upload"], { NOVA_RUNNER_KEY: "" });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe("Uploading needs: NOVA_RUNNER_KEY.\n");
  });
});
