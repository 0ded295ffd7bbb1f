/**
 * Where each GPU KPI comes from in the three shapes nvidia-smi answers in: a `--query-gpu` CSV
 * column, a path in `nvidia-smi -q` text, a path in `nvidia-smi -q -x` XML. Paths are `/`-joined
 * section names below one GPU; a list holds alternatives (older drivers name things
 * differently), and `{ sum }` adds up parts the CSV reports as one total.
 */
import type { Gpu } from "@nova/protocol";

export type KpiName = Exclude<keyof Gpu, "index" | "name" | "unsupported" | "errors">;
export type KpiKind = "number" | "integer" | "boolean" | "text";
export type TreeSource = string | { sum: readonly string[] };

export interface KpiField {
  kpi: KpiName;
  kind: KpiKind;
  csv: string;
  text: readonly TreeSource[];
  xml: readonly TreeSource[];
}

const reasons = (name: string): readonly string[] => [
  `Clocks Event Reasons/${name}`,
  `Clocks Throttle Reasons/${name}`,
  `Clocks Event Reasons/HW Slowdown/${name}`,
  `Clocks Throttle Reasons/HW Slowdown/${name}`,
];
const xmlReasons = (tag: string): readonly string[] => [
  `clocks_event_reasons/clocks_event_reason_${tag}`,
  `clocks_throttle_reasons/clocks_throttle_reason_${tag}`,
];

export const KPI_FIELDS: readonly KpiField[] = [
  { kpi: "uuid", kind: "text", csv: "uuid", text: ["GPU UUID"], xml: ["uuid"] },
  { kpi: "busId", kind: "text", csv: "pci.bus_id", text: ["PCI/Bus Id"], xml: ["pci/pci_bus_id"] },
  {
    kpi: "memoryTotalMiB",
    kind: "number",
    csv: "memory.total",
    text: ["FB Memory Usage/Total"],
    xml: ["fb_memory_usage/total"],
  },
  {
    kpi: "memoryUsedMiB",
    kind: "number",
    csv: "memory.used",
    text: ["FB Memory Usage/Used"],
    xml: ["fb_memory_usage/used"],
  },
  {
    kpi: "memoryFreeMiB",
    kind: "number",
    csv: "memory.free",
    text: ["FB Memory Usage/Free"],
    xml: ["fb_memory_usage/free"],
  },
  {
    kpi: "utilizationGpuPercent",
    kind: "number",
    csv: "utilization.gpu",
    text: ["Utilization/GPU", "Utilization/Gpu"],
    xml: ["utilization/gpu_util"],
  },
  {
    kpi: "utilizationMemoryPercent",
    kind: "number",
    csv: "utilization.memory",
    text: ["Utilization/Memory"],
    xml: ["utilization/memory_util"],
  },
  {
    kpi: "temperatureC",
    kind: "number",
    csv: "temperature.gpu",
    text: ["Temperature/GPU Current Temp"],
    xml: ["temperature/gpu_temp"],
  },
  {
    kpi: "temperatureLimitMarginC",
    kind: "number",
    csv: "temperature.gpu.tlimit",
    text: ["Temperature/GPU T.Limit Temp"],
    xml: ["temperature/gpu_temp_tlimit"],
  },
  {
    kpi: "memoryTemperatureC",
    kind: "number",
    csv: "temperature.memory",
    text: ["Temperature/Memory Current Temp"],
    xml: ["temperature/memory_temp"],
  },
  {
    kpi: "powerDrawW",
    kind: "number",
    csv: "power.draw",
    text: [
      "GPU Power Readings/Average Power Draw",
      "GPU Power Readings/Power Draw",
      "Power Readings/Power Draw",
    ],
    xml: [
      "gpu_power_readings/average_power_draw",
      "gpu_power_readings/power_draw",
      "power_readings/power_draw",
    ],
  },
  {
    kpi: "powerLimitW",
    kind: "number",
    csv: "power.limit",
    text: ["GPU Power Readings/Current Power Limit", "Power Readings/Power Limit"],
    xml: ["gpu_power_readings/current_power_limit", "power_readings/power_limit"],
  },
  { kpi: "fanPercent", kind: "number", csv: "fan.speed", text: ["Fan Speed"], xml: ["fan_speed"] },
  {
    kpi: "performanceState",
    kind: "text",
    csv: "pstate",
    text: ["Performance State"],
    xml: ["performance_state"],
  },
  {
    kpi: "persistenceMode",
    kind: "boolean",
    csv: "persistence_mode",
    text: ["Persistence Mode"],
    xml: ["persistence_mode"],
  },
  // Neither -q nor -q -x prints the compute capability; only the CSV query has it.
  { kpi: "computeCapability", kind: "text", csv: "compute_cap", text: [], xml: [] },
  {
    kpi: "migMode",
    kind: "boolean",
    csv: "mig.mode.current",
    text: ["MIG Mode/Current"],
    xml: ["mig_mode/current_mig"],
  },
  {
    kpi: "eccMode",
    kind: "boolean",
    csv: "ecc.mode.current",
    text: ["ECC Mode/Current"],
    xml: ["ecc_mode/current_ecc"],
  },
  {
    kpi: "eccCorrectedVolatile",
    kind: "integer",
    csv: "ecc.errors.corrected.volatile.total",
    text: [
      { sum: ["ECC Errors/Volatile/SRAM Correctable", "ECC Errors/Volatile/DRAM Correctable"] },
    ],
    xml: [
      { sum: ["ecc_errors/volatile/sram_correctable", "ecc_errors/volatile/dram_correctable"] },
    ],
  },
  {
    kpi: "eccUncorrectedVolatile",
    kind: "integer",
    csv: "ecc.errors.uncorrected.volatile.total",
    text: [
      {
        sum: [
          "ECC Errors/Volatile/SRAM Uncorrectable",
          "ECC Errors/Volatile/SRAM Uncorrectable Parity",
          "ECC Errors/Volatile/SRAM Uncorrectable SEC-DED",
          "ECC Errors/Volatile/DRAM Uncorrectable",
        ],
      },
    ],
    xml: [
      {
        sum: [
          "ecc_errors/volatile/sram_uncorrectable",
          "ecc_errors/volatile/sram_uncorrectable_parity",
          "ecc_errors/volatile/sram_uncorrectable_secded",
          "ecc_errors/volatile/dram_uncorrectable",
        ],
      },
    ],
  },
  {
    kpi: "eccUncorrectedAggregate",
    kind: "integer",
    csv: "ecc.errors.uncorrected.aggregate.total",
    text: [
      {
        sum: [
          "ECC Errors/Aggregate/SRAM Uncorrectable",
          "ECC Errors/Aggregate/SRAM Uncorrectable Parity",
          "ECC Errors/Aggregate/SRAM Uncorrectable SEC-DED",
          "ECC Errors/Aggregate/DRAM Uncorrectable",
        ],
      },
    ],
    xml: [
      {
        sum: [
          "ecc_errors/aggregate/sram_uncorrectable",
          "ecc_errors/aggregate/sram_uncorrectable_parity",
          "ecc_errors/aggregate/sram_uncorrectable_secded",
          "ecc_errors/aggregate/dram_uncorrectable",
        ],
      },
    ],
  },
  {
    kpi: "retiredPagesPending",
    kind: "boolean",
    csv: "retired_pages.pending",
    text: ["Retired Pages/Pending Page Blacklist", "Retired Pages/Pending"],
    xml: ["retired_pages/pending_retirement", "retired_pages/pending_blacklist"],
  },
  {
    kpi: "remappedRowsCorrectable",
    kind: "integer",
    csv: "remapped_rows.correctable",
    text: ["Remapped Rows/Correctable Error"],
    xml: ["remapped_rows/remapped_row_corr"],
  },
  {
    kpi: "remappedRowsUncorrectable",
    kind: "integer",
    csv: "remapped_rows.uncorrectable",
    text: ["Remapped Rows/Uncorrectable Error"],
    xml: ["remapped_rows/remapped_row_unc"],
  },
  {
    kpi: "remappedRowsPending",
    kind: "boolean",
    csv: "remapped_rows.pending",
    text: ["Remapped Rows/Pending"],
    xml: ["remapped_rows/remapped_row_pending"],
  },
  {
    kpi: "remappedRowsFailure",
    kind: "boolean",
    csv: "remapped_rows.failure",
    text: ["Remapped Rows/Remapping Failure Occurred"],
    xml: ["remapped_rows/remapped_row_failure"],
  },
  {
    kpi: "hwSlowdown",
    kind: "boolean",
    csv: "clocks_event_reasons.hw_slowdown",
    text: reasons("HW Slowdown"),
    xml: xmlReasons("hw_slowdown"),
  },
  {
    kpi: "hwThermalSlowdown",
    kind: "boolean",
    csv: "clocks_event_reasons.hw_thermal_slowdown",
    text: reasons("HW Thermal Slowdown"),
    xml: xmlReasons("hw_thermal_slowdown"),
  },
  {
    kpi: "hwPowerBrakeSlowdown",
    kind: "boolean",
    csv: "clocks_event_reasons.hw_power_brake_slowdown",
    text: reasons("HW Power Brake Slowdown"),
    xml: xmlReasons("hw_power_brake_slowdown"),
  },
  {
    kpi: "swThermalSlowdown",
    kind: "boolean",
    csv: "clocks_event_reasons.sw_thermal_slowdown",
    text: reasons("SW Thermal Slowdown"),
    xml: xmlReasons("sw_thermal_slowdown"),
  },
  {
    kpi: "recoveryAction",
    kind: "text",
    csv: "gpu_recovery_action",
    text: ["GPU Recovery Action"],
    xml: ["gpu_recovery_action"],
  },
];

/** The CSV query: identity first, then every KPI column. */
export const QUERY_FIELDS: readonly string[] = [
  "index",
  "name",
  ...KPI_FIELDS.map((field) => field.csv),
];

/** What every driver since long before Nova's minimum answers, for the last CSV attempt. */
export const MINIMAL_QUERY_FIELDS: readonly string[] = [
  "index",
  "name",
  "uuid",
  "pci.bus_id",
  "memory.total",
  "memory.used",
  "temperature.gpu",
  "utilization.gpu",
  "power.draw",
];
