/**
 * XID events in a kernel log (`journalctl -k`, `dmesg`). The driver writes them as
 * `NVRM: Xid (PCI:0000:01:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.`;
 * older drivers write `(0000:03:00)` without `PCI:`. Line formats: leptonai/gpud
 * components/accelerator/nvidia/xid/kmsg.go (see test fixtures).
 */
export interface XidEvent {
  xid: number;
  /** PCI address as the driver printed it, without the `PCI:` prefix. */
  device: string;
  /** The rest of the line after the XID number. */
  detail: string;
  /** The whole log line, for evidence. */
  line: string;
}

export function parseKernelXids(text: string): XidEvent[] {
  const events: XidEvent[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /NVRM: Xid \((?:PCI:)?([0-9A-Fa-f:.]+)\): (\d+)(?:,\s*(.*))?$/.exec(line);
    if (match === null) continue;
    events.push({
      xid: Number(match[2]),
      device: match[1]!,
      detail: (match[3] ?? "").trim(),
      line: line.trim(),
    });
  }
  return events;
}
