/** `/proc/meminfo`: `MemTotal:  131072000 kB` lines → values in KiB (counts without a unit as is). */
export function parseMeminfo(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([\w()]+):\s+(\d+)(?:\s+kB)?\s*$/.exec(line);
    if (match !== null) values[match[1]!] = Number(match[2]);
  }
  return values;
}
