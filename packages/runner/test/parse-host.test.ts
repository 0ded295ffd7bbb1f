import { describe, expect, it } from "@jest/globals";
import { describeDgxRelease } from "../src/checks/collect-host.js";
import { parseChronycTracking } from "../src/parse/parse-chronyc-tracking.js";
import { parseDf } from "../src/parse/parse-df.js";
import { parseKeyValues } from "../src/parse/parse-key-values.js";
import { parseMeminfo } from "../src/parse/parse-meminfo.js";
import { parsePressure } from "../src/parse/parse-pressure.js";
import { parseProcDriverVersion } from "../src/parse/parse-proc-driver-version.js";
import { loadSynthetic } from "./gpu-fixtures.js";

describe("host parsers", () => {
  it("reads the kernel module's version and flavour", () => {
    expect(parseProcDriverVersion(loadSynthetic("proc-driver-version_gb10.txt"))).toEqual({
      version: "580.95.05",
      flavor: "open",
    });
    expect(parseProcDriverVersion(loadSynthetic("proc-driver-version_h100-x8.txt"))).toEqual({
      version: "565.57.01",
      flavor: "proprietary",
    });
    expect(parseProcDriverVersion("")).toBeNull();
  });

  it("reads /proc/meminfo in KiB and /proc/pressure/memory", () => {
    const meminfo = parseMeminfo(loadSynthetic("meminfo_gb10.txt"));
    expect(meminfo.MemTotal).toBe(125443420);
    expect(meminfo.HugePages_Total).toBe(0);
    expect(parsePressure(loadSynthetic("pressure-memory_gb10.txt"))).toEqual({
      some: { avg10: 0, avg60: 0, avg300: 0, totalUs: 1823 },
      full: { avg10: 0, avg60: 0, avg300: 0, totalUs: 911 },
    });
    expect(parsePressure("some avg10=1.50 avg60=12.25 avg300=3.00 total=99\n")?.full).toBeNull();
  });

  it("reads os-release, dgx-release and timedatectl show, unquoting values", () => {
    expect(parseKeyValues(loadSynthetic("os-release_dgx-os-7.txt")).PRETTY_NAME).toBe(
      "Ubuntu 24.04.3 LTS",
    );
    expect(describeDgxRelease(loadSynthetic("dgx-release_spark.txt"))).toBe(
      "NVIDIA DGX Spark 7.2.3",
    );
    expect(parseKeyValues(loadSynthetic("timedatectl-show.txt")).NTPSynchronized).toBe("yes");
    expect(parseKeyValues("# comment\nA='it''s'\nB=\"x \\\"y\\\"\"\n")).toEqual({
      A: "it''s",
      B: 'x "y"',
    });
  });

  it("reads chronyc tracking: slow is negative", () => {
    expect(parseChronycTracking(loadSynthetic("chronyc-tracking.txt"))).toEqual({
      offsetSeconds: -0.000184322,
      leapStatus: "Normal",
      referenceId: "C0A80101 (ntp.example.org)",
    });
    expect(
      parseChronycTracking("System time     : 412.5 seconds fast of NTP time\n").offsetSeconds,
    ).toBe(412.5);
  });

  it("reads df -P -k, each file system once", () => {
    expect(parseDf(loadSynthetic("df.txt"))).toEqual([
      {
        filesystem: "/dev/nvme0n1p2",
        sizeKiB: 3844172584,
        availableKiB: 3236942168,
        mountedOn: "/",
      },
    ]);
    expect(
      parseDf(
        "Filesystem 1024-blocks Used Available Capacity Mounted on\ndf: /var/lib/docker: No such file or directory\n",
      ),
    ).toEqual([]);
  });
});
