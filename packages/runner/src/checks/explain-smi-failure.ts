import { parseSmiList } from "../parse/parse-smi-list.js";
import type { ProbeResult } from "../probes/probe-types.js";
import type { Remediation } from "@nova/protocol";
import { say, type LocalizedText } from "./check-types.js";
import { remedy } from "./remediation.js";

export interface SmiFailure {
  message: LocalizedText;
  remediation: Remediation;
}

const OFF_THE_BUS_RUNBOOK = "docs/runbooks/xid-errors.md#xid-79-gpu-has-fallen-off-the-bus";
const MISMATCH_RUNBOOK = "docs/runbooks/driver-library-mismatch.md#driverlibrary-version-mismatch";

/**
 * Why `nvidia-smi` failed, from its output and exit code (nvidia-smi(1), "RETURN VALUE"), in
 * words a person can act on.
 */
export function explainSmiFailure(result: ProbeResult): SmiFailure {
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.missing)
    return {
      message: say(
        "nvidia-smi ist nicht installiert: Der NVIDIA-Treiber fehlt.",
        "nvidia-smi is not installed: the NVIDIA driver is missing.",
      ),
      remediation: remedy("INSTALL_DRIVER"),
    };
  if (result.timedOut)
    return {
      message: say(
        `nvidia-smi hat nach ${Math.round(result.durationMs / 1000)} s nicht geantwortet und wurde beendet; die GPU hängt.`,
        `nvidia-smi did not answer within ${Math.round(result.durationMs / 1000)} s and was killed; the GPU is hung.`,
      ),
      remediation: remedy("REBOOT_SYSTEM"),
    };
  if (/Driver\/library version mismatch/i.test(output))
    return {
      message: say(
        "Treiber- und Bibliotheksversion passen nicht zusammen (Driver/library version mismatch): Nach einem Treiber-Update läuft noch das alte Kernelmodul.",
        "Driver/library version mismatch: after a driver update the old kernel module is still loaded.",
      ),
      remediation: remedy("REBOOT_SYSTEM", MISMATCH_RUNBOOK),
    };
  // "Unable to determine the device handle for GPU…: GPU is lost. Reboot the system to recover
  // this GPU" (exit code 255): the driver lost one GPU while the others may still be listed.
  if (/GPU is lost/i.test(output)) {
    const code = result.exitCode ?? "–";
    const listed = parseSmiList(result.stdout).length;
    const still =
      listed === 0
        ? { de: "", en: "" }
        : {
            de: ` ${listed === 1 ? "Eine GPU wird" : `${listed} GPUs werden`} noch gelistet.`,
            en: ` ${listed === 1 ? "One GPU is" : `${listed} GPUs are`} still listed.`,
          };
    return {
      message: say(
        `nvidia-smi: Der Treiber hat den Kontakt zu einer GPU verloren („GPU is lost“, Exit-Code ${code}); nur ein Neustart holt sie zurück.${still.de}`,
        `nvidia-smi: the driver has lost contact with a GPU ("GPU is lost", exit code ${code}); only a reboot recovers it.${still.en}`,
      ),
      remediation: remedy("REBOOT_SYSTEM", OFF_THE_BUS_RUNBOOK),
    };
  }
  switch (result.exitCode) {
    case 9:
      return {
        message: say(
          "nvidia-smi: Der NVIDIA-Treiber ist nicht geladen (Exit-Code 9).",
          "nvidia-smi: the NVIDIA driver is not loaded (exit code 9).",
        ),
        remediation: remedy(
          "INSTALL_DRIVER",
          "docs/runbooks/driver-library-mismatch.md#kernel-module-not-loaded",
        ),
      };
    case 12:
      return {
        message: say(
          "nvidia-smi: Die NVML-Bibliothek wurde nicht gefunden oder nicht geladen (Exit-Code 12).",
          "nvidia-smi: the NVML shared library could not be found or loaded (exit code 12).",
        ),
        remediation: remedy("INSTALL_DRIVER"),
      };
    case 14:
      return {
        message: say(
          "nvidia-smi: Das InfoROM der GPU ist beschädigt (Exit-Code 14).",
          "nvidia-smi: the GPU's infoROM is corrupted (exit code 14).",
        ),
        remediation: remedy("CONTACT_SUPPORT"),
      };
    case 15:
      return {
        message: say(
          "nvidia-smi: Die GPU ist vom Bus gefallen oder nicht mehr erreichbar (Exit-Code 15).",
          "nvidia-smi: the GPU has fallen off the bus or has otherwise become inaccessible (exit code 15).",
        ),
        remediation: remedy("REBOOT_SYSTEM", OFF_THE_BUS_RUNBOOK),
      };
    case 4:
      return {
        message: say(
          "nvidia-smi: Keine Berechtigung (Exit-Code 4).",
          "nvidia-smi: insufficient permissions (exit code 4).",
        ),
        remediation: remedy("FIX_CONFIG"),
      };
    case 6:
      return {
        message: say(
          "nvidia-smi findet keine GPU (Exit-Code 6).",
          "nvidia-smi found no GPU (exit code 6).",
        ),
        remediation: remedy("REBOOT_SYSTEM"),
      };
    case 255:
      return {
        message: say(
          "nvidia-smi: Ein anderer oder interner Treiberfehler ist aufgetreten (Exit-Code 255); das Kernel-Log (XID) sagt meist mehr.",
          "nvidia-smi: another or an internal driver error occurred (exit code 255); the kernel log (XID) usually says more.",
        ),
        remediation: remedy("REBOOT_SYSTEM", "docs/runbooks/xid-errors.md#reading-the-kernel-log"),
      };
    default:
      return {
        message: say(
          `nvidia-smi ist fehlgeschlagen (Exit-Code ${result.exitCode ?? "–"}).`,
          `nvidia-smi failed (exit code ${result.exitCode ?? "–"}).`,
        ),
        remediation: remedy("REBOOT_SYSTEM"),
      };
  }
}
