import { describe, expect, it } from "@jest/globals";
import { classifyXid, summarizeXids } from "../src/checks/classify-xid.js";
import { XID_CATALOG } from "../src/checks/xid-catalog.js";
import { parseKernelXids } from "../src/parse/parse-kernel-xids.js";
import { loadGpuFixture, loadReference } from "./gpu-fixtures.js";

describe("XID lines", () => {
  it("reads every kernel-log format of the fixture (old, PCI:, NVLink5 extended)", () => {
    expect(
      parseKernelXids(loadGpuFixture("xid-kmsg-lines_examples.txt")).map(
        ({ xid, device, detail }) => ({ xid, device, detail }),
      ),
    ).toEqual([
      { xid: 14, device: "0000:03:00", detail: "Channel 00000001" },
      {
        xid: 79,
        device: "0000:05:00",
        detail: "pid='<unknown>', name=<unknown>, GPU has fallen off the bus.",
      },
      { xid: 79, device: "0000:01:00", detail: "GPU has fallen off the bus." },
      {
        xid: 149,
        device: "0018:01:00",
        detail: "NETIR_LINK_EVT Fatal XC0 i0 Link 08 (0x004505c6 0x00000000 ...)",
      },
    ]);
  });

  it("finds XIDs inside journal lines and ignores the rest", () => {
    const log =
      "2026-01-12T09:41:27+01:00 dgx kernel: NVRM: Xid (PCI:0000:01:00): 13, Graphics Exception\nkernel: usb 1-1: new device\n";
    expect(parseKernelXids(log).map((event) => event.xid)).toEqual([13]);
  });
});

describe("XID classes from NVIDIA's catalog", () => {
  it("79: fallen off the bus, reboot", () => {
    expect(classifyXid(79)).toMatchObject({
      description: "GPU has fallen off the bus",
      status: "fail",
      action: "REBOOT_SYSTEM",
    });
  });

  it("13: an application fault warns; 63: a remapping event is ignored; 48: reset", () => {
    expect(classifyXid(13)).toMatchObject({ status: "warn", action: "RESTART_APP" });
    expect(classifyXid(63)).toMatchObject({ status: "pass", action: null });
    expect(classifyXid(48)).toMatchObject({ status: "fail", action: "RESET_GPU" });
    expect(classifyXid(999)).toMatchObject({ status: "fail", action: "CONTACT_SUPPORT" });
  });

  it("summarizes worst first with counts (XID 14 is NVIDIA's test XID: ignore)", () => {
    const events = parseKernelXids(loadGpuFixture("xid-kmsg-lines_examples.txt"));
    expect(summarizeXids(events).map(({ xid, count, status }) => [xid, count, status])).toEqual([
      [79, 2, "fail"],
      [149, 1, "fail"],
      [14, 1, "pass"],
    ]);
  });

  it("the runner's copy equals test/fixtures/reference/nvidia-xid-catalog.csv", () => {
    const rows = parseCsv(loadReference("nvidia-xid-catalog.csv")).slice(1);
    expect(rows.length).toBe(XID_CATALOG.size);
    for (const [xid, mnemonic, description, immediate, investigatory] of rows) {
      expect(XID_CATALOG.get(Number(xid))).toEqual({
        xid: Number(xid),
        mnemonic,
        description,
        immediate,
        investigatory,
      });
    }
  });
});

/** RFC 4180 CSV (quoted fields with commas), enough for the catalog. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/).filter((candidate) => candidate !== "")) {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
      cells.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : (match[2] ?? ""));
    rows.push(cells);
  }
  return rows;
}
