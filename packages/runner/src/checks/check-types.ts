import type { ListedGpu } from "../parse/parse-smi-list.js";
import type { ProbeSource } from "../probes/probe-types.js";
import { say as sayText, type Language } from "../text/say.js";
import type { CheckStatus, Evidence, Gpu, Host, Observed, Remediation } from "@nova/protocol";

/** The ids of the checks, in the order they run (each after the checks it depends on). */
export const CHECK_IDS = [
  "kernel-module",
  "nvml",
  "driver-version",
  "gpu-inventory",
  "gpu-kpis",
  "thermal-power",
  "memory-health",
  "xid-errors",
  "container-runtime",
  "dcgm-diag",
  "time-sync",
  "disk-space",
  "host-info",
  "endpoint",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What `check` was asked to expect; defaults fit a DGX Spark. */
export interface CheckOptions {
  /** Number of GPUs `nvidia-smi -L` must list; null: at least one (exactly one on a GB10). */
  expectGpus: number | null;
  minDriver: string;
  minCuda: string;
  /** Image for the GPU container smoke test; null: no smoke test. */
  smokeImage: string | null;
  /** The Nova app's base URL, for the endpoint check; null: that check is skipped. */
  novaUrl: string | null;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  expectGpus: null,
  minDriver: "580",
  minCuda: "13.0",
  smokeImage: null,
  novaUrl: null,
};

/** What checks learn that later checks and the report need. */
export interface RunFacts {
  host: Host;
  driver: string | null;
  cuda: string | null;
  toolkit: string | null;
  dcgm: string | null;
  listedGpus: ListedGpu[];
  gpus: Gpu[];
}

export interface CheckContext {
  probes: ProbeSource;
  options: CheckOptions;
  facts: Readonly<RunFacts>;
  /** Statuses of the checks that ran before this one. */
  statuses: ReadonlyMap<CheckId, CheckStatus>;
}

export interface LocalizedText {
  de: string;
  en: string;
}

export interface CheckOutcome {
  status: CheckStatus;
  observed: Observed | null;
  /** The expectation in both languages; the report also carries its English text as `expected`. */
  expected: LocalizedText | null;
  message: LocalizedText;
  remediation: Remediation | null;
  evidence: Evidence[];
  facts?: Partial<RunFacts>;
}

export interface CheckDefinition {
  id: CheckId;
  dependsOn: readonly CheckId[];
  run(context: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

/** A message in both languages. */
export function say(de: string, en: string): LocalizedText {
  return { de, en };
}

/** "1 GPU", "8 GPUs": the same in German and English. */
export function countGpus(count: number): string {
  return `${count} GPU${count === 1 ? "" : "s"}`;
}

/**
 * A number the way each language writes it: at most two decimals, `121,7` in German, `121.7` in
 * English (the app formats observed values the same way, so one cell never mixes the two).
 */
export function formatDecimal(value: number, language: Language): string {
  return String(Math.round(value * 100) / 100).replace(".", sayText(language, "decimalMark"));
}

/** An observed value with its label in both languages (`label` keeps the English one). */
export function labelled(
  value: Observed["value"],
  unit: string | null,
  label: LocalizedText,
): Observed {
  return { value, unit, label: label.en, labelText: label };
}
