/** One file system in `df -P -k` output. */
export interface DiskUsage {
  filesystem: string;
  mountedOn: string;
  sizeKiB: number;
  availableKiB: number;
}

/**
 * `df -P -k` (POSIX format, 1 KiB blocks). A file system listed for several of the asked paths
 * (`/` and `/home` on one disk) appears once.
 */
export function parseDf(text: string): DiskUsage[] {
  const seen = new Set<string>();
  const disks: DiskUsage[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const match = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+(.+)$/.exec(line.trim());
    if (match === null || seen.has(match[5]!)) continue;
    seen.add(match[5]!);
    disks.push({
      filesystem: match[1]!,
      sizeKiB: Number(match[2]),
      availableKiB: Number(match[4]),
      mountedOn: match[5]!,
    });
  }
  return disks;
}
