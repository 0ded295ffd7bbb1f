import { parseProcDriverVersion } from "../parse/parse-proc-driver-version.js";
import { PROBES } from "../probes/probe-catalog.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";
import { labelled, say, type CheckDefinition } from "./check-types.js";

const RUNBOOK = "docs/runbooks/driver-library-mismatch.md#kernel-module-not-loaded";

/** 1. The NVIDIA kernel module is loaded: `/proc/driver/nvidia/version` exists and names it. */
export const kernelModuleCheck: CheckDefinition = {
  id: "kernel-module",
  dependsOn: [],
  async run({ probes }) {
    const result = await probes.run(PROBES.procDriverVersion);
    const evidence = [toEvidence(result)];
    const expected = say("geladen", "loaded");
    if (result.exitCode !== 0)
      return {
        status: "fail",
        observed: labelled(false, null, say("geladen", "loaded")),
        expected,
        message: say(
          "Das NVIDIA-Kernelmodul ist nicht geladen (/proc/driver/nvidia/version fehlt).",
          "The NVIDIA kernel module is not loaded (/proc/driver/nvidia/version is missing).",
        ),
        remediation: remedy("INSTALL_DRIVER", RUNBOOK),
        evidence,
      };
    const module = parseProcDriverVersion(result.stdout);
    if (module === null)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say(
          "/proc/driver/nvidia/version ist vorhanden, nennt aber keine Treiberversion.",
          "/proc/driver/nvidia/version exists but names no driver version.",
        ),
        remediation: null,
        evidence,
      };
    const flavor = module.flavor === "open" ? "open" : "proprietär";
    return {
      status: "pass",
      observed: labelled(
        module.version,
        null,
        say(`Kernelmodul (${module.flavor})`, `kernel module (${module.flavor})`),
      ),
      expected,
      message: say(
        `NVIDIA-Kernelmodul ${module.version} (${flavor}) ist geladen.`,
        `NVIDIA kernel module ${module.version} (${module.flavor}) is loaded.`,
      ),
      remediation: null,
      evidence,
    };
  },
};
