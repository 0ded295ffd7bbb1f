import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_CHECK_OPTIONS,
  type CheckContext,
  type CheckDefinition,
  type RunFacts,
} from "../src/checks/check-types.js";
import { containerRuntimeCheck } from "../src/checks/container-runtime.js";
import { diskSpaceCheck } from "../src/checks/disk-space.js";
import { memoryHealthCheck } from "../src/checks/memory-health.js";
import { thermalPowerCheck } from "../src/checks/thermal-power.js";
import { timeSyncCheck } from "../src/checks/time-sync.js";
import type { Gpu } from "@nova/protocol";
import { type Answer, fakeProbes } from "./fake-probes.js";
import { loadSynthetic } from "./gpu-fixtures.js";
import type { ProbeKey } from "../src/probes/probe-types.js";

const HEALTHY: Gpu = {
  index: 0,
  name: "NVIDIA H100 80GB HBM3",
  uuid: null,
  busId: null,
  memoryTotalMiB: 81559,
  memoryUsedMiB: 0,
  memoryFreeMiB: 81081,
  utilizationGpuPercent: 0,
  utilizationMemoryPercent: 0,
  temperatureC: 41,
  temperatureLimitMarginC: 46,
  memoryTemperatureC: 48,
  powerDrawW: 69.85,
  powerLimitW: 700,
  fanPercent: null,
  performanceState: "P0",
  persistenceMode: true,
  computeCapability: "9.0",
  migMode: false,
  eccMode: true,
  eccCorrectedVolatile: 0,
  eccUncorrectedVolatile: 0,
  eccUncorrectedAggregate: 0,
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
  unsupported: ["fanPercent", "retiredPagesPending"],
  errors: [],
};

function run(
  check: CheckDefinition,
  input: {
    gpus?: Partial<Gpu>[];
    answers?: Partial<Record<ProbeKey, Answer>>;
    options?: Partial<CheckContext["options"]>;
    nvml?: "pass" | "fail";
  },
) {
  const facts: RunFacts = {
    host: { hostname: null, os: null, kernel: null, arch: null, model: null, dgxRelease: null },
    driver: null,
    cuda: null,
    toolkit: null,
    dcgm: null,
    listedGpus: [],
    gpus: (input.gpus ?? []).map((gpu, index) => ({ ...HEALTHY, index, ...gpu })),
  };
  return Promise.resolve(
    check.run({
      probes: fakeProbes(input.answers ?? {}),
      options: { ...DEFAULT_CHECK_OPTIONS, ...input.options },
      facts,
      statuses: new Map([["nvml", input.nvml ?? "pass"]]),
    }),
  );
}

describe("thermal-power", () => {
  it("hardware thermal slowdown fails, a small T.Limit margin warns, the power brake warns", async () => {
    expect(await run(thermalPowerCheck, { gpus: [{}, { hwThermalSlowdown: true }] })).toMatchObject(
      {
        status: "fail",
        message: { en: "Hardware thermal slowdown active: GPU 1." },
        remediation: { action: "CHECK_COOLING" },
      },
    );
    expect(await run(thermalPowerCheck, { gpus: [{ temperatureLimitMarginC: 5 }] })).toMatchObject({
      status: "warn",
      observed: { value: 5, unit: "°C" },
    });
    expect(await run(thermalPowerCheck, { gpus: [{ hwPowerBrakeSlowdown: true }] })).toMatchObject({
      status: "warn",
      remediation: { action: "CHECK_POWER" },
    });
    expect((await run(thermalPowerCheck, { gpus: [{}] })).status).toBe("pass");
  });
});

describe("memory-health", () => {
  it("uncorrected ECC and a remap failure fail (RMA is the more drastic); a pending remap warns", async () => {
    const failing = await run(memoryHealthCheck, {
      gpus: [{ eccUncorrectedVolatile: 2 }, { remappedRowsFailure: true }],
    });
    expect(failing).toMatchObject({ status: "fail", remediation: { action: "RMA" } });
    expect(failing.message.en).toBe(
      "GPU 0: 2 uncorrected ECC errors since the driver loaded; GPU 1: row remapping failed.",
    );
    expect(await run(memoryHealthCheck, { gpus: [{ remappedRowsPending: true }] })).toMatchObject({
      status: "warn",
      remediation: {
        action: "RESET_GPU",
        runbook: "docs/runbooks/ecc-row-remapping.md#pending-remap",
      },
    });
  });

  it("a recovery action other than None fails with what it asks for", async () => {
    expect(
      await run(memoryHealthCheck, { gpus: [{ recoveryAction: "Node Reboot Required" }] }),
    ).toMatchObject({
      status: "fail",
      remediation: { action: "REBOOT_SYSTEM" },
    });
  });

  it("GB10: null memory fields pass; memory pressure warns", async () => {
    const gb10 = {
      name: "NVIDIA GB10",
      memoryTotalMiB: null,
      eccUncorrectedVolatile: null,
      remappedRowsFailure: null,
    };
    const answers = { meminfo: { stdout: loadSynthetic("meminfo_gb10.txt") } };
    expect((await run(memoryHealthCheck, { gpus: [gb10], answers })).status).toBe("pass");
    const pressed = await run(memoryHealthCheck, {
      gpus: [gb10],
      answers: {
        ...answers,
        "pressure-memory": {
          stdout:
            "some avg10=40.00 avg60=35.10 avg300=9.00 total=1\nfull avg10=20.00 avg60=12.50 avg300=3.00 total=1\n",
        },
      },
    });
    expect(pressed).toMatchObject({ status: "warn", remediation: { action: "RESTART_APP" } });
    expect(pressed.message.en).toContain("12.5 %");
  });
});

describe("container-runtime", () => {
  const ready = {
    "nvidia-ctk-version": { stdout: loadSynthetic("nvidia-ctk-version.txt") },
    "docker-info": { stdout: loadSynthetic("docker-info.json") },
  };

  it("passes with toolkit and Docker, and runs the smoke test only when NVML works", async () => {
    expect((await run(containerRuntimeCheck, { answers: ready })).status).toBe("pass");
    const smoke = { ...ready, "docker-smoke": { stdout: loadSynthetic("smi-list_gb10.txt") } };
    const passed = await run(containerRuntimeCheck, {
      answers: smoke,
      options: { smokeImage: "nvcr.io/nvidia/cuda:13.0.0-base-ubuntu24.04" },
    });
    expect(passed.message.en).toContain("GPU container smoke test passed");
    const skipped = await run(containerRuntimeCheck, {
      answers: smoke,
      options: { smokeImage: "img" },
      nvml: "fail",
    });
    expect(skipped.message.en).toContain("smoke test skipped (NVML)");
  });

  it("a missing toolkit fails; Docker without the nvidia runtime warns; no Docker access warns", async () => {
    expect(
      await run(containerRuntimeCheck, { answers: { "docker-info": ready["docker-info"] } }),
    ).toMatchObject({
      status: "fail",
      remediation: {
        action: "INSTALL_CONTAINER_TOOLKIT",
        runbook: "docs/runbooks/container-toolkit.md#install-the-toolkit",
      },
    });
    const plain =
      '{"ServerVersion":"28.3.3","Runtimes":{"runc":{"path":"runc"}},"DefaultRuntime":"runc"}';
    expect(
      await run(containerRuntimeCheck, { answers: { ...ready, "docker-info": { stdout: plain } } }),
    ).toMatchObject({
      status: "warn",
      remediation: {
        action: "FIX_CONFIG",
        runbook: "docs/runbooks/container-toolkit.md#register-the-nvidia-runtime",
      },
    });
    const denied = {
      exitCode: 1,
      stderr: "permission denied while trying to connect to the Docker daemon socket",
    };
    expect(
      (await run(containerRuntimeCheck, { answers: { ...ready, "docker-info": denied } })).status,
    ).toBe("warn");
  });

  it("a failing smoke test fails", async () => {
    const failing = {
      ...ready,
      "docker-smoke": { exitCode: 125, stderr: "could not select device driver" },
    };
    expect(
      await run(containerRuntimeCheck, { answers: failing, options: { smokeImage: "img" } }),
    ).toMatchObject({
      status: "fail",
      remediation: { runbook: "docs/runbooks/container-toolkit.md#the-smoke-test-fails" },
    });
  });
});

describe("time-sync and disk-space", () => {
  it("a clock more than 300 s off fails (uploads would be rejected); unsynchronized warns", async () => {
    expect(
      await run(timeSyncCheck, {
        answers: {
          "chronyc-tracking": {
            stdout: "System time     : 412.000000000 seconds fast of NTP time\n",
          },
        },
      }),
    ).toMatchObject({
      status: "fail",
      remediation: { action: "FIX_TIME_SYNC" },
    });
    expect(
      (await run(timeSyncCheck, { answers: { timedatectl: { stdout: "NTPSynchronized=no\n" } } }))
        .status,
    ).toBe("warn");
  });

  it("little free space fails, some warns", async () => {
    const df = (availableKiB: number) => ({
      stdout: `Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/nvme0n1p2 1000000000 1 ${availableKiB} 99% /\n`,
    });
    expect((await run(diskSpaceCheck, { answers: { df: df(5 * 1024 * 1024) } })).status).toBe(
      "fail",
    );
    expect((await run(diskSpaceCheck, { answers: { df: df(60 * 1024 * 1024) } })).status).toBe(
      "warn",
    );
    expect((await run(diskSpaceCheck, { answers: { df: df(500 * 1024 * 1024) } })).status).toBe(
      "pass",
    );
  });
});
