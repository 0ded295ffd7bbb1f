import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gpuReportSchema, type GpuReport } from "@nova/protocol";
import { dgxSpark, eightH100, singleH100, sparkAfterXid79 } from "./machines.js";
import { runCli } from "./run-cli.js";
import { writeRecording, type Recording } from "./write-recording.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "nova-recordings-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function checkFrom(name: string, recording: Recording, extra: string[] = [], options = {}) {
  const dir = await writeRecording(join(root, name), recording, options);
  const run = await runCli(["check", "--from", dir, "--json", ...extra]);
  const report: GpuReport = gpuReportSchema.parse(JSON.parse(run.stdout));
  const statuses = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
  const check = (id: string) => report.checks.find((candidate) => candidate.id === id)!;
  return { ...run, report, statuses, check };
}

describe("check --from a recording", () => {
  it("DGX Spark (GB10): memory fields null without failing, unified memory from /proc/meminfo, DCGM skipped", async () => {
    const { code, report, statuses, check } = await checkFrom("spark", dgxSpark());
    expect(report.gpus).toHaveLength(1);
    expect(report.gpus[0]).toMatchObject({
      name: "NVIDIA GB10",
      memoryTotalMiB: null,
      memoryUsedMiB: null,
      memoryFreeMiB: null,
    });
    expect(statuses).toEqual({
      "kernel-module": "pass",
      nvml: "pass",
      "driver-version": "pass",
      "gpu-inventory": "pass",
      "gpu-kpis": "pass",
      // The real GB10 CSV fixture holds only index, name and memory: nothing thermal to judge.
      "thermal-power": "unknown",
      "memory-health": "pass",
      "xid-errors": "pass",
      "container-runtime": "pass",
      "dcgm-diag": "skip",
      "time-sync": "pass",
      "disk-space": "pass",
      "host-info": "pass",
      endpoint: "skip",
    });
    expect(check("memory-health").observed).toEqual({
      value: 112.5,
      unit: "GiB",
      label: "unified memory available of 119.6 GiB",
      labelText: {
        de: "verfügbarer Unified Memory von 119,6 GiB",
        en: "unified memory available of 119.6 GiB",
      },
    });
    expect(check("dcgm-diag").message.en).toMatch(/does not support DCGM on DGX Spark/);
    expect(report.software).toEqual({
      driver: "580.126.09",
      cuda: "13.0",
      toolkit: "1.17.8",
      dcgm: null,
    });
    expect(report.host).toMatchObject({
      arch: "aarch64",
      dgxRelease: "NVIDIA DGX Spark 7.2.3",
      os: "Ubuntu 24.04.3 LTS",
    });
    expect(code).toBe(1);
  });

  it("single H100: all green but a DCGM warning", async () => {
    const { code, report, statuses, check } = await checkFrom("h100", singleH100());
    expect(report.gpus).toHaveLength(1);
    expect(report.gpus[0]?.temperatureLimitMarginC).toBe(46);
    expect(Object.entries(statuses).filter(([, status]) => status !== "pass")).toEqual([
      ["dcgm-diag", "warn"],
      ["endpoint", "skip"],
    ]);
    expect(check("dcgm-diag").remediation?.action).toBe("RESET_GPU");
    expect(report.status).toBe("warn");
    expect(code).toBe(1);
  });

  it("8× H100 reports 8 GPUs (from the -q text fallback); driver 565 fails DGX Spark's minimums", async () => {
    const { code, report, statuses, check } = await checkFrom("h100x8", eightH100(), [], {
      expectGpus: 8,
    });
    expect(report.gpus).toHaveLength(8);
    expect(check("gpu-inventory").observed).toEqual({ value: 8, unit: "GPU" });
    expect(statuses["gpu-inventory"]).toBe("pass");
    expect(check("gpu-kpis").observed?.label).toBe("KPIs via nvidia-smi -q");
    expect(statuses["driver-version"]).toBe("fail");
    expect(check("driver-version").message.en).toBe(
      "Too old: driver 565.57.01 < 580, CUDA 12.7 < 13.0.",
    );
    expect(check("driver-version").remediation?.action).toBe("INSTALL_DRIVER");
    expect(code).toBe(2);
  });

  it("8× H100 passes with minimums that fit it, and --expect-gpus 7 is a warning", async () => {
    const { statuses } = await checkFrom("h100x8-ok", eightH100(), [
      "--min-driver",
      "560",
      "--min-cuda",
      "12.4",
      "--expect-gpus",
      "7",
    ]);
    expect(statuses["driver-version"]).toBe("pass");
    expect(statuses["gpu-inventory"]).toBe("warn");
  });

  it("a kernel log with XID 79 fails: GPU has fallen off the bus, reboot; NVML's dependents are skipped", async () => {
    const { code, statuses, check } = await checkFrom("xid79", sparkAfterXid79());
    expect(statuses["xid-errors"]).toBe("fail");
    expect(check("xid-errors").message.en).toContain("GPU has fallen off the bus");
    expect(check("xid-errors").message.en).toContain("XID 79 (GPU has fallen off the bus) ×2");
    expect(["RESET_GPU", "REBOOT_SYSTEM"]).toContain(check("xid-errors").remediation?.action);
    expect(check("xid-errors").remediation?.runbook).toBe(
      "docs/runbooks/xid-errors.md#xid-79-gpu-has-fallen-off-the-bus",
    );
    expect(check("xid-errors").evidence[0]?.stdout).toBe(
      [
        "2026-01-12T09:41:27+01:00 dgx kernel: NVRM: Xid (PCI:0000:05:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.",
        "2026-01-12T09:41:27+01:00 dgx kernel: NVRM: Xid (PCI:0000:01:00): 79, GPU has fallen off the bus.",
      ].join("\n"),
    );
    expect(statuses.nvml).toBe("fail");
    expect(check("nvml").message.en).toMatch(/fallen off the bus.*exit code 15/);
    expect(statuses["gpu-kpis"]).toBe("skip");
    expect(check("gpu-kpis").message.en).toBe('Skipped: prerequisite "nvml" failed.');
    expect(check("thermal-power").message.en).toBe('Skipped: prerequisite "gpu-kpis" was skipped.');
    expect(code).toBe(2);
  });

  it("Driver/library version mismatch: NVML fails with a reboot and the mismatch runbook", async () => {
    const { check } = await checkFrom("mismatch", {
      ...dgxSpark(),
      "smi-list": {
        stdout:
          "Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 580.95\n",
        exitCode: 18,
      },
    });
    expect(check("nvml").status).toBe("fail");
    expect(check("nvml").remediation).toEqual({
      action: "REBOOT_SYSTEM",
      runbook: "docs/runbooks/driver-library-mismatch.md#driverlibrary-version-mismatch",
    });
  });

  it("a hung nvidia-smi (recorded as timed out) fails NVML with a reboot", async () => {
    const { check } = await checkFrom("hung", {
      ...dgxSpark(),
      "smi-list": { exitCode: null, timedOut: true, durationMs: 20_000 },
    });
    expect(check("nvml")).toMatchObject({
      status: "fail",
      observed: { value: true, label: "timed out" },
    });
    expect(check("nvml").message.en).toBe(
      "nvidia-smi did not answer within 20 s and was killed; the GPU is hung.",
    );
  });

  it("no driver at all: the kernel module fails, everything GPU is skipped, nothing crashes", async () => {
    const { code, statuses } = await checkFrom("bare", { "uname-machine": { stdout: "x86_64\n" } });
    expect(statuses["kernel-module"]).toBe("fail");
    expect(statuses.nvml).toBe("skip");
    expect(statuses["container-runtime"]).toBe("fail");
    expect(statuses["time-sync"]).toBe("unknown");
    expect(code).toBe(2);
  });

  it("--only runs the named checks and what they depend on", async () => {
    const { report } = await checkFrom("only", dgxSpark(), ["--only", "gpu-inventory,time-sync"]);
    expect(report.checks.map((check) => check.id)).toEqual([
      "kernel-module",
      "nvml",
      "gpu-inventory",
      "time-sync",
    ]);
    expect(report.summary).toEqual({ pass: 4, warn: 0, fail: 0, skip: 0, unknown: 0 });
  });

  it("prints a table without colour when not on a terminal", async () => {
    const dir = await writeRecording(join(root, "table"), dgxSpark());
    const { stdout } = await runCli(["check", "--from", dir, "--lang", "en"]);
    expect(stdout).toMatch(/^PASS +kernel-module +580\.95\.05 +NVIDIA kernel module/m);
    expect(stdout).not.toContain("\u001b[");
    const german = await runCli(["check", "--from", dir]);
    expect(german.stdout).toMatch(/^OK +kernel-module +580\.95\.05 +NVIDIA-Kernelmodul/m);
    expect(german.stdout).toContain("Prüfung");
  });
});
