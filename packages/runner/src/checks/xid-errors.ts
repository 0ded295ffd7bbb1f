import { parseKernelXids } from "../parse/parse-kernel-xids.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded, type ProbeResult } from "../probes/probe-types.js";
import { labelled, say, type CheckDefinition } from "./check-types.js";
import { summarizeXids } from "./classify-xid.js";
import { toEvidence } from "./evidence.js";
import { ACTION_SEVERITY, remedy } from "./remediation.js";

/**
 * 8. XID errors in the kernel log since boot (`journalctl -k -b`, else `dmesg`), classified
 * with NVIDIA's catalog. It depends on nothing: when the GPU has fallen off the bus, NVML fails
 * too, and the kernel log is exactly what says why.
 */
export const xidErrorsCheck: CheckDefinition = {
  id: "xid-errors",
  dependsOn: [],
  async run({ probes }) {
    const journal = await probes.run(PROBES.journalctlKernel);
    let log: ProbeResult | null = readable(journal) ? journal : null;
    const asked = [journal];
    if (log === null) {
      const dmesg = await probes.run(PROBES.dmesg);
      asked.push(dmesg);
      if (readable(dmesg)) log = dmesg;
    }
    const expected = say("keine XID-Fehler seit dem Start", "no XID errors since boot");
    if (log === null)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say(
          "Das Kernel-Log ist nicht lesbar (journalctl und dmesg): Runner als root oder in der Gruppe adm/systemd-journal starten.",
          "The kernel log is not readable (journalctl and dmesg): run the runner as root or in the adm/systemd-journal group.",
        ),
        remediation: remedy("FIX_CONFIG", "docs/runbooks/xid-errors.md#reading-the-kernel-log"),
        evidence: asked.map((result) => toEvidence(result)),
      };
    const events = parseKernelXids(log.stdout);
    const lines = events.map((event) => event.line).join("\n");
    const evidence = [toEvidence(log, lines)];
    if (events.length === 0)
      return {
        status: "pass",
        observed: labelled(0, null, say("XID-Ereignisse", "XID events")),
        expected,
        message: say("Keine XID-Fehler seit dem Start.", "No XID errors since boot."),
        remediation: null,
        evidence,
      };
    const classes = summarizeXids(events);
    const listing = classes
      .map(
        (entry) =>
          `XID ${entry.xid} (${entry.description})${entry.count > 1 ? ` ×${entry.count}` : ""}`,
      )
      .join("; ");
    const worst = classes[0]!;
    const actions = classes.flatMap((entry) =>
      entry.status === worst.status && entry.action !== null ? [entry.action] : [],
    );
    const action = actions.reduce<(typeof actions)[number] | null>(
      (best, next) =>
        best === null || ACTION_SEVERITY.indexOf(next) > ACTION_SEVERITY.indexOf(best)
          ? next
          : best,
      null,
    );
    const decisive = classes.find((entry) => entry.action === action) ?? worst;
    return {
      status: worst.status,
      observed: labelled(events.length, null, say("XID-Ereignisse", "XID events")),
      expected,
      message: say(`Kernel-Log seit dem Start: ${listing}.`, `Kernel log since boot: ${listing}.`),
      remediation: action === null ? null : remedy(action, runbookSection(decisive.xid)),
      evidence,
    };
  },
};

/** The runbook section for an XID; XIDs without their own section link "other XIDs". */
const SECTIONS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["docs/runbooks/xid-errors.md#application-faults", [13, 31, 43, 45]],
  ["docs/runbooks/xid-errors.md#memory-errors", [48, 63, 64, 92, 94, 95, 140]],
  ["docs/runbooks/xid-errors.md#nvlink-errors", [74, 144, 145, 146, 147, 148, 149, 150]],
  ["docs/runbooks/xid-errors.md#xid-79-gpu-has-fallen-off-the-bus", [79]],
  ["docs/runbooks/xid-errors.md#gsp-errors", [119, 120]],
  ["docs/runbooks/xid-errors.md#xid-154-recovery-action-changed", [154]],
];

function runbookSection(xid: number): string {
  return (
    SECTIONS.find(([, xids]) => xids.includes(xid))?.[0] ?? "docs/runbooks/xid-errors.md#other-xids"
  );
}

/** journalctl without the rights to read the kernel log says so and prints nothing useful. */
function readable(result: ProbeResult): boolean {
  if (!succeeded(result)) return false;
  const output = `${result.stdout}\n${result.stderr}`;
  return !/insufficient permissions|not seeing messages|Operation not permitted|No journal files/i.test(
    output,
  );
}
