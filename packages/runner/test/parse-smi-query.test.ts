import { describe, expect, it } from "@jest/globals";
import { parseGpusFromText, parseGpusFromXml } from "../src/gpu/parse-gpus.js";
import { parseSmiQueryText, selectTextPath } from "../src/parse/parse-smi-query-text.js";
import { parseXml, selectXmlPath } from "../src/parse/parse-xml.js";
import { loadCaptureSection, loadGpuFixture } from "./gpu-fixtures.js";

describe("nvidia-smi -q text", () => {
  it("H100: the tree, and KPIs read by path", () => {
    const parsed = parseSmiQueryText(
      loadGpuFixture("h100-80gb-hbm3_590.48.01_nvidia-smi-q_idle.txt"),
    );
    expect(parsed).toMatchObject({
      driverVersion: "590.48.01",
      cudaVersion: "13.1",
      attachedGpus: 1,
    });
    const [gpu] = parseGpusFromText(parsed);
    expect(gpu).toMatchObject({
      index: 0,
      name: "NVIDIA H100 80GB HBM3",
      busId: "00000000:00:09.0",
      memoryTotalMiB: 81559,
      temperatureC: 41,
      temperatureLimitMarginC: 46,
      powerDrawW: 69.85,
      eccUncorrectedVolatile: 0,
      remappedRowsPending: false,
      hwThermalSlowdown: false,
      hwPowerBrakeSlowdown: false,
      recoveryAction: "None",
    });
    expect(gpu?.fanPercent).toBeNull();
  });

  it("8× H100 (driver 565, `-a`): eight GPUs with their bus ids", () => {
    const parsed = parseSmiQueryText(loadGpuFixture("h100-sxm-x8_565.57.01_nvidia-smi-a.txt"));
    expect(parsed.attachedGpus).toBe(8);
    const gpus = parseGpusFromText(parsed);
    expect(gpus).toHaveLength(8);
    expect(gpus.map((gpu) => gpu.busId)).toEqual([
      "00000000:18:00.0",
      "00000000:2A:00.0",
      "00000000:3A:00.0",
      "00000000:5D:00.0",
      "00000000:9A:00.0",
      "00000000:AB:00.0",
      "00000000:BA:00.0",
      "00000000:DB:00.0",
    ]);
    // Driver 565 prints "Power Draw" where 590 prints "Average Power Draw".
    expect(gpus[0]?.powerDrawW).toBe(100.89);
    expect(gpus[0]?.temperatureLimitMarginC).toBe(57);
    expect(
      gpus.every((gpu) => gpu.temperatureLimitMarginC !== null && gpu.temperatureLimitMarginC > 5),
    ).toBe(true);
  });

  it("H100 with MIG: MIG mode read as a boolean", () => {
    const text = loadCaptureSection(
      "nvidia_gpu_exporter__h100-mig__590.48.01__full-capture.txt",
      "idle :: query (-q)",
    );
    const [gpu] = parseGpusFromText(parseSmiQueryText(text));
    expect(gpu?.migMode).toBe(true);
  });

  it("GB10 excerpt: FB memory N/A", () => {
    const parsed = parseSmiQueryText(
      loadGpuFixture("gb10_580.142_nvidia-smi-q_fb-memory-excerpt.txt"),
    );
    expect(selectTextPath(parsed.root, "FB Memory Usage/Total")).toBe("N/A");
    expect(parsed.gpus).toEqual([]);
  });
});

describe("nvidia-smi -q -x XML", () => {
  it("two RTX A5000 (DTD v13): two GPUs, no T.Limit, memory in use", () => {
    const log = parseXml(loadGpuFixture("telegraf__dual_a5000_590.44.01_nvidia-smi-q-x_v13.xml"));
    expect(log?.name).toBe("nvidia_smi_log");
    expect(selectXmlPath(log!, "driver_version")).toBe("590.44.01");
    const gpus = parseGpusFromXml(log!);
    expect(gpus.map((gpu) => [gpu.name, gpu.busId])).toEqual([
      ["NVIDIA RTX A5000", "00000000:81:00.0"],
      ["NVIDIA RTX A5000", "00000000:C1:00.0"],
    ]);
    expect(gpus[0]).toMatchObject({
      memoryTotalMiB: 24564,
      memoryUsedMiB: 22437,
      temperatureC: 13,
      fanPercent: 30,
    });
    expect(gpus[0]?.temperatureLimitMarginC).toBeNull();
    expect(gpus[0]?.unsupported).toContain("temperatureLimitMarginC");
    // ECC is N/A on this workstation board: null, never 0.
    expect(gpus[0]?.eccUncorrectedVolatile).toBeNull();
  });

  it("RTX PRO 6000 Blackwell: T.Limit margin and row remapping", () => {
    const [gpu] = parseGpusFromXml(
      parseXml(
        loadGpuFixture("telegraf__rtx-pro-6000-maxq-blackwell_590.44.01_nvidia-smi-q-x_v13.xml"),
      )!,
    );
    expect(gpu).toMatchObject({
      name: "NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition",
      temperatureLimitMarginC: 68,
      memoryTotalMiB: 97887,
      remappedRowsFailure: false,
      recoveryAction: "None",
    });
  });

  it("A100 with MIG (DTD v12): the GPU's memory, not a MIG device's; v12 power readings", () => {
    const [gpu] = parseGpusFromXml(
      parseXml(loadGpuFixture("telegraf__a100-sxm4-80gb-mig_535.54.03_nvidia-smi-q-x_v12.xml"))!,
    );
    expect(gpu?.name).toBe("NVIDIA A100-SXM4-80GB");
    expect(gpu?.memoryTotalMiB).toBe(81920);
    expect(gpu?.migMode).toBe(true);
    expect(gpu?.powerDrawW).not.toBeNull();
    // <remapped_rows>N/A</remapped_rows> has no children: unsupported, not false.
    expect(gpu?.remappedRowsFailure).toBeNull();
    expect(gpu?.eccUncorrectedVolatile).toBe(0);
  });

  it("refuses XML whose tags do not nest", () => {
    expect(parseXml("<a><b></a></b>")).toBeNull();
  });
});
