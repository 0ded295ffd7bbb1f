import { parseSmiList } from "../parse/parse-smi-list.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded } from "../probes/probe-types.js";
import { countGpus, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { explainSmiFailure } from "./explain-smi-failure.js";
import { remedy } from "./remediation.js";

/** 2. NVML answers: `nvidia-smi -L` runs and lists at least one GPU. */
export const nvmlCheck: CheckDefinition = {
  id: "nvml",
  dependsOn: ["kernel-module"],
  async run({ probes }) {
    const result = await probes.run(PROBES.smiList);
    const evidence = [toEvidence(result)];
    const expected = "nvidia-smi -L lists the GPUs";
    const listed = succeeded(result) ? parseSmiList(result.stdout) : [];
    if (!succeeded(result)) {
      const failure = explainSmiFailure(result);
      return {
        status: "fail",
        observed: {
          value: result.timedOut ? "timeout" : result.exitCode,
          unit: null,
          label: "exit code",
        },
        expected,
        message: failure.message,
        remediation: failure.remediation,
        evidence,
      };
    }
    if (listed.length === 0)
      return {
        status: "fail",
        observed: { value: 0, unit: "GPU" },
        expected,
        message: say("NVML antwortet, sieht aber keine GPU.", "NVML answers but sees no GPU."),
        remediation: remedy("REBOOT_SYSTEM"),
        evidence,
      };
    return {
      status: "pass",
      observed: { value: listed.length, unit: "GPU" },
      expected,
      message: say(
        `NVML antwortet und sieht ${countGpus(listed.length)}.`,
        `NVML answers and sees ${countGpus(listed.length)}.`,
      ),
      remediation: null,
      evidence,
      facts: { listedGpus: listed },
    };
  },
};
