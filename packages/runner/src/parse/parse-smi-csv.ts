/**
 * `nvidia-smi --query-…=… --format=csv`: a header row, then one row per GPU (or process, or
 * page). Columns are mapped by name, never by position, so a driver that drops or reorders a
 * field cannot shift values into the wrong KPI. A header's unit suffix (`memory.total [MiB]`) is
 * dropped from the name; values keep theirs (`81559 MiB`) for parseSmiNumber.
 */
export interface SmiCsv {
  columns: string[];
  rows: Array<Record<string, string>>;
}

export function parseSmiCsv(text: string): SmiCsv | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...body] = lines;
  if (header === undefined) return null;
  const columns = splitRow(header).map((name) => name.replace(/\s*\[[^\]]*\]$/, ""));
  if (columns.some((name) => !/^[a-z_][\w.]*$/i.test(name))) return null;
  const rows: Array<Record<string, string>> = [];
  for (const line of body) {
    const cells = splitRow(line);
    // A value with a comma in it (none of the fields Nova asks for has one) would break the
    // column mapping: reject the row instead of guessing.
    if (cells.length !== columns.length) return null;
    rows.push(Object.fromEntries(columns.map((name, at) => [name, cells[at] ?? ""])));
  }
  return { columns, rows };
}

function splitRow(line: string): string[] {
  return line.split(",").map((cell) => cell.trim());
}
