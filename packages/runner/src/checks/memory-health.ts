import { parseMeminfo } from "../parse/parse-meminfo.js";
import { parsePressure } from "../parse/parse-pressure.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded } from "../probes/probe-types.js";
import type { Evidence, Observed } from "@nova/protocol";
import {
  formatDecimal,
  labelled,
  say,
  type CheckContext,
  type CheckDefinition,
  type CheckOutcome,
} from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { actionForRecovery } from "./recovery-action.js";
import { summarizeFindings, type Finding } from "./summarize-findings.js";
import { hasUnifiedMemory } from "./unified-memory.js";

/** Memory pressure (`full`, 60 s average) from which a GB10 is short of unified memory. */
export const PRESSURE_WARN_PERCENT = 10;

/**
 * 7. Memory health. Per GPU: uncorrected ECC errors since the driver loaded, a row-remapping
 * failure, or a recovery action other than None fail; a pending row remap or page retirement
 * warns (a GPU reset applies it). On DGX Spark (GB10) the GPU reports no memory of its own: the
 * unified memory comes from /proc/meminfo and its pressure from /proc/pressure/memory.
 */
export const memoryHealthCheck: CheckDefinition = {
  id: "memory-health",
  dependsOn: ["gpu-kpis"],
  async run(context) {
    const findings = gpuFindings(context);
    const unified = hasUnifiedMemory(context.facts) ? await readUnified(context) : null;
    if (unified !== null) findings.push(...unified.findings);
    const expected = unified
      ? say(
          `kein nicht korrigierbarer ECC-Fehler, kein Remapping-Fehler, Recovery Action None; Speicherdruck < ${formatDecimal(PRESSURE_WARN_PERCENT, "de")} %`,
          `no uncorrected ECC, no remap failure, recovery action None; memory pressure < ${formatDecimal(PRESSURE_WARN_PERCENT, "en")} %`,
        )
      : say(
          "kein nicht korrigierbarer ECC-Fehler, kein Remapping-Fehler, Recovery Action None",
          "no uncorrected ECC, no remap failure, recovery action None",
        );
    const observed: Observed | null = unified?.observed ?? observeEcc(context);
    const evidence: Evidence[] = unified?.evidence ?? [];
    return summarize(findings, { observed, expected, evidence }, unified !== null, context);
  },
};

function gpuFindings({ facts }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const gpu of facts.gpus) {
    const name = `GPU ${gpu.index}`;
    if ((gpu.eccUncorrectedVolatile ?? 0) > 0)
      findings.push({
        status: "fail",
        action: "RESET_GPU",
        runbook: "docs/runbooks/ecc-row-remapping.md#uncorrected-ecc-errors",
        de: `${name}: ${gpu.eccUncorrectedVolatile} nicht korrigierbare ECC-Fehler seit dem Laden des Treibers`,
        en: `${name}: ${gpu.eccUncorrectedVolatile} uncorrected ECC errors since the driver loaded`,
      });
    if (gpu.remappedRowsFailure === true)
      findings.push({
        status: "fail",
        action: "RMA",
        de: `${name}: Row Remapping ist fehlgeschlagen`,
        en: `${name}: row remapping failed`,
      });
    const recovery = actionForRecovery(gpu.recoveryAction);
    if (recovery !== null)
      findings.push({
        status: "fail",
        action: recovery,
        de: `${name}: Der Treiber verlangt „${gpu.recoveryAction}“`,
        en: `${name}: the driver asks for "${gpu.recoveryAction}"`,
      });
    if (gpu.remappedRowsPending === true || gpu.retiredPagesPending === true)
      findings.push({
        status: "warn",
        action: "RESET_GPU",
        runbook: "docs/runbooks/ecc-row-remapping.md#pending-remap",
        de: `${name}: Speicherzeilen warten auf das Remapping (wirkt nach einem GPU-Reset)`,
        en: `${name}: memory rows are waiting to be remapped (applied by a GPU reset)`,
      });
  }
  return findings;
}

async function readUnified(context: CheckContext): Promise<{
  findings: Finding[];
  observed: Observed | null;
  evidence: Evidence[];
}> {
  const meminfo = await context.probes.run(PROBES.meminfo);
  const pressure = await context.probes.run(PROBES.pressureMemory);
  const evidence = [toEvidence(meminfo), toEvidence(pressure)];
  const values = succeeded(meminfo) ? parseMeminfo(meminfo.stdout) : {};
  const totalKiB = values.MemTotal;
  const availableKiB = values.MemAvailable;
  const stall = succeeded(pressure) ? parsePressure(pressure.stdout) : null;
  const findings: Finding[] = [];
  const fullAvg60 = stall?.full?.avg60 ?? null;
  if (fullAvg60 !== null && fullAvg60 >= PRESSURE_WARN_PERCENT)
    findings.push({
      status: "warn",
      action: "RESTART_APP",
      runbook: "docs/runbooks/ecc-row-remapping.md#unified-memory-on-dgx-spark",
      de: `Speicherdruck: In ${fullAvg60} % der letzten Minute warteten alle Prozesse auf Speicher`,
      en: `Memory pressure: all tasks stalled on memory ${fullAvg60} % of the last minute`,
    });
  const observed: Observed | null =
    totalKiB === undefined || availableKiB === undefined
      ? null
      : {
          ...labelled(
            round(availableKiB / 1024 / 1024),
            "GiB",
            say(
              `verfügbarer Unified Memory von ${formatDecimal(round(totalKiB / 1024 / 1024), "de")} GiB`,
              `unified memory available of ${formatDecimal(round(totalKiB / 1024 / 1024), "en")} GiB`,
            ),
          ),
        };
  return { findings, observed, evidence };
}

function observeEcc({ facts }: CheckContext): Observed | null {
  const counts = facts.gpus.flatMap((gpu) =>
    gpu.eccUncorrectedVolatile === null ? [] : [gpu.eccUncorrectedVolatile],
  );
  if (counts.length === 0) return null;
  return labelled(
    counts.reduce((total, n) => total + n, 0),
    null,
    say("nicht korrigierbare ECC-Fehler (seit Treiberstart)", "uncorrected ECC errors (volatile)"),
  );
}

function summarize(
  findings: Finding[],
  base: Pick<CheckOutcome, "observed" | "expected" | "evidence">,
  unified: boolean,
  { facts }: CheckContext,
): CheckOutcome {
  if (findings.length > 0) return { ...base, ...summarizeFindings(findings) };
  if (unified)
    return {
      ...base,
      status: "pass",
      message: say(
        "Speicher in Ordnung (Unified Memory; ECC-Felder meldet GB10 nicht).",
        "Memory healthy (unified memory; GB10 reports no ECC fields).",
      ),
      remediation: null,
    };
  // A counter nvidia-smi answered with [N/A] (or an error) was never read: saying "no errors"
  // would claim what nobody checked.
  const unread = facts.gpus.filter((gpu) => gpu.eccUncorrectedVolatile === null);
  if (unread.length === 0)
    return {
      ...base,
      status: "pass",
      message: say(
        "Speicher in Ordnung: keine nicht korrigierbaren ECC-Fehler, kein Remapping-Fehler.",
        "Memory healthy: no uncorrected ECC errors, no row-remapping failure.",
      ),
      remediation: null,
    };
  const names = unread.map((gpu) => `GPU ${gpu.index}`).join(", ");
  const all = unread.length === facts.gpus.length;
  return {
    ...base,
    status: "pass",
    message: all
      ? say(
          "Kein Remapping-Fehler; die ECC-Fehlerzähler konnten nicht gelesen werden (nvidia-smi meldet sie nicht), ECC-Fehler sind also nicht ausgeschlossen.",
          "No row-remapping failure; the ECC error counters could not be read (nvidia-smi does not report them), so ECC errors are not ruled out.",
        )
      : say(
          `Keine nicht korrigierbaren ECC-Fehler, kein Remapping-Fehler; die ECC-Fehlerzähler von ${names} konnten nicht gelesen werden.`,
          `No uncorrected ECC errors, no row-remapping failure; the ECC error counters of ${names} could not be read.`,
        ),
    remediation: null,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
