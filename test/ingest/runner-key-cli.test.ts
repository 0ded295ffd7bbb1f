/**
 * `nova runner-key owner/repo`: prints the key the app verifies uploads with, derived from
 * NOVA_RUNNER_SECRET (the protocol's test vector), and fails clearly without the secret.
 */
import { describe, expect, it } from "@jest/globals";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";
import { VECTOR } from "../../packages/protocol/test/signature-vector.js";

async function nova(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: "/nonexistent",
    now: () => new Date("2026-01-12T09:00:00Z"),
    readFile: () => Promise.reject(new Error("no files here")),
    writeFile: () => Promise.reject(new Error("no files here")),
    connectGitHub: () => Promise.reject(new Error("no GitHub here")),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe("nova runner-key", () => {
  it("prints the repository's key from NOVA_RUNNER_SECRET (the protocol's test vector)", async () => {
    const run = await nova(["runner-key", VECTOR.repository], {
      NOVA_RUNNER_SECRET: VECTOR.secret,
    });
    expect(run).toEqual({ code: 0, stdout: `${VECTOR.key}\n`, stderr: "" });
    const lower = await nova(["runner-key", VECTOR.repository.toLowerCase()], {
      NOVA_RUNNER_SECRET: VECTOR.secret,
    });
    expect(lower.stdout).toBe(`${VECTOR.key}\n`);
  });

  it("says what is missing: the secret, the repository, a valid one", async () => {
    const noSecret = await nova(["runner-key", "acme/dgx", "--lang", "en"]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(
      /^nova: NOVA_RUNNER_SECRET is missing or shorter than 32 bytes/,
    );
    const shortSecret = await nova(["runner-key", "acme/dgx"], { NOVA_RUNNER_SECRET: "short" });
    expect(shortSecret.code).toBe(2);
    expect(shortSecret.stdout).toBe("");
    const missing = await nova(["runner-key", "--lang", "en"], {
      NOVA_RUNNER_SECRET: VECTOR.secret,
    });
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("OWNER/REPO needs a value");
    const bad = await nova(["runner-key", "not a repo"], { NOVA_RUNNER_SECRET: VECTOR.secret });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("owner/repo");
    const extra = await nova(["runner-key", "a/b", "c/d"], { NOVA_RUNNER_SECRET: VECTOR.secret });
    expect(extra.code).toBe(2);
  });

  it("has help in both languages", async () => {
    const help = await nova(["runner-key", "--help", "--lang", "en"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("nova runner-key OWNER/REPO");
    expect((await nova(["--help"])).stdout).toContain("nova runner-key");
  });
});
