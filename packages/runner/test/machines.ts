import { loadCaptureSection, loadGpuFixture, loadSynthetic } from "./gpu-fixtures.js";
import type { Recording } from "./write-recording.js";

const H100_CAPTURE = "nvidia_gpu_exporter__h100-80gb-hbm3__590.48.01__full-capture.txt";

/** What every healthy machine in these tests shares: host, time, disk, Docker and toolkit. */
function healthyHost(arch: "aarch64" | "x86_64"): Recording {
  return {
    "os-release": { stdout: loadSynthetic("os-release_dgx-os-7.txt") },
    "uname-machine": { stdout: `${arch}\n` },
    "kernel-release": { stdout: "6.11.0-1016-nvidia\n" },
    hostname: { stdout: "nova-host\n" },
    "journalctl-kernel": {
      stdout: loadSynthetic("journalctl-kernel_xid79.txt").split("\n").slice(0, 2).join("\n"),
    },
    "nvidia-ctk-version": { stdout: loadSynthetic("nvidia-ctk-version.txt") },
    "docker-info": { stdout: loadSynthetic("docker-info.json") },
    timedatectl: { stdout: loadSynthetic("timedatectl-show.txt") },
    "chronyc-tracking": { stdout: loadSynthetic("chronyc-tracking.txt") },
    df: { stdout: loadSynthetic("df.txt") },
  };
}

/**
 * A DGX Spark: the real GB10 outputs (default table, the 4-field CSV with memory [N/A]) with
 * synthetic /proc files around them.
 */
export function dgxSpark(): Recording {
  return {
    ...healthyHost("aarch64"),
    "dgx-release": { stdout: loadSynthetic("dgx-release_spark.txt") },
    "proc-driver-version": { stdout: loadSynthetic("proc-driver-version_gb10.txt") },
    "smi-list": { stdout: loadSynthetic("smi-list_gb10.txt") },
    "smi-table": { stdout: loadGpuFixture("gb10_580.126.09_nvidia-smi-table.txt") },
    "smi-query-csv": { stdout: loadGpuFixture("gb10_query-gpu_index-name-memory.csv") },
    meminfo: { stdout: loadSynthetic("meminfo_gb10.txt") },
    "pressure-memory": { stdout: loadSynthetic("pressure-memory_gb10.txt") },
  };
}

/** The single H100 of the nvidia_gpu_exporter capture, idle, with DCGM installed. */
export function singleH100(): Recording {
  return {
    ...healthyHost("x86_64"),
    "proc-driver-version": { stdout: loadSynthetic("proc-driver-version_h100.txt") },
    "smi-list": { stdout: loadCaptureSection(H100_CAPTURE, "capabilities :: list (-L)") },
    "smi-version": { stdout: loadCaptureSection(H100_CAPTURE, "capabilities :: version") },
    "smi-query-csv": {
      stdout: loadGpuFixture("h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv"),
    },
    "dcgmi-diag": { stdout: loadSynthetic("dcgmi-diag.json") },
  };
}

/**
 * The 8× H100 (HGX) machine: only its default table and `nvidia-smi -a` exist, so the KPIs come
 * from the `-q` text fallback (the CSV and XML probes are not in the recording).
 */
export function eightH100(): Recording {
  return {
    ...healthyHost("x86_64"),
    "proc-driver-version": { stdout: loadSynthetic("proc-driver-version_h100-x8.txt") },
    "smi-list": { stdout: loadSynthetic("smi-list_h100-x8.txt") },
    "smi-table": { stdout: loadGpuFixture("h100-sxm-x8_565.57.01_nvidia-smi-table.txt") },
    "smi-query-text": { stdout: loadGpuFixture("h100-sxm-x8_565.57.01_nvidia-smi-a.txt") },
  };
}

/** A DGX Spark whose GPU fell off the bus: XID 79 in the kernel log, nvidia-smi exits 15. */
export function sparkAfterXid79(): Recording {
  return {
    ...dgxSpark(),
    "journalctl-kernel": { stdout: loadSynthetic("journalctl-kernel_xid79.txt") },
    "smi-list": {
      stdout: "Unable to determine the device handle for GPU0000:01:00.0: Unknown Error\n",
      exitCode: 15,
    },
  };
}
