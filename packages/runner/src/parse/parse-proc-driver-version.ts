/**
 * `/proc/driver/nvidia/version`, present while the kernel module is loaded:
 * `NVRM version: NVIDIA UNIX Open Kernel Module for aarch64  580.95.05  Release Build  (…)`.
 */
export interface KernelModuleVersion {
  version: string;
  /** The open GPU kernel modules (required on Blackwell, GB10 included) or the proprietary one. */
  flavor: "open" | "proprietary";
}

export function parseProcDriverVersion(text: string): KernelModuleVersion | null {
  const line = text.split(/\r?\n/).find((candidate) => candidate.startsWith("NVRM version:"));
  if (line === undefined) return null;
  const version = /\s(\d{3,}\.\d+(?:\.\d+)?)\s/.exec(`${line} `)?.[1];
  if (version === undefined) return null;
  return { version, flavor: /Open Kernel Module/i.test(line) ? "open" : "proprietary" };
}
