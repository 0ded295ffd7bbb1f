/**
 * Masks what identifies a particular machine in raw probe output, so a recording can be
 * committed as a fixture: GPU and MIG UUIDs (each distinct one gets its own zero-based stand-in,
 * so "two GPUs" stays visible), board and system serial numbers, and the host name.
 */
export function maskIdentifiers(text: string, options: { hostname?: string | null } = {}): string {
  const seen = new Map<string, string>();
  let masked = text.replace(
    /\b(GPU|MIG)-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g,
    (uuid, prefix: string) => {
      let stand = seen.get(uuid);
      if (stand === undefined) {
        const n = seen.size.toString(16).padStart(12, "0");
        stand = `${prefix}-00000000-0000-0000-0000-${n}`;
        seen.set(uuid, stand);
      }
      return stand;
    },
  );
  masked = masked
    .replace(/^(\s*Serial Number\s*:\s*)(?!N\/A\b)\S+/gm, "$10000000000000")
    .replace(/<serial>(?!N\/A<)[^<]*<\/serial>/g, "<serial>0000000000000</serial>")
    .replace(/^(\s*"?serial_num"?\s*:\s*")[^"]*"/gm, '$10000000000000"')
    .replace(/^(DGX_SERIAL_NUMBER=).*$/gm, '$1"0000000000000"');
  const host = options.hostname?.trim();
  if (host !== undefined && host.length >= 3) masked = masked.split(host).join("nova-host");
  return masked;
}
