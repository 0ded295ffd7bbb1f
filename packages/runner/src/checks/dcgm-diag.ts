import { parseDcgmDiag } from "../parse/parse-dcgm-diag.js";
import { PROBES } from "../probes/probe-catalog.js";
import { labelled, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";
import { hasUnifiedMemory } from "./unified-memory.js";

const RUNBOOK = "docs/runbooks/xid-errors.md#dcgm-diagnostics";

/**
 * 10. `dcgmi diag -r 1 -j` (DCGM's quick diagnostic) where DCGM is installed. Skipped on DGX
 * Spark: NVIDIA does not support DCGM on GB10.
 */
export const dcgmDiagCheck: CheckDefinition = {
  id: "dcgm-diag",
  dependsOn: ["nvml"],
  async run({ probes, facts }) {
    const expected = say("jeder DCGM-Diagnosetest besteht", "every DCGM diagnostic test passes");
    const skip = (de: string, en: string) => ({
      status: "skip" as const,
      observed: null,
      expected,
      message: say(de, en),
      remediation: null,
      evidence: [],
    });
    if (hasUnifiedMemory(facts))
      return skip(
        "Übersprungen: NVIDIA unterstützt DCGM auf DGX Spark (GB10) nicht.",
        "Skipped: NVIDIA does not support DCGM on DGX Spark (GB10).",
      );
    const result = await probes.run(PROBES.dcgmiDiag);
    if (result.missing)
      return skip("Übersprungen: DCGM ist nicht installiert.", "Skipped: DCGM is not installed.");
    const evidence = [toEvidence(result)];
    const diag = parseDcgmDiag(result.stdout);
    if (diag === null || diag.runtimeError !== null || diag.tests.length === 0)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say(
          `dcgmi diag lieferte kein Ergebnis${diag?.runtimeError ? `: ${diag.runtimeError}` : ""}${result.timedOut ? " (Zeitüberschreitung)" : ""}.`,
          `dcgmi diag returned no result${diag?.runtimeError ? `: ${diag.runtimeError}` : ""}${result.timedOut ? " (timed out)" : ""}.`,
        ),
        remediation: remedy("FIX_CONFIG", RUNBOOK),
        evidence,
      };
    const failed = diag.tests.filter((test) => /^fail/i.test(test.status));
    const warned = diag.tests.filter((test) => /^warn/i.test(test.status));
    const passed = diag.tests.filter((test) => /^pass/i.test(test.status)).length;
    const observed = labelled(
      passed,
      null,
      say(`bestandene Tests (von ${diag.tests.length})`, `tests passed (of ${diag.tests.length})`),
    );
    const learned = { dcgm: diag.version };
    const list = (tests: typeof failed): string => tests.map((test) => test.name).join(", ");
    if (failed.length > 0)
      return {
        status: "fail",
        observed,
        expected,
        message: say(
          `DCGM-Diagnose fehlgeschlagen: ${list(failed)}.`,
          `DCGM diagnostic failed: ${list(failed)}.`,
        ),
        remediation: remedy("RESET_GPU", RUNBOOK),
        evidence,
        facts: learned,
      };
    if (warned.length > 0)
      return {
        status: "warn",
        observed,
        expected,
        message: say(
          `DCGM-Diagnose mit Warnungen: ${list(warned)}.`,
          `DCGM diagnostic warnings: ${list(warned)}.`,
        ),
        remediation: remedy("RESET_GPU", RUNBOOK),
        evidence,
        facts: learned,
      };
    return {
      status: "pass",
      observed,
      expected,
      message: say(
        `DCGM-Diagnose (Stufe 1) bestanden: ${passed} Tests.`,
        `DCGM diagnostic (level 1) passed: ${passed} tests.`,
      ),
      remediation: null,
      evidence,
      facts: learned,
    };
  },
};
