import { describe, expect, it } from "@jest/globals";
import { keepDriverLines } from "../src/probes/create-recording-probe-source.js";
import { maskIdentifiers } from "../src/probes/mask-identifiers.js";
import { loadGpuFixture, loadSynthetic } from "./gpu-fixtures.js";

describe("maskIdentifiers", () => {
  it("gives each distinct UUID its own stand-in and keeps the count visible", () => {
    const masked = maskIdentifiers(loadSynthetic("smi-list_h100-x8.txt"));
    expect(masked.split("\n")[0]).toBe(
      "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-0000-0000-0000-000000000000)",
    );
    expect(masked.split("\n")[7]).toBe(
      "GPU 7: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-0000-0000-0000-000000000007)",
    );
  });

  it("masks serial numbers in -q text and XML, DGX serials, and the host name", () => {
    const text = maskIdentifiers(
      "    Serial Number                     : 1654923012345\n    Serial Number : N/A\n",
    );
    expect(text).toBe(
      "    Serial Number                     : 0000000000000\n    Serial Number : N/A\n",
    );
    expect(
      maskIdentifiers(loadGpuFixture("telegraf__dual_a5000_590.44.01_nvidia-smi-q-x_v13.xml")),
    ).not.toContain("0123456789012");
    expect(maskIdentifiers(loadSynthetic("dgx-release_spark.txt"))).toContain(
      'DGX_SERIAL_NUMBER="0000000000000"',
    );
    expect(maskIdentifiers("spark-lab-3 kernel: hello", { hostname: "spark-lab-3" })).toBe(
      "nova-host kernel: hello",
    );
  });

  it("leaves the 8× H100 -a fixture's numbers alone apart from identifiers", () => {
    const masked = maskIdentifiers(loadGpuFixture("h100-sxm-x8_565.57.01_nvidia-smi-a.txt"));
    expect(masked).not.toMatch(/GPU-b42dd28e/);
    expect(masked).toContain("GPU T.Limit Temp                  : 57 C");
  });
});

describe("keepDriverLines", () => {
  it("keeps the driver's lines of a kernel log and the permission hints, nothing else", () => {
    const log = [
      "2026-01-12T08:02:11+01:00 dgx kernel: Linux version 6.11.0-1016-nvidia",
      "2026-01-12T08:02:12+01:00 dgx kernel: e1000e 0000:00:1f.6 eth0: (PCI Express:2.5GT/s) 00:11:22:33:44:55",
      "2026-01-12T09:41:27+01:00 dgx kernel: NVRM: Xid (PCI:0000:01:00): 79, GPU has fallen off the bus.",
      "Hint: You are currently not seeing messages from other users and the system.",
    ].join("\n");
    expect(keepDriverLines(log)).toBe(
      [
        "2026-01-12T08:02:11+01:00 dgx kernel: Linux version 6.11.0-1016-nvidia",
        "2026-01-12T09:41:27+01:00 dgx kernel: NVRM: Xid (PCI:0000:01:00): 79, GPU has fallen off the bus.",
        "Hint: You are currently not seeing messages from other users and the system.",
        "",
      ].join("\n"),
    );
    expect(keepDriverLines("usb 1-1: new device\n")).toBe("");
  });
});
