import { describe, expect, it } from "@jest/globals";
import { parseGpusFromCsv } from "../src/gpu/parse-gpus.js";
import { QUERY_FIELDS } from "../src/gpu/kpi-fields.js";
import { parseSmiCsv } from "../src/parse/parse-smi-csv.js";
import { parseRejectedField, parseSmiHelpQuery } from "../src/parse/parse-smi-help-query.js";
import { parseSmiList } from "../src/parse/parse-smi-list.js";
import { parseSmiVersions } from "../src/parse/parse-smi-version.js";
import { loadCaptureSection, loadGpuFixture } from "./gpu-fixtures.js";

const H100 = "nvidia_gpu_exporter__h100-80gb-hbm3__590.48.01__full-capture.txt";
const MIG = "nvidia_gpu_exporter__h100-mig__590.48.01__full-capture.txt";

describe("parseSmiVersions", () => {
  it("reads nvidia-smi --version", () => {
    expect(parseSmiVersions(loadCaptureSection(H100, "capabilities :: version"))).toEqual({
      driver: "590.48.01",
      cuda: "13.1",
    });
  });

  it.each([
    ["gb10_580.126.09_nvidia-smi-table.txt", "580.126.09", "13.0"],
    ["gb10_580.95.05_nvidia-smi-table_partial.txt", "580.95.05", "13.0"],
    ["h100-80gb-hbm3_590.48.01_nvidia-smi-table_load.txt", "590.48.01", "13.1"],
    ["h100-sxm-x8_565.57.01_nvidia-smi-table.txt", "565.57.01", "12.7"],
  ] as const)("reads the header of the default table %s", (fixture, driver, cuda) => {
    expect(parseSmiVersions(loadGpuFixture(fixture))).toEqual({ driver, cuda });
  });

  it("says null when there is no version", () => {
    expect(parseSmiVersions("Failed to initialize NVML: Unknown Error")).toEqual({
      driver: null,
      cuda: null,
    });
  });
});

describe("parseSmiList", () => {
  it("reads nvidia-smi -L", () => {
    expect(parseSmiList(loadCaptureSection(H100, "capabilities :: list (-L)"))).toEqual([
      {
        index: 0,
        name: "NVIDIA H100 80GB HBM3",
        uuid: "GPU-00000000-0000-0000-0000-000000000000",
        migDevices: 0,
      },
    ]);
  });

  it("counts MIG devices under their GPU instead of as GPUs", () => {
    const gpus = parseSmiList(loadCaptureSection(MIG, "capabilities :: list (-L)"));
    expect(gpus).toHaveLength(1);
    expect(gpus[0]?.migDevices).toBe(4);
  });
});

describe("parseSmiCsv", () => {
  it.each([
    "h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv",
    "h100-80gb-hbm3_590.48.01_query-gpu-allfields_load.csv",
  ] as const)("maps every column of %s by name, units stripped from the header", (fixture) => {
    const csv = parseSmiCsv(loadGpuFixture(fixture));
    expect(csv?.columns).toHaveLength(212);
    expect(csv?.columns).toContain("memory.total");
    expect(csv?.rows).toHaveLength(1);
    expect(csv?.rows[0]?.["memory.total"]).toBe("81559 MiB");
  });

  it("reads the per-process and retired-pages queries too", () => {
    expect(
      parseSmiCsv(loadGpuFixture("h100-80gb-hbm3_590.48.01_query-compute-apps_load.csv"))?.rows.map(
        (row) => row.used_gpu_memory,
      ),
    ).toEqual(["2566 MiB", "1542 MiB", "15690 MiB"]);
    const pages = parseSmiCsv(loadGpuFixture("h100-80gb-hbm3_590.48.01_query-retired-pages.csv"));
    expect(pages?.rows.map((row) => row["retired_pages.cause"])).toEqual([
      "Single Bit ECC",
      "Double Bit ECC",
    ]);
  });

  it("rejects a row whose cell count does not match the header instead of shifting columns", () => {
    expect(parseSmiCsv("index, name\n0, NVIDIA, GB10\n")).toBeNull();
  });
});

describe("GPU KPIs from the CSV query", () => {
  it("H100 idle: numbers without units, booleans from Active/Enabled/Yes", () => {
    const [gpu] = parseGpusFromCsv(
      parseSmiCsv(loadGpuFixture("h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv"))!,
    );
    expect(gpu).toMatchObject({
      index: 0,
      name: "NVIDIA H100 80GB HBM3",
      busId: "00000000:00:09.0",
      memoryTotalMiB: 81559,
      memoryUsedMiB: 0,
      temperatureC: 41,
      temperatureLimitMarginC: 46,
      powerDrawW: 69.85,
      powerLimitW: 700,
      persistenceMode: true,
      eccMode: true,
      eccUncorrectedVolatile: 0,
      remappedRowsPending: false,
      remappedRowsFailure: false,
      hwThermalSlowdown: false,
      recoveryAction: "None",
      computeCapability: "9.0",
      migMode: false,
    });
    // [N/A] is null and named, never 0.
    expect(gpu?.fanPercent).toBeNull();
    expect(gpu?.retiredPagesPending).toBeNull();
    expect(gpu?.unsupported).toEqual(["fanPercent", "retiredPagesPending"]);
    expect(gpu?.errors).toEqual([]);
  });

  it("H100 under load: the load shows", () => {
    const [gpu] = parseGpusFromCsv(
      parseSmiCsv(loadGpuFixture("h100-80gb-hbm3_590.48.01_query-gpu-allfields_load.csv"))!,
    );
    expect(gpu?.utilizationGpuPercent).toBe(100);
    expect(gpu?.powerDrawW).toBeGreaterThan(500);
  });

  it("GB10: memory fields are null and unsupported, not 0", () => {
    const [gpu] = parseGpusFromCsv(
      parseSmiCsv(loadGpuFixture("gb10_query-gpu_index-name-memory.csv"))!,
    );
    expect(gpu?.name).toBe("NVIDIA GB10");
    expect(gpu?.memoryTotalMiB).toBeNull();
    expect(gpu?.memoryFreeMiB).toBeNull();
    expect(gpu?.unsupported).toContain("memoryTotalMiB");
    expect(gpu?.unsupported).toContain("memoryFreeMiB");
  });
});

describe("--help-query-gpu", () => {
  it("lists every field the driver accepts, aliases included", () => {
    const fields = parseSmiHelpQuery(loadGpuFixture("h100-80gb-hbm3_590.48.01_help-query-gpu.txt"));
    expect(fields.has("gpu_name")).toBe(true);
    expect(fields.has("temperature.gpu.tlimit")).toBe(true);
    // Every field the runner asks for exists on driver 590.
    expect(QUERY_FIELDS.filter((field) => !fields.has(field))).toEqual([]);
  });

  it("names the field a driver rejects", () => {
    expect(parseRejectedField('Field "gpu_recovery_action" is not a valid field to query.\n')).toBe(
      "gpu_recovery_action",
    );
    expect(parseRejectedField("all good")).toBeNull();
  });
});
