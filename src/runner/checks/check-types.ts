import type { ListedGpu } from "../parse/parse-smi-list.js";
import type { ProbeSource } from "../probes/probe-types.js";
import type { CheckStatus, Evidence, Gpu, Host, Observed, Remediation } from "../report-schema.js";

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
  expected: string | null;
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
