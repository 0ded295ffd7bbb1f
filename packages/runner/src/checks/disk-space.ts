import { parseDf, type DiskUsage } from "../parse/parse-df.js";
import { PROBES } from "../probes/probe-catalog.js";
import { formatDecimal, labelled, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";

const GiB = 1024 * 1024;
/** Models and container images are tens of GiB each; below these a download fails. */
export const DISK_LIMITS = { failGiB: 10, failPercent: 5, warnGiB: 50, warnPercent: 10 };

/**
 * 12. Free disk on `/`, `/home` and Docker's `/var/lib/docker` (each file system once): below
 * 10 GiB or 5 % free fails, below 50 GiB or 10 % warns.
 */
export const diskSpaceCheck: CheckDefinition = {
  id: "disk-space",
  dependsOn: [],
  async run({ probes }) {
    const result = await probes.run(PROBES.df);
    const evidence = [toEvidence(result)];
    const disks = parseDf(result.stdout);
    const expected = say(
      `>= ${formatDecimal(DISK_LIMITS.warnGiB, "de")} GiB und >= ${formatDecimal(DISK_LIMITS.warnPercent, "de")} % frei`,
      `>= ${formatDecimal(DISK_LIMITS.warnGiB, "en")} GiB and >= ${formatDecimal(DISK_LIMITS.warnPercent, "en")} % free`,
    );
    if (disks.length === 0)
      return {
        status: "unknown",
        observed: null,
        expected,
        message: say("df lieferte keine Dateisysteme.", "df listed no file systems."),
        remediation: null,
        evidence,
      };
    const tightest = disks.reduce((a, b) => (b.availableKiB < a.availableKiB ? b : a));
    const observed = labelled(
      Math.round((tightest.availableKiB / GiB) * 10) / 10,
      "GiB",
      say(`frei auf ${tightest.mountedOn}`, `free on ${tightest.mountedOn}`),
    );
    const below = (gib: number, percent: number) => (disk: DiskUsage) =>
      disk.availableKiB < gib * GiB || disk.availableKiB < (disk.sizeKiB * percent) / 100;
    const failing = disks.filter(below(DISK_LIMITS.failGiB, DISK_LIMITS.failPercent));
    const warning = disks.filter(below(DISK_LIMITS.warnGiB, DISK_LIMITS.warnPercent));
    const describe = (list: DiskUsage[]): string =>
      list
        .map((disk) => `${disk.mountedOn} ${(disk.availableKiB / GiB).toFixed(1)} GiB`)
        .join(", ");
    if (failing.length > 0 || warning.length > 0) {
      const list = failing.length > 0 ? failing : warning;
      return {
        status: failing.length > 0 ? "fail" : "warn",
        observed,
        expected,
        message: say(
          `Wenig freier Speicherplatz: ${describe(list)}.`,
          `Low free disk space: ${describe(list)}.`,
        ),
        remediation: remedy("FREE_DISK"),
        evidence,
      };
    }
    return {
      status: "pass",
      observed,
      expected,
      message: say(
        `Genug freier Speicherplatz: ${describe(disks)}.`,
        `Enough free disk space: ${describe(disks)}.`,
      ),
      remediation: null,
      evidence,
    };
  },
};
