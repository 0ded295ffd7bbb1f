import { labelled, say, type CheckDefinition } from "./check-types.js";
import { remedy } from "./remediation.js";

const SUPPORTED_ARCHES = ["aarch64", "arm64", "x86_64", "amd64"];

/**
 * 13. OS, architecture, kernel and DGX release (read before the checks, see collect-host.ts).
 * Nova's install script targets DGX OS and Ubuntu 24.04 on arm64 and amd64; anything else
 * warns, because the script and this runner were not tried there.
 */
export const hostInfoCheck: CheckDefinition = {
  id: "host-info",
  dependsOn: [],
  run({ facts }) {
    const { host } = facts;
    const expected = say(
      "DGX OS oder Ubuntu 24.04, aarch64 oder x86_64",
      "DGX OS or Ubuntu 24.04, aarch64 or x86_64",
    );
    const summary = [
      host.dgxRelease,
      host.os,
      host.kernel && `kernel ${host.kernel}`,
      host.arch,
      host.model,
    ]
      .filter((part): part is string => typeof part === "string" && part !== "")
      .join(", ");
    const observed = labelled(
      host.dgxRelease ?? host.os,
      null,
      say("Betriebssystem", "operating system"),
    );
    const supportedOs = host.dgxRelease !== null || /\bUbuntu 24\.04\b/.test(host.os ?? "");
    const supportedArch = host.arch !== null && SUPPORTED_ARCHES.includes(host.arch);
    if (host.os === null && host.arch === null)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say(
          "Betriebssystem und Architektur sind unbekannt.",
          "Operating system and architecture are unknown.",
        ),
        remediation: null,
        evidence: [],
      };
    if (!supportedOs || !supportedArch)
      return {
        status: "warn",
        observed,
        expected,
        message: say(
          `${summary}: nicht die Zielplattform des Installationsskripts (DGX OS / Ubuntu 24.04).`,
          `${summary}: not the install script's target platform (DGX OS / Ubuntu 24.04).`,
        ),
        remediation: remedy(
          "FIX_CONFIG",
          "docs/runbooks/driver-library-mismatch.md#supported-platforms",
        ),
        evidence: [],
      };
    return {
      status: "pass",
      observed,
      expected,
      message: say(summary, summary),
      remediation: null,
      evidence: [],
    };
  },
};
