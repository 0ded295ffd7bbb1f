import { parseChronycTracking } from "../parse/parse-chronyc-tracking.js";
import { parseKeyValues } from "../parse/parse-key-values.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded } from "../probes/probe-types.js";
import { formatDecimal, labelled, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";

/** The server rejects signatures more than 300 s off (docs/runner-protocol.md). */
export const MAX_UPLOAD_SKEW_SECONDS = 300;
/** An offset above this is worth a warning on a machine that should follow NTP. */
export const WARN_OFFSET_SECONDS = 1;

/**
 * 11. Time sync: `timedatectl show` says whether systemd considers the clock synchronized;
 * `chronyc tracking` gives the offset. A clock more than 300 s off fails, because every upload
 * would be rejected as outside the signature window.
 */
export const timeSyncCheck: CheckDefinition = {
  id: "time-sync",
  dependsOn: [],
  async run({ probes }) {
    const timedatectl = await probes.run(PROBES.timedatectl);
    const chronyc = await probes.run(PROBES.chronycTracking);
    const evidence = [toEvidence(timedatectl), toEvidence(chronyc)];
    const expected = say(
      `NTP synchronisiert, Abweichung < ${formatDecimal(WARN_OFFSET_SECONDS, "de")} s`,
      `NTP synchronized, offset < ${formatDecimal(WARN_OFFSET_SECONDS, "en")} s`,
    );
    const synchronized = succeeded(timedatectl)
      ? (parseKeyValues(timedatectl.stdout).NTPSynchronized ?? null)
      : null;
    const offset = succeeded(chronyc) ? parseChronycTracking(chronyc.stdout).offsetSeconds : null;
    const base = { expected, evidence };
    const observed =
      offset !== null
        ? labelled(
            Math.round(offset * 1e6) / 1e6,
            "s",
            say("Abweichung von NTP", "clock offset from NTP"),
          )
        : synchronized !== null
          ? labelled(synchronized === "yes", null, say("NTP synchronisiert", "NTP synchronized"))
          : null;
    if (offset === null && synchronized === null)
      return {
        ...base,
        status: "unknown",
        observed,
        message: say(
          "Weder timedatectl noch chronyc geben Auskunft über die Uhrzeit-Synchronisation.",
          "Neither timedatectl nor chronyc tells whether the clock is synchronized.",
        ),
        remediation: remedy("FIX_TIME_SYNC"),
      };
    if (offset !== null && Math.abs(offset) > MAX_UPLOAD_SKEW_SECONDS)
      return {
        ...base,
        status: "fail",
        observed,
        message: say(
          `Die Uhr geht ${Math.abs(offset).toFixed(0)} s falsch; Nova lehnt Uploads ab (±${MAX_UPLOAD_SKEW_SECONDS} s).`,
          `The clock is ${Math.abs(offset).toFixed(0)} s off; Nova rejects uploads (±${MAX_UPLOAD_SKEW_SECONDS} s).`,
        ),
        remediation: remedy("FIX_TIME_SYNC"),
      };
    if (synchronized === "no" || (offset !== null && Math.abs(offset) > WARN_OFFSET_SECONDS))
      return {
        ...base,
        status: "warn",
        observed,
        message: say(
          `Die Uhr ist nicht per NTP synchronisiert${offset === null ? "" : ` (Abweichung ${formatOffset(offset)})`}.`,
          `The clock is not NTP-synchronized${offset === null ? "" : ` (offset ${formatOffset(offset)})`}.`,
        ),
        remediation: remedy("FIX_TIME_SYNC"),
      };
    return {
      ...base,
      status: "pass",
      observed,
      message: say(
        `Uhr synchronisiert${offset === null ? "" : ` (Abweichung ${formatOffset(offset)})`}.`,
        `Clock synchronized${offset === null ? "" : ` (offset ${formatOffset(offset)})`}.`,
      ),
      remediation: null,
    };
  },
};

function formatOffset(seconds: number): string {
  return Math.abs(seconds) < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(1)} s`;
}
