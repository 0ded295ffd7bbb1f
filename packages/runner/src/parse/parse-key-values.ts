/**
 * `KEY=value` lines, with shell-style quotes removed: `/etc/os-release`, `/etc/dgx-release`,
 * `timedatectl show`. Comments and lines without `=` are skipped.
 */
export function parseKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) continue;
    values[match[1]!] = unquote(match[2]!.trim());
  }
  return values;
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted === null ? value : quoted[1]!.replace(/\\(["\\$`])/g, "$1");
}
