import { collectGpus } from "../gpu/collect-gpus.js";
import { countGpus, labelled, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";

const SOURCE_NAMES = {
  csv: "--query-gpu",
  "csv-supported": "--query-gpu (reduced to the fields this driver knows)",
  "csv-minimal": "--query-gpu (minimal fields)",
  xml: "nvidia-smi -q -x",
  text: "nvidia-smi -q",
} as const;

/**
 * 5. GPU KPIs from one `--query-gpu` CSV query (with fallbacks, see collect-gpus.ts). Values
 * the driver does not report are null, never 0; `[Unknown Error]` is a warning.
 */
export const gpuKpisCheck: CheckDefinition = {
  id: "gpu-kpis",
  dependsOn: ["nvml"],
  async run({ probes, facts }) {
    const collected = await collectGpus(probes);
    const evidence = collected.probes.slice(-3).map((result) => toEvidence(result));
    const expected = say("Kennzahlen jeder gelisteten GPU", "KPIs for every listed GPU");
    const { gpus, source } = collected;
    if (source === null) {
      const timedOut = collected.probes.some((result) => result.timedOut);
      return {
        status: timedOut ? "fail" : "unknown",
        observed: null,
        expected,
        message: timedOut
          ? say(
              "nvidia-smi hängt bei der KPI-Abfrage und wurde beendet.",
              "nvidia-smi hung while querying KPIs and was killed.",
            )
          : say(
              "nvidia-smi lieferte keine lesbaren KPIs (weder CSV noch -q -x noch -q).",
              "nvidia-smi returned no readable KPIs (neither CSV nor -q -x nor -q).",
            ),
        remediation: timedOut ? remedy("REBOOT_SYSTEM") : null,
        evidence,
      };
    }
    const observed = labelled(
      gpus.length,
      "GPU",
      say(`Kennzahlen über ${SOURCE_NAMES[source]}`, `KPIs via ${SOURCE_NAMES[source]}`),
    );
    const withErrors = gpus.filter((gpu) => gpu.errors.length > 0);
    if (withErrors.length > 0) {
      const list = withErrors.map((gpu) => `GPU ${gpu.index}: ${gpu.errors.join(", ")}`).join("; ");
      return {
        status: "warn",
        observed,
        expected,
        message: say(
          `nvidia-smi meldet [Unknown Error] für ${list}.`,
          `nvidia-smi reports [Unknown Error] for ${list}.`,
        ),
        remediation: remedy("RESET_GPU"),
        evidence,
        facts: { gpus },
      };
    }
    const listed = facts.listedGpus.length;
    if (listed > 0 && gpus.length !== listed)
      return {
        status: "warn",
        observed,
        expected,
        message: say(
          `KPIs für ${countGpus(gpus.length)}, aber nvidia-smi -L listet ${listed}.`,
          `KPIs for ${countGpus(gpus.length)}, but nvidia-smi -L lists ${listed}.`,
        ),
        remediation: remedy("RESET_GPU"),
        evidence,
        facts: { gpus },
      };
    const unsupported = [...new Set(gpus.flatMap((gpu) => gpu.unsupported))];
    // The full list is in each GPU's `unsupported`; the message names a few.
    const shown =
      unsupported.slice(0, 5).join(", ") +
      (unsupported.length > 5 ? ` … (+${unsupported.length - 5})` : "");
    const noteDe = unsupported.length > 0 ? ` Nicht gemeldet: ${shown}.` : "";
    const noteEn = unsupported.length > 0 ? ` Not reported: ${shown}.` : "";
    return {
      status: "pass",
      observed,
      expected,
      message: say(
        `KPIs für ${countGpus(gpus.length)} gelesen.${noteDe}`,
        `Read KPIs for ${countGpus(gpus.length)}.${noteEn}`,
      ),
      remediation: null,
      evidence,
      facts: { gpus },
    };
  },
};
