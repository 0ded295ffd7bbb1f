/**
 * `nvidia-smi --help-query-gpu`: the fields this driver accepts, each introduced by a line like
 * `"name" or "gpu_name"`. Used to drop fields the driver rejects before asking again.
 */
export function parseSmiHelpQuery(text: string): Set<string> {
  const fields = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('"')) continue;
    for (const match of line.matchAll(/"([A-Za-z0-9_.]+)"/g)) fields.add(match[1]!);
  }
  return fields;
}

/** The field a driver named in `Field "x" is not a valid field to query.`, if it did. */
export function parseRejectedField(output: string): string | null {
  return /Field "([^"]+)" is not a valid field to query/i.exec(output)?.[1] ?? null;
}
