import type { RunFacts } from "./check-types.js";

/**
 * DGX Spark's GB10 shares one memory between CPU and GPU: nvidia-smi reports its memory fields
 * as N/A, the memory is read from /proc/meminfo instead, and NVIDIA does not support DCGM there.
 */
export function hasUnifiedMemory(facts: Pick<RunFacts, "gpus" | "listedGpus">): boolean {
  const names = [...facts.listedGpus.map((gpu) => gpu.name), ...facts.gpus.map((gpu) => gpu.name)];
  return names.some((name) => /\bGB10\b/.test(name));
}
