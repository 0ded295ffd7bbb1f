/**
 * What the GPU report says in the cases a person stumbled over (issue 16): unread ECC counters,
 * a hung `nvidia-ctk`, a lost GPU (exit code 255), and observed/expected cells in each language.
 */
import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_CHECK_OPTIONS,
  type CheckDefinition,
  type RunFacts,
} from "../src/checks/check-types.js";
import { containerRuntimeCheck } from "../src/checks/container-runtime.js";
import { memoryHealthCheck } from "../src/checks/memory-health.js";
import { nvmlCheck } from "../src/checks/nvml.js";
import { xidErrorsCheck } from "../src/checks/xid-errors.js";
import type { Gpu } from "@nova/protocol";
import type { ProbeKey } from "../src/probes/probe-types.js";
import { type Answer, fakeProbes } from "./fake-probes.js";
import { loadSynthetic } from "./gpu-fixtures.js";

const GPU: Gpu = {
  index: 0,
  name: "NVIDIA RTX A5000",
  uuid: null,
  busId: null,
  memoryTotalMiB: 24564,
  memoryUsedMiB: 1,
  memoryFreeMiB: 24000,
  utilizationGpuPercent: 0,
  utilizationMemoryPercent: 0,
  temperatureC: 40,
  temperatureLimitMarginC: 40,
  memoryTemperatureC: null,
  powerDrawW: 20,
  powerLimitW: 230,
  fanPercent: 30,
  performanceState: "P8",
  persistenceMode: true,
  computeCapability: "8.6",
  migMode: null,
  eccMode: false,
  eccCorrectedVolatile: null,
  eccUncorrectedVolatile: null,
  eccUncorrectedAggregate: null,
  retiredPagesPending: null,
  remappedRowsCorrectable: 0,
  remappedRowsUncorrectable: 0,
  remappedRowsPending: false,
  remappedRowsFailure: false,
  hwSlowdown: false,
  hwThermalSlowdown: false,
  hwPowerBrakeSlowdown: false,
  swThermalSlowdown: false,
  recoveryAction: "None",
  unsupported: [
    "eccCorrectedVolatile",
    "eccUncorrectedVolatile",
    "eccUncorrectedAggregate",
    "retiredPagesPending",
  ],
  errors: [],
};

async function run(
  check: CheckDefinition,
  input: { gpus?: Partial<Gpu>[]; answers?: Partial<Record<ProbeKey, Answer>> },
) {
  const facts: RunFacts = {
    host: { hostname: null, os: null, kernel: null, arch: null, model: null, dgxRelease: null },
    driver: null,
    cuda: null,
    toolkit: null,
    dcgm: null,
    listedGpus: [],
    gpus: (input.gpus ?? []).map((gpu, index) => ({ ...GPU, index, ...gpu })),
  };
  return check.run({
    probes: fakeProbes(input.answers ?? {}),
    options: DEFAULT_CHECK_OPTIONS,
    facts,
    statuses: new Map([["nvml", "pass"]]),
  });
}

describe("memory-health with ECC counters nvidia-smi does not report", () => {
  it("says the counters could not be read instead of 'no uncorrected ECC errors'", async () => {
    const outcome = await run(memoryHealthCheck, { gpus: [{}, {}] });
    expect(outcome.status).toBe("pass");
    expect(outcome.message.en).not.toContain("no uncorrected ECC errors");
    expect(outcome.message.en).toContain("ECC error counters could not be read");
    expect(outcome.message.de).toContain("ECC-Fehlerzähler konnten nicht gelesen werden");
    expect(outcome.observed).toBeNull();
  });

  it("names the GPUs whose counters are missing when others were read", async () => {
    const outcome = await run(memoryHealthCheck, {
      gpus: [{ eccUncorrectedVolatile: 0, eccMode: true }, {}],
    });
    expect(outcome.message.en).toBe(
      "No uncorrected ECC errors, no row-remapping failure; the ECC error counters of GPU 1 could not be read.",
    );
  });

  it("still says 'no uncorrected ECC errors' when every counter was read", async () => {
    const outcome = await run(memoryHealthCheck, {
      gpus: [{ eccUncorrectedVolatile: 0, eccMode: true }],
    });
    expect(outcome.message.en).toBe(
      "Memory healthy: no uncorrected ECC errors, no row-remapping failure.",
    );
  });

  it("the GB10's unified memory label is written the German way in German", async () => {
    const outcome = await run(memoryHealthCheck, {
      gpus: [{ name: "NVIDIA GB10", memoryTotalMiB: null }],
      answers: { meminfo: { stdout: loadSynthetic("meminfo_gb10.txt") } },
    });
    const label = outcome.observed?.labelText;
    expect(label?.de).toMatch(/^verfügbarer Unified Memory von \d+,\d GiB$/);
    expect(label?.en).toMatch(/^unified memory available of \d+\.\d GiB$/);
  });
});

describe("container-runtime with a hung nvidia-ctk", () => {
  const docker = { "docker-info": { stdout: loadSynthetic("docker-info.json") } };

  it("says it timed out and asks for a reboot, not an install", async () => {
    const outcome = await run(containerRuntimeCheck, {
      answers: {
        ...docker,
        "nvidia-ctk-version": { exitCode: null, timedOut: true, durationMs: 10_000 },
      },
    });
    expect(outcome.status).toBe("fail");
    expect(outcome.message.en).toContain(
      "nvidia-ctk --version did not answer within 10 s and was killed (timed out)",
    );
    expect(outcome.message.de).toContain("Zeitüberschreitung");
    expect(outcome.remediation).toEqual({
      action: "REBOOT_SYSTEM",
      runbook: "docs/runbooks/container-toolkit.md#nvidia-ctk-does-not-answer",
    });
  });

  it("a failing nvidia-ctk names its exit code and still suggests installing", async () => {
    const outcome = await run(containerRuntimeCheck, {
      answers: { ...docker, "nvidia-ctk-version": { exitCode: 2 } },
    });
    expect(outcome.message.en).toContain("nvidia-ctk --version failed (exit code 2)");
    expect(outcome.remediation?.action).toBe("INSTALL_CONTAINER_TOOLKIT");
  });
});

describe("nvml when nvidia-smi says 'GPU is lost' (exit code 255)", () => {
  it("explains the lost GPU and how many are still listed, like exit code 15", async () => {
    const outcome = await run(nvmlCheck, {
      answers: { "smi-list": { stdout: loadSynthetic("smi-list_gpu-lost.txt"), exitCode: 255 } },
    });
    expect(outcome.status).toBe("fail");
    expect(outcome.message.en).toBe(
      'nvidia-smi: the driver has lost contact with a GPU ("GPU is lost", exit code 255); only a reboot recovers it. One GPU is still listed.',
    );
    expect(outcome.message.de).toContain("„GPU is lost“, Exit-Code 255");
    expect(outcome.remediation).toEqual({
      action: "REBOOT_SYSTEM",
      runbook: "docs/runbooks/xid-errors.md#xid-79-gpu-has-fallen-off-the-bus",
    });
    expect(outcome.observed?.labelText).toEqual({ de: "Exit-Code", en: "exit code" });
  });

  it("another exit code 255 points at the kernel log, not a bare 'failed'", async () => {
    const outcome = await run(nvmlCheck, {
      answers: { "smi-list": { stdout: "", exitCode: 255 } },
    });
    expect(outcome.message.en).toContain("internal driver error occurred (exit code 255)");
    expect(outcome.remediation?.runbook).toBe("docs/runbooks/xid-errors.md#reading-the-kernel-log");
  });
});

describe("observed and expected in both languages", () => {
  it("the runner words them per language; the English text stays in the v1 fields", async () => {
    const nvml = await run(nvmlCheck, {
      answers: { "smi-list": { stdout: loadSynthetic("smi-list_gb10.txt") } },
    });
    expect(nvml.expected).toEqual({
      de: "nvidia-smi -L listet die GPUs",
      en: "nvidia-smi -L lists the GPUs",
    });
    const xid = await run(xidErrorsCheck, {
      answers: { "journalctl-kernel": { stdout: loadSynthetic("journalctl-kernel_xid79.txt") } },
    });
    expect(xid.observed).toMatchObject({
      unit: null,
      label: "XID events",
      labelText: { de: "XID-Ereignisse", en: "XID events" },
    });
  });
});
