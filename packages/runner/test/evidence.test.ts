import { describe, expect, it } from "@jest/globals";
import { cutToBytes, toEvidence } from "../src/checks/evidence.js";
import type { ProbeResult } from "../src/probes/probe-types.js";

const result = (stdout: string, stderr = ""): ProbeResult => ({
  key: "smi-table",
  command: "nvidia-smi",
  exitCode: 0,
  durationMs: 40,
  timedOut: false,
  missing: false,
  stdout,
  stderr,
});

describe("evidence", () => {
  it("keeps at most 4 KiB of UTF-8, never half a character", () => {
    const text = "°C ".repeat(2000); // 4 bytes per repetition
    const evidence = toEvidence(result(text));
    expect(Buffer.byteLength(evidence.stdout)).toBeLessThanOrEqual(4096);
    expect(evidence.truncated).toBe(true);
    expect(evidence.stdout).not.toContain("\uFFFD");
    expect(evidence.stdout.endsWith("\n[…]")).toBe(true);
    expect(cutToBytes("short", 4096)).toEqual({ text: "short", truncated: false });
  });

  it("appends stderr, where a failing tool says why", () => {
    expect(toEvidence(result("", "Failed to initialize NVML: Unknown Error\n")).stdout).toBe(
      "\n--- stderr ---\nFailed to initialize NVML: Unknown Error",
    );
  });

  it("carries command, exit code, duration and timeout", () => {
    expect(toEvidence(result("GPU 0"), "GPU 0 only")).toEqual({
      command: "nvidia-smi",
      exitCode: 0,
      durationMs: 40,
      timedOut: false,
      stdout: "GPU 0 only",
      truncated: false,
    });
  });
});
