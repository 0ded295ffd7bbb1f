import { PROBES } from "../probes/probe-catalog.js";
import { countGpus, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";
import { hasUnifiedMemory } from "./unified-memory.js";

/**
 * 4. GPU inventory: the GPUs `nvidia-smi -L` lists against `--expect-gpus` (without it: at
 * least one, exactly one on a DGX Spark). The list comes from the NVML check's probe (the
 * probe source runs it once; asking again only fetches it for the evidence).
 */
export const gpuInventoryCheck: CheckDefinition = {
  id: "gpu-inventory",
  dependsOn: ["nvml"],
  async run({ options, facts, probes }) {
    const count = facts.listedGpus.length;
    const exact = options.expectGpus ?? (hasUnifiedMemory(facts) ? 1 : null);
    const expected =
      exact === null ? say(">= 1 GPU", ">= 1 GPU") : say(`${exact} GPU`, `${exact} GPU`);
    const names = [...new Set(facts.listedGpus.map((gpu) => gpu.name))].join(", ");
    const mig = facts.listedGpus.reduce((total, gpu) => total + gpu.migDevices, 0);
    const migNote = mig > 0 ? ` (+${mig} MIG)` : "";
    const observed = { value: count, unit: "GPU" };
    const base = { observed, expected, evidence: [toEvidence(await probes.run(PROBES.smiList))] };
    if (exact !== null && count < exact)
      return {
        ...base,
        status: "fail",
        message: say(
          `${count} von ${exact} erwarteten GPUs sichtbar: ${names || "keine"}.`,
          `${count} of ${exact} expected GPUs visible: ${names || "none"}.`,
        ),
        remediation: remedy("REBOOT_SYSTEM", "docs/runbooks/xid-errors.md#a-gpu-is-missing"),
      };
    if (exact !== null && count > exact)
      return {
        ...base,
        status: "warn",
        message: say(
          `${count} GPUs sichtbar, erwartet ${exact}: --expect-gpus anpassen?`,
          `${count} GPUs visible, ${exact} expected: adjust --expect-gpus?`,
        ),
        remediation: remedy("FIX_CONFIG", "docs/runbooks/xid-errors.md#a-gpu-is-missing"),
      };
    return {
      ...base,
      status: "pass",
      message: say(
        `${countGpus(count)} sichtbar: ${names}${migNote}.`,
        `${countGpus(count)} visible: ${names}${migNote}.`,
      ),
      remediation: null,
    };
  },
};
