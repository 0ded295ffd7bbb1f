/**
 * Every probe the checks use, with its command and timeout. Timeouts are generous for a
 * healthy machine and short enough that a wedged GPU cannot stall a timer run for long.
 */
import type { ProbeKey, ProbeSpec } from "./probe-types.js";

const SMI_TIMEOUT_MS = 20_000;
const SHORT_TIMEOUT_MS = 10_000;

const command = (
  key: ProbeKey,
  argv: readonly string[],
  timeoutMs = SHORT_TIMEOUT_MS,
): ProbeSpec => ({
  kind: "command",
  key,
  argv,
  timeoutMs,
});
const file = (key: ProbeKey, path: string): ProbeSpec => ({ kind: "file", key, path });

export const PROBES = {
  procDriverVersion: file("proc-driver-version", "/proc/driver/nvidia/version"),
  smiList: command("smi-list", ["nvidia-smi", "-L"], SMI_TIMEOUT_MS),
  smiVersion: command("smi-version", ["nvidia-smi", "--version"], SMI_TIMEOUT_MS),
  smiTable: command("smi-table", ["nvidia-smi"], SMI_TIMEOUT_MS),
  smiHelpQueryGpu: command(
    "smi-help-query-gpu",
    ["nvidia-smi", "--help-query-gpu"],
    SMI_TIMEOUT_MS,
  ),
  smiQueryXml: command("smi-query-xml", ["nvidia-smi", "-q", "-x"], 30_000),
  smiQueryText: command("smi-query-text", ["nvidia-smi", "-q"], 30_000),
  meminfo: file("meminfo", "/proc/meminfo"),
  pressureMemory: file("pressure-memory", "/proc/pressure/memory"),
  // Without -q: when the user may not read the journal, journalctl says so in a hint, and the
  // XID check must not mistake "nothing visible" for "no XIDs".
  journalctlKernel: command(
    "journalctl-kernel",
    ["journalctl", "-k", "-b", "--no-pager", "-o", "short-iso"],
    30_000,
  ),
  dmesg: command("dmesg", ["dmesg"], SHORT_TIMEOUT_MS),
  nvidiaCtkVersion: command("nvidia-ctk-version", ["nvidia-ctk", "--version"]),
  containerCliInfo: command("container-cli-info", ["nvidia-container-cli", "info"], SMI_TIMEOUT_MS),
  dockerInfo: command("docker-info", ["docker", "info", "--format", "{{json .}}"], 30_000),
  dcgmiDiag: command("dcgmi-diag", ["dcgmi", "diag", "-r", "1", "-j"], 180_000),
  timedatectl: command("timedatectl", ["timedatectl", "show"]),
  chronycTracking: command("chronyc-tracking", ["chronyc", "tracking"]),
  df: command("df", ["df", "-P", "-k", "/", "/home", "/var/lib/docker"]),
  osRelease: file("os-release", "/etc/os-release"),
  dgxRelease: file("dgx-release", "/etc/dgx-release"),
  unameMachine: command("uname-machine", ["uname", "-m"]),
  kernelRelease: file("kernel-release", "/proc/sys/kernel/osrelease"),
  hostname: file("hostname", "/proc/sys/kernel/hostname"),
  dmiProductName: file("dmi-product-name", "/sys/devices/virtual/dmi/id/product_name"),
  deviceTreeModel: file("device-tree-model", "/proc/device-tree/model"),
} as const satisfies Record<string, ProbeSpec>;

/** `nvidia-smi --query-gpu=<fields> --format=csv`, under one of the three query keys. */
export function queryGpuProbe(
  key: "smi-query-csv" | "smi-query-csv-supported" | "smi-query-csv-minimal",
  fields: readonly string[],
): ProbeSpec {
  return command(
    key,
    ["nvidia-smi", `--query-gpu=${fields.join(",")}`, "--format=csv"],
    SMI_TIMEOUT_MS,
  );
}

/** The GPU container smoke test: the toolkit must hand the GPUs into a container. */
export function dockerSmokeProbe(image: string): ProbeSpec {
  // Pulling an image can take minutes on a first run.
  return command(
    "docker-smoke",
    ["docker", "run", "--rm", "--gpus", "all", image, "nvidia-smi", "-L"],
    600_000,
  );
}

/** Probot answers `GET /ping` with `PONG` before any Nova route: the app is up and reachable. */
export function endpointProbe(novaUrl: string): ProbeSpec {
  return {
    kind: "http",
    key: "endpoint-ping",
    url: `${novaUrl.replace(/\/+$/, "")}/ping`,
    timeoutMs: 10_000,
  };
}
