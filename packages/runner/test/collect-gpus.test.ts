import { describe, expect, it } from "@jest/globals";
import { collectGpus } from "../src/gpu/collect-gpus.js";
import { fakeProbes } from "./fake-probes.js";
import { loadGpuFixture } from "./gpu-fixtures.js";

const CSV = loadGpuFixture("h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv");

describe("collectGpus", () => {
  it("one CSV query when the driver knows every field", async () => {
    const probes = fakeProbes({ "smi-query-csv": { stdout: CSV } });
    const collected = await collectGpus(probes);
    expect(collected.source).toBe("csv");
    expect(probes.asked.map((spec) => spec.key)).toEqual(["smi-query-csv"]);
    const argv = probes.asked[0]?.kind === "command" ? probes.asked[0].argv : [];
    expect(argv[1]).toMatch(/^--query-gpu=index,name,uuid,pci\.bus_id,memory\.total,/);
    expect(argv[2]).toBe("--format=csv");
  });

  it("drops the fields an older driver rejects (from --help-query-gpu) and asks again", async () => {
    const help = loadGpuFixture("h100-80gb-hbm3_590.48.01_help-query-gpu.txt").replace(
      '"gpu_recovery_action"',
      '"gpu_recovery_action_x"',
    );
    const probes = fakeProbes({
      "smi-query-csv": {
        exitCode: 2,
        stdout: 'Field "gpu_recovery_action" is not a valid field to query.\n',
      },
      "smi-help-query-gpu": { stdout: help },
      "smi-query-csv-supported": { stdout: CSV },
    });
    const collected = await collectGpus(probes);
    expect(collected.source).toBe("csv-supported");
    expect(collected.droppedFields).toEqual(["gpu_recovery_action"]);
    const argv = probes.asked[2]?.kind === "command" ? probes.asked[2].argv : [];
    expect(argv[1]).not.toContain("gpu_recovery_action");
  });

  it("falls back to minimal fields, then XML, then -q text", async () => {
    const minimal = await collectGpus(
      fakeProbes({
        "smi-query-csv": { exitCode: 2 },
        "smi-help-query-gpu": { exitCode: 2 },
        "smi-query-csv-minimal": { stdout: "index, name, uuid\n0, NVIDIA GB10, GPU-1\n" },
      }),
    );
    expect(minimal.source).toBe("csv-minimal");
    expect(minimal.gpus[0]?.unsupported).toContain("recoveryAction");

    const xml = await collectGpus(
      fakeProbes({
        "smi-query-csv": { exitCode: 6 },
        "smi-query-xml": {
          stdout: loadGpuFixture("telegraf__dual_a5000_590.44.01_nvidia-smi-q-x_v13.xml"),
        },
      }),
    );
    expect(xml.source).toBe("xml");
    expect(xml.gpus).toHaveLength(2);

    const text = await collectGpus(
      fakeProbes({
        "smi-query-text": {
          stdout: loadGpuFixture("h100-80gb-hbm3_590.48.01_nvidia-smi-q_idle.txt"),
        },
      }),
    );
    expect(text.source).toBe("text");
  });

  it("stops at a timeout: a hung nvidia-smi would hang again", async () => {
    const probes = fakeProbes({ "smi-query-csv": { exitCode: null, timedOut: true } });
    const collected = await collectGpus(probes);
    expect(collected).toMatchObject({ source: null, gpus: [] });
    expect(probes.asked).toHaveLength(1);
  });

  it("[Unknown Error] is an error, [Insufficient Permissions] and [Not Supported] are null", async () => {
    const csv =
      "index, name, power.draw [W], temperature.gpu, fan.speed [%]\n0, NVIDIA GB10, [Unknown Error], [Insufficient Permissions], [Not Supported]\n";
    const { gpus } = await collectGpus(fakeProbes({ "smi-query-csv": { stdout: csv } }));
    expect(gpus[0]).toMatchObject({ powerDrawW: null, temperatureC: null, fanPercent: null });
    expect(gpus[0]?.errors).toEqual(["powerDrawW"]);
    expect(gpus[0]?.unsupported).toEqual(expect.arrayContaining(["temperatureC", "fanPercent"]));
  });
});
