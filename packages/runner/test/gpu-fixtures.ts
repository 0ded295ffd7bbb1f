import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The real GPU outputs in `packages/runner/test/fixtures/gpu/real/` (provenance: its SOURCES.md), by name, so a
 * typo fails to compile (STYLE.md, typed fixture names). `synthetic/` beside it holds the few
 * inputs no public capture has (see packages/runner/test/fixtures/gpu/README.md).
 */
export const GPU_FIXTURES = [
  "gb10_580.126.09_nvidia-smi-table.txt",
  "gb10_580.142_nvidia-smi-q_fb-memory-excerpt.txt",
  "gb10_580.95.05_nvidia-smi-table_partial.txt",
  "gb10_query-gpu_index-name-memory.csv",
  "h100-80gb-hbm3_590.48.01_help-query-gpu.txt",
  "h100-80gb-hbm3_590.48.01_nvidia-smi-q_idle.txt",
  "h100-80gb-hbm3_590.48.01_nvidia-smi-table_load.txt",
  "h100-80gb-hbm3_590.48.01_query-compute-apps_load.csv",
  "h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv",
  "h100-80gb-hbm3_590.48.01_query-gpu-allfields_load.csv",
  "h100-80gb-hbm3_590.48.01_query-retired-pages.csv",
  "h100-sxm-x8_565.57.01_nvidia-smi-a.txt",
  "h100-sxm-x8_565.57.01_nvidia-smi-table.txt",
  "h100-sxm-x8_cuda12.7_deviceQuery.txt",
  "nvidia-container-cli-info_390.87_gtx1080maxq_excerpt.txt",
  "nvidia_gpu_exporter__h100-80gb-hbm3__590.48.01__full-capture.txt",
  "nvidia_gpu_exporter__h100-mig__590.48.01__full-capture.txt",
  "telegraf__a100-sxm4-80gb-mig_535.54.03_nvidia-smi-q-x_v12.xml",
  "telegraf__dual_a5000_590.44.01_nvidia-smi-q-x_v13.xml",
  "telegraf__rtx-pro-6000-maxq-blackwell_590.44.01_nvidia-smi-q-x_v13.xml",
  "xid-kmsg-lines_examples.txt",
] as const;
export type GpuFixture = (typeof GPU_FIXTURES)[number];

export const SYNTHETIC_FIXTURES = [
  "proc-driver-version_gb10.txt",
  "proc-driver-version_h100.txt",
  "proc-driver-version_h100-x8.txt",
  "smi-list_gb10.txt",
  "smi-list_h100-x8.txt",
  "smi-list_gpu-lost.txt",
  "meminfo_gb10.txt",
  "pressure-memory_gb10.txt",
  "os-release_dgx-os-7.txt",
  "dgx-release_spark.txt",
  "timedatectl-show.txt",
  "chronyc-tracking.txt",
  "df.txt",
  "docker-info.json",
  "nvidia-ctk-version.txt",
  "dcgmi-diag.json",
  "journalctl-kernel_xid79.txt",
] as const;
export type SyntheticFixture = (typeof SYNTHETIC_FIXTURES)[number];

const FIXTURES = new URL("fixtures/", import.meta.url);

/** A real nvidia-smi (or kernel, or toolkit) output, byte-exact. */
export function loadGpuFixture(name: GpuFixture): string {
  return readFileSync(fileURLToPath(new URL(`gpu/real/${name}`, FIXTURES)), "utf8");
}

/** A hand-made input for what no public capture covers; see packages/runner/test/fixtures/gpu/README.md. */
export function loadSynthetic(name: SyntheticFixture): string {
  return readFileSync(fileURLToPath(new URL(`gpu/synthetic/${name}`, FIXTURES)), "utf8");
}

/** A file of `packages/runner/test/fixtures/reference/` (provenance: its README.md). */
export function loadReference(
  name: "nvidia-xid-catalog.csv" | "dcgm-diag-json-schema.json",
): string {
  return readFileSync(fileURLToPath(new URL(`reference/${name}`, FIXTURES)), "utf8");
}

/**
 * One section of an nvidia_gpu_exporter capture: the text between the `# <title>` banner and the
 * next banner, with trailing blank lines trimmed (as SOURCES.md's section extracts are).
 */
export function loadCaptureSection(
  name:
    | "nvidia_gpu_exporter__h100-80gb-hbm3__590.48.01__full-capture.txt"
    | "nvidia_gpu_exporter__h100-mig__590.48.01__full-capture.txt",
  title: string,
): string {
  const lines = loadGpuFixture(name).split("\n");
  const banner = "#".repeat(80);
  const start = lines.findIndex((line, at) => line === `# ${title}` && lines[at - 1] === banner);
  if (start < 0) throw new Error(`${name}: no section "${title}"`);
  let body = start + 1;
  while (lines[body]?.startsWith("# ")) body += 1;
  body += 1; // the closing banner
  let end = body;
  while (end < lines.length && lines[end] !== banner) end += 1;
  return `${lines.slice(body, end).join("\n").replace(/\n+$/, "")}\n`;
}
