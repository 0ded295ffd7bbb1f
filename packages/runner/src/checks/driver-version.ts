import { parseSmiVersions, type SmiVersions } from "../parse/parse-smi-version.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded, type ProbeResult } from "../probes/probe-types.js";
import { labelled, say, type CheckDefinition } from "./check-types.js";
import { compareVersions } from "./compare-versions.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";

/**
 * 3. Driver and CUDA versions against the minimums (DGX Spark: driver 580, CUDA 13.0). Reads
 * `nvidia-smi --version`, or the header of the default table on drivers without `--version`.
 */
export const driverVersionCheck: CheckDefinition = {
  id: "driver-version",
  dependsOn: ["nvml"],
  async run({ probes, options }) {
    const asked: ProbeResult[] = [];
    let versions: SmiVersions = { driver: null, cuda: null };
    for (const spec of [PROBES.smiVersion, PROBES.smiTable]) {
      const result = await probes.run(spec);
      asked.push(result);
      if (succeeded(result)) versions = parseSmiVersions(result.stdout);
      if (versions.driver !== null) break;
    }
    const evidence = asked.map((result) => toEvidence(result));
    const expected = say(
      `Treiber >= ${options.minDriver}, CUDA >= ${options.minCuda}`,
      `driver >= ${options.minDriver}, CUDA >= ${options.minCuda}`,
    );
    const { driver, cuda } = versions;
    if (driver === null)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say(
          "nvidia-smi nennt keine Treiberversion.",
          "nvidia-smi does not state a driver version.",
        ),
        remediation: null,
        evidence,
      };
    const observed = labelled(
      driver,
      null,
      say(`Treiber (CUDA ${cuda ?? "?"})`, `driver (CUDA ${cuda ?? "?"})`),
    );
    const facts = { driver, cuda };
    const tooOld: string[] = [];
    if (compareVersions(driver, options.minDriver) < 0)
      tooOld.push(`driver ${driver} < ${options.minDriver}`);
    if (cuda !== null && compareVersions(cuda, options.minCuda) < 0)
      tooOld.push(`CUDA ${cuda} < ${options.minCuda}`);
    if (tooOld.length > 0)
      return {
        status: "fail",
        observed,
        expected,
        message: say(`Zu alt: ${tooOld.join(", ")}.`, `Too old: ${tooOld.join(", ")}.`),
        remediation: remedy("INSTALL_DRIVER"),
        evidence,
        facts,
      };
    if (cuda === null)
      return {
        status: "warn",
        observed,
        expected,
        message: say(
          `Treiber ${driver}; die CUDA-Version nennt nvidia-smi nicht.`,
          `Driver ${driver}; nvidia-smi does not state the CUDA version.`,
        ),
        remediation: remedy("INSTALL_DRIVER"),
        evidence,
        facts,
      };
    return {
      status: "pass",
      observed,
      expected,
      message: say(`Treiber ${driver}, CUDA ${cuda}.`, `Driver ${driver}, CUDA ${cuda}.`),
      remediation: null,
      evidence,
      facts,
    };
  },
};
