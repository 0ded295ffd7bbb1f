import { describe, expect, it } from "@jest/globals";
import { worstStatus } from "@nova/protocol";
import { exitCodeFor } from "../src/report/summarize-report.js";
import { renderReportTable } from "../src/report/render-report-table.js";
import type { GpuReport } from "@nova/protocol";

describe("report status and exit code", () => {
  it("is the worst check; skips do not make a pass worse", () => {
    expect(worstStatus(["pass", "skip", "pass"])).toBe("pass");
    expect(worstStatus(["skip", "skip"])).toBe("skip");
    expect(worstStatus(["pass", "warn", "unknown"])).toBe("unknown");
    expect(worstStatus(["warn", "fail", "pass"])).toBe("fail");
  });

  it("maps to 0 pass, 1 warnings, 2 a failure", () => {
    expect([
      exitCodeFor("pass"),
      exitCodeFor("skip"),
      exitCodeFor("warn"),
      exitCodeFor("unknown"),
      exitCodeFor("fail"),
    ]).toEqual([0, 0, 1, 1, 2]);
  });
});

describe("the terminal table", () => {
  const report: GpuReport = {
    schema: "nova.gpu-report/v1",
    id: "4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
    createdAt: "2026-01-12T09:00:00.000Z",
    repository: null,
    runner: { version: "0.1.0" },
    host: {
      hostname: "spark",
      os: "Ubuntu 24.04.3 LTS",
      kernel: null,
      arch: "aarch64",
      model: null,
      dgxRelease: null,
    },
    status: "fail",
    summary: { pass: 0, warn: 0, fail: 1, skip: 0, unknown: 0 },
    software: { driver: null, cuda: null, toolkit: null, dcgm: null },
    gpus: [],
    checks: [
      {
        id: "kernel-module",
        status: "fail",
        observed: { value: "not loaded", unit: null },
        expected: "loaded",
        message: { de: "Nicht geladen.", en: "Not loaded." },
        remediation: {
          action: "INSTALL_DRIVER",
          runbook: "docs/runbooks/driver-library-mismatch.md#kernel-module-not-loaded",
        },
        evidence: [],
        dependsOn: [],
        durationMs: 1,
      },
    ],
  };

  it("colours only when asked (a TTY), and shows the remediation under the finding", () => {
    const plain = renderReportTable(report, { language: "en", color: false });
    expect(plain).toBe(
      [
        "nova-runner 0.1.0 · spark · Ubuntu 24.04.3 LTS · aarch64",
        "Status  Check          Observed    Message",
        "FAIL    kernel-module  not loaded  Not loaded.",
        "        → INSTALL_DRIVER: docs/runbooks/driver-library-mismatch.md#kernel-module-not-loaded",
        "",
        "FAIL · 1 FAIL · 4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
        "",
      ].join("\n"),
    );
    const coloured = renderReportTable(report, { language: "de", color: true });
    expect(coloured).toContain("\u001b[31mFEHLER\u001b[0m");
  });
});
