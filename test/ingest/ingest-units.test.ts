/**
 * The pure parts of the ingestion: signature and parsing (with the protocol's test vector),
 * the comment marker, rendering limits, runner text, the rate limiter, the secrets and when the
 * endpoint is on.
 */
import { describe, expect, it } from "@jest/globals";
import { startReportsEndpoint } from "../../src/app/runner-endpoint.js";
import {
  addRun,
  findRecordedHash,
  MAX_RUNS,
  parseCommentState,
  renderStateMarker,
  type RunEntry,
} from "../../src/ingest/report-comment-state.js";
import {
  GITHUB_TEXT_LIMIT,
  renderCheckRunOutput,
  renderGpuReportComment,
} from "../../src/ingest/render-gpu-report.js";
import { parseRunnerSecrets } from "../../src/ingest/runner-secrets.js";
import {
  fenceExcerpt,
  fitMarkdown,
  plainName,
  truncateText,
} from "../../src/ingest/runner-text.js";
import { createUploadRateLimiter } from "../../src/ingest/upload-rate-limit.js";
import { hashBody, parseUpload, toJsonPath, verifyUpload } from "../../src/ingest/verify-upload.js";
import { deriveRunnerKey, signReport } from "@nova/protocol";
import { FakeGitHub, createTestProbot } from "../fake-github/index.js";
import { VECTOR } from "../../packages/protocol/test/signature-vector.js";
import { buildReport, check } from "./uploads.js";

describe("verifyUpload", () => {
  const body = Buffer.from(VECTOR.body);
  const secrets = [VECTOR.secret];

  it("reproduces the protocol's test vector", () => {
    expect(deriveRunnerKey(VECTOR.secret, VECTOR.repository)).toBe(VECTOR.key);
    const result = verifyUpload(
      {
        repository: VECTOR.repository,
        signature: `t=${VECTOR.timestamp},v1=${VECTOR.signature}`,
        body,
      },
      secrets,
      VECTOR.timestamp,
    );
    expect(result).toEqual({ ok: true, repository: VECTOR.repository });
  });

  it.each([
    ["a changed byte", { body: Buffer.from(VECTOR.body.replace("v1", "v2")) }],
    ["another repository", { repository: "Octo-Org/other" }],
    ["no signature", { signature: undefined }],
    ["a malformed signature", { signature: "v1=abc" }],
  ])("rejects %s with 401", (_name, change) => {
    const result = verifyUpload(
      {
        repository: VECTOR.repository,
        signature: `t=${VECTOR.timestamp},v1=${VECTOR.signature}`,
        body,
        ...change,
      },
      secrets,
      VECTOR.timestamp,
    );
    expect(result).toMatchObject({ ok: false, answer: { httpStatus: 401 } });
  });

  it("accepts ±300 s and rejects 301 s either way", () => {
    const at = (now: number) =>
      verifyUpload(
        {
          repository: VECTOR.repository,
          signature: `t=${VECTOR.timestamp},v1=${VECTOR.signature}`,
          body,
        },
        secrets,
        now,
      ).ok;
    expect([at(VECTOR.timestamp - 300), at(VECTOR.timestamp + 300)]).toEqual([true, true]);
    expect([at(VECTOR.timestamp - 301), at(VECTOR.timestamp + 301)]).toEqual([false, false]);
  });

  it("accepts the previous secret's key while both are configured", () => {
    const previous = "previous-secret-0123456789abcdef0123456789";
    const signature = signReport(deriveRunnerKey(previous, VECTOR.repository), VECTOR.body, 100);
    const upload = { repository: VECTOR.repository, signature, body };
    expect(verifyUpload(upload, [VECTOR.secret], 100).ok).toBe(false);
    expect(verifyUpload(upload, [VECTOR.secret, previous], 100).ok).toBe(true);
  });
});

describe("parseUpload", () => {
  it("parses a valid report and hashes the exact bytes", () => {
    const report = buildReport();
    const body = Buffer.from(JSON.stringify(report));
    const parsed = parseUpload(body, { repository: "ACME/dgx", idempotencyKey: report.id });
    expect(parsed).toEqual({ ok: true, report, hash: hashBody(body) });
    expect(hashBody(Buffer.from(`${body.toString()} `))).not.toBe(hashBody(body));
  });

  it("writes JSON paths the way people read them", () => {
    expect(toJsonPath(["checks", 3, "status"])).toBe("$.checks[3].status");
    expect(toJsonPath(["a b", 0])).toBe('$["a b"][0]');
    expect(toJsonPath([])).toBe("$");
  });

  it("names a wrong target and an unknown key by path", () => {
    const report = { ...buildReport(), target: { issue: 0 }, extra: 1 };
    const parsed = parseUpload(Buffer.from(JSON.stringify(report)), {
      repository: "acme/dgx",
      idempotencyKey: report.id,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.answer.body.details?.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(["$.target.issue", "$.extra"]));
  });
});

describe("the comment marker", () => {
  const run = (id: string, hash = "a".repeat(32)): RunEntry => ({
    id,
    hash,
    at: "2026-01-12T09:00:00Z",
    status: "pass",
    summary: { pass: 1, warn: 0, fail: 0, skip: 0, unknown: 0 },
    sha: null,
  });

  it("round-trips, with the hostname encoded so it cannot end the comment", () => {
    const state = addRun(null, "evil --> <!-- x", run("1"));
    const marker = renderStateMarker(state);
    expect(marker.slice("<!--".length, -"-->".length)).not.toContain("--");
    expect(parseCommentState(`text\n${marker}`)).toEqual(state);
  });

  it("keeps 11 runs and remembers older ids with their hashes", () => {
    let state = addRun(null, "h", run("0"));
    for (let n = 1; n < 15; n += 1)
      state = addRun(state, "h", run(n.toString(16), n.toString(16).repeat(32).slice(0, 32)));
    expect(state.runs).toHaveLength(MAX_RUNS);
    expect(state.seen).toHaveLength(4);
    expect(findRecordedHash(state, "0")).toBe("a".repeat(32));
    expect(findRecordedHash(state, "e")).toBe("e".repeat(32));
    expect(findRecordedHash(state, "f")).toBeNull();
  });

  it("reads nothing from a broken or foreign marker", () => {
    expect(parseCommentState("<!-- nova:gpu-report data=%7B%7D -->")).toBeNull();
    expect(parseCommentState("<!-- nova:gpu-report data=%E0%A4%A -->")).toBeNull();
    expect(parseCommentState(null)).toBeNull();
  });
});

describe("rendering limits", () => {
  it("stays within GitHub's 65,535 characters for the largest report the schema allows", () => {
    const long = "| @x #1 <b> `y` ".repeat(200).slice(0, 2000);
    const checks = Array.from({ length: 64 }, (_, index) =>
      check(`check-${index}`, "fail", {
        message: { de: long, en: long },
        observed: { value: long.slice(0, 500), unit: "x".repeat(40), label: long.slice(0, 120) },
        expected: long.slice(0, 200),
        evidence: Array.from({ length: 8 }, () => ({
          command: long.slice(0, 1000),
          exitCode: 1,
          durationMs: 1,
          timedOut: false,
          stdout: "`".repeat(4096),
          truncated: true,
        })),
      }),
    );
    const base = buildReport({ checks });
    const report = {
      ...base,
      gpus: Array.from({ length: 64 }, (_, index) => ({
        ...base.gpus[0]!,
        index,
        name: long.slice(0, 200),
      })),
    };
    let state = addRun(null, "spark-01", {
      id: report.id,
      hash: "b".repeat(32),
      at: report.createdAt,
      status: report.status,
      summary: report.summary,
      sha: null,
    });
    for (let n = 0; n < 20; n += 1)
      state = addRun(state, "spark-01", { ...state.runs[0]!, id: `${n}` });
    const options = {
      lang: "de" as const,
      runbookBase: "https://example.test/",
      target: { kind: "task" as const, task: "t" },
    };
    const comment = renderGpuReportComment(report, state, options);
    expect(comment.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(comment).toContain("_(gekürzt)_");
    expect(parseCommentState(comment)).toEqual(state);
    const output = renderCheckRunOutput(report, options);
    expect(output.summary.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(output.text.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
  });
});

describe("runner text", () => {
  it("cuts by characters, never inside a surrogate pair", () => {
    expect(truncateText("abcdef", 4)).toBe("abc…");
    expect(truncateText("😀😀😀", 2)).toBe("😀…");
    expect(truncateText(null, 3)).toBe("");
  });

  it("makes one plain line without controls for a check run's name", () => {
    expect(plainName("spark\u202e-01\n\tx", 60)).toBe("spark-01 x");
  });

  it("fences an excerpt so its backticks cannot close the block", () => {
    const fenced = fenceExcerpt("a ```` b\n".repeat(3), 2, 100);
    expect(fenced.startsWith("`````text\n")).toBe(true);
    expect(fenced.endsWith("\n`````")).toBe(true);
    expect(fenced).toContain("…");
  });

  it("cuts Markdown at a line and says so", () => {
    expect(fitMarkdown("short", 10, "(cut)")).toBe("short");
    const cut = fitMarkdown("line one\nline two\nline three", 20, "(cut)");
    expect(cut).toBe("line one\n\n(cut)");
    expect(cut.length).toBeLessThanOrEqual(20);
  });
});

describe("the upload rate limit", () => {
  it("admits `uploads` per window and says when the next one fits", async () => {
    let now = 0;
    const limiter = createUploadRateLimiter(() => now, { uploads: 60, windowMinutes: 60 });
    const limit = { uploads: 2, windowMinutes: 10 };
    expect(await limiter.admit("a/b", limit)).toBe(0);
    now = 60_000;
    expect(await limiter.admit("A/B", limit)).toBe(0);
    expect(await limiter.admit("a/b", limit)).toBe(540);
    expect(await limiter.check("a/b")).toBe(540);
    expect(await limiter.check("c/d")).toBe(0);
    now = 600_001;
    expect(await limiter.admit("a/b", limit)).toBe(0);
  });
});

describe("the endpoint's secrets", () => {
  it("needs NOVA_RUNNER_SECRET of at least 32 bytes; a short previous one is ignored", () => {
    expect(parseRunnerSecrets(undefined, undefined)).toMatchObject({ ok: false });
    expect(parseRunnerSecrets("short", undefined)).toMatchObject({ ok: false });
    expect(parseRunnerSecrets("x".repeat(32), "short")).toMatchObject({
      ok: true,
      previous: null,
      warnings: [expect.stringContaining("NOVA_RUNNER_SECRET_PREVIOUS")],
    });
    expect(parseRunnerSecrets("x".repeat(32), "y".repeat(32))).toMatchObject({
      ok: true,
      previous: "y".repeat(32),
    });
  });

  it("is off without a secret and says so in the log; on with one", async () => {
    const fake = await FakeGitHub.start();
    try {
      const handlers: unknown[] = [];
      const { probot, logs } = createTestProbot(fake);
      const start = (env: Record<string, string>) =>
        startReportsEndpoint({
          app: probot,
          addHandler: (handler) => handlers.push(handler),
          botLogin: () => Promise.resolve("nova-test[bot]"),
          env,
        });
      expect(start({})).toBeNull();
      expect(start({ NOVA_RUNNER_SECRET: "too short" })).toBeNull();
      expect(handlers).toEqual([]);
      expect(start({ NOVA_RUNNER_SECRET: "s".repeat(40) })).not.toBeNull();
      expect(handlers).toHaveLength(1);
      const messages = logs.map((line) => line.msg);
      expect(messages).toContain("runner report endpoint off: NOVA_RUNNER_SECRET is not set");
      expect(messages).toContain("runner report endpoint on: POST /nova/v1/reports");
    } finally {
      await fake.close();
    }
  });
});
