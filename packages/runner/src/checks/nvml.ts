import { parseSmiList } from "../parse/parse-smi-list.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded } from "../probes/probe-types.js";
import { countGpus, labelled, say, type CheckDefinition } from "./check-types.js";
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
    const expected = say("nvidia-smi -L listet die GPUs", "nvidia-smi -L lists the GPUs");
    const listed = succeeded(result) ? parseSmiList(result.stdout) : [];
    if (!succeeded(result)) {
      const failure = explainSmiFailure(result);
      return {
        status: "fail",
        observed: result.timedOut
          ? labelled(true, null, say("Zeitüberschreitung", "timed out"))
          : labelled(result.exitCode, null, say("Exit-Code", "exit code")),
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
