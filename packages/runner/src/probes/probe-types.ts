/**
 * A probe is one raw observation of the machine: a command, a file read or an HTTP request.
 * Checks ask a {@link ProbeSource} for probes by key, so the same checks run against the live
 * machine, a machine being recorded, or a recording (`check --from DIR`).
 */

/** Every probe the runner knows; the key names its files in a recording. */
export const PROBE_KEYS = [
  "proc-driver-version",
  "smi-list",
  "smi-version",
  "smi-table",
  "smi-query-csv",
  "smi-help-query-gpu",
  "smi-query-csv-supported",
  "smi-query-csv-minimal",
  "smi-query-xml",
  "smi-query-text",
  "meminfo",
  "pressure-memory",
  "journalctl-kernel",
  "dmesg",
  "nvidia-ctk-version",
  "container-cli-info",
  "docker-info",
  "docker-smoke",
  "dcgmi-diag",
  "timedatectl",
  "chronyc-tracking",
  "df",
  "os-release",
  "dgx-release",
  "uname-machine",
  "kernel-release",
  "hostname",
  "dmi-product-name",
  "device-tree-model",
  "endpoint-ping",
] as const;
export type ProbeKey = (typeof PROBE_KEYS)[number];

export type ProbeSpec =
  | { kind: "command"; key: ProbeKey; argv: readonly string[]; timeoutMs: number }
  | { kind: "file"; key: ProbeKey; path: string }
  | { kind: "http"; key: ProbeKey; url: string; timeoutMs: number };

export interface ProbeResult {
  key: ProbeKey;
  /** For people: the argv joined by spaces, `read <path>` or `GET <url>`. */
  command: string;
  /** Exit code (HTTP: 0 when a response came back); null when killed or never started. */
  exitCode: number | null;
  durationMs: number;
  /** Killed at its timeout, together with its whole process group. */
  timedOut: boolean;
  /** The binary or file does not exist (or the recording does not hold this probe). */
  missing: boolean;
  stdout: string;
  stderr: string;
}

export interface ProbeSource {
  run(spec: ProbeSpec): Promise<ProbeResult>;
}

/** True when the probe ran to completion with exit code 0. */
export function succeeded(result: ProbeResult): boolean {
  return !result.missing && !result.timedOut && result.exitCode === 0;
}

/** How a spec is shown to people and in evidence. */
export function describeSpec(spec: ProbeSpec): string {
  switch (spec.kind) {
    case "command":
      return spec.argv.join(" ");
    case "file":
      return `read ${spec.path}`;
    case "http":
      return `GET ${spec.url}`;
  }
}
