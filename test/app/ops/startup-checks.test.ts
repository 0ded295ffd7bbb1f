import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "@jest/globals";
import { findStartupProblems, renderStartupProblems } from "../../../src/app/ops/startup-checks.js";
import { getTestPrivateKey } from "../../fake-github/index.js";
import { findFreePort } from "../../fake-github/find-free-port.js";

const GOOD_SECRET = "7f3c1e9a0b4d4c2e8f6a5b3c1d0e9f8a";
const RUNNER_SECRET = "a".repeat(32);

describe("findStartupProblems", () => {
  it("accepts a real webhook secret and a 32-byte runner secret", () => {
    expect(findStartupProblems({ WEBHOOK_SECRET: GOOD_SECRET })).toEqual([]);
    expect(
      findStartupProblems({ WEBHOOK_SECRET: GOOD_SECRET, NOVA_RUNNER_SECRET: RUNNER_SECRET }),
    ).toEqual([]);
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(
      findStartupProblems({ WEBHOOK_SECRET: GOOD_SECRET, NOVA_RUNNER_SECRET: "ä".repeat(16) }),
    ).toEqual([]);
  });

  it.each([
    ["missing", {}],
    ["empty", { WEBHOOK_SECRET: "  " }],
    ["Probot's fallback", { WEBHOOK_SECRET: "development" }],
  ])("refuses WEBHOOK_SECRET when %s", (_case, env) => {
    expect(findStartupProblems(env).map((problem) => problem.variable)).toEqual(["WEBHOOK_SECRET"]);
  });

  it("refuses runner secrets under 32 bytes, the previous one too, without printing them", () => {
    const problems = findStartupProblems({
      WEBHOOK_SECRET: GOOD_SECRET,
      NOVA_RUNNER_SECRET: "short-secret-value",
      NOVA_RUNNER_SECRET_PREVIOUS: "",
    });
    expect(problems.map((problem) => problem.variable)).toEqual([
      "NOVA_RUNNER_SECRET",
      "NOVA_RUNNER_SECRET_PREVIOUS",
    ]);
    expect(problems[0]?.message).toContain("has 18 bytes; it needs at least 32");
    expect(renderStartupProblems(problems)).not.toContain("short-secret-value");
  });
});

describe("the server entry (src/main.ts)", () => {
  const cwd = mkdtempSync(join(tmpdir(), "nova-main-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const main = fileURLToPath(new URL("../../../src/main.ts", import.meta.url));
  const tsx = pathToFileURL(
    fileURLToPath(new URL("../../../node_modules/tsx/dist/loader.mjs", import.meta.url)),
  );

  /** Runs the entry in an empty directory (no .env) with only these variables. */
  function start(env: Record<string, string>) {
    return spawnSync(process.execPath, ["--import", tsx.href, main], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });
  }

  it("exits 1 with a clear message in production without a real WEBHOOK_SECRET", () => {
    const result = start({ NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "unused" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("nova: refusing to start in production (NODE_ENV=production):");
    expect(result.stderr).toContain("WEBHOOK_SECRET is not set");
    expect(result.stdout).toBe("");
  });

  it("exits 1 in production when NOVA_RUNNER_SECRET is too short, and never prints it", () => {
    const result = start({
      NODE_ENV: "production",
      WEBHOOK_SECRET: GOOD_SECRET,
      NOVA_RUNNER_SECRET: "too-short-runner-secret",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("NOVA_RUNNER_SECRET has 23 bytes; it needs at least 32");
    expect(result.stderr).not.toContain("too-short-runner-secret");
  });

  it("starts with a good configuration, serves /healthz and /metrics, and stops on SIGTERM", async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, ["--import", tsx.href, main], {
      cwd,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        APP_ID: "1",
        PRIVATE_KEY: getTestPrivateKey(),
        WEBHOOK_SECRET: GOOD_SECRET,
        NOVA_RUNNER_SECRET: RUNNER_SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    try {
      for (let waited = 0; !output.includes("Listening on"); waited += 100) {
        if (waited > 20_000 || child.exitCode !== null)
          throw new Error(`did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain("nova_process_cpu_seconds_total");
      expect(metrics).toContain("# TYPE nova_webhook_events_total counter");
      // Production logs are JSON lines, and never carry the key.
      const lines = output.trim().split("\n");
      expect(lines.every((line) => line.startsWith("{"))).toBe(true);
      expect(output).not.toContain("PRIVATE KEY");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
