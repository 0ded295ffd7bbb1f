import type { Style } from "../../render/ansi-style.js";
import { measureWidth, padText, truncateText } from "./text-width.js";

/** A cell: plain text, or text with a colour applied after aligning and shortening. */
export type Cell = string | { text: string; paint: (text: string) => string };

/** A row of cells, or a line across the whole table (a group heading), not aligned. */
export type Row = readonly Cell[] | { span: Cell };

export interface Column {
  header: string;
  align?: "left" | "right";
  /** A column that gives way (its text shortened with `…`) when the table is too wide. */
  flexible?: boolean;
}

const GAP = "  ";
/** A flexible column never gets narrower than this, even in a narrow terminal. */
const MIN_FLEXIBLE_WIDTH = 16;

/**
 * An aligned table for a terminal: a bold header, a rule, one line per row, columns two spaces
 * apart. When `maxWidth` is given and the table is wider, the flexible columns are shortened,
 * the widest first, so they end up equally wide rather than one of them cut to nothing.
 */
export function renderTable(
  columns: readonly Column[],
  allRows: readonly Row[],
  style: Style,
  maxWidth?: number,
): string[] {
  const rows = allRows.filter((row): row is readonly Cell[] => Array.isArray(row));
  const text = (cell: Cell | undefined) => (typeof cell === "string" ? cell : (cell?.text ?? ""));
  const widths = columns.map((column, index) =>
    Math.max(measureWidth(column.header), ...rows.map((row) => measureWidth(text(row[index])))),
  );
  const total = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (columns.length - 1);
  if (maxWidth !== undefined) shrink(columns, widths, total - maxWidth);
  const line = (cells: readonly Cell[], header: boolean) =>
    columns
      .map((column, index) => {
        const cell = cells[index];
        const width = widths[index]!;
        const padded = padText(truncateText(text(cell), width), width, column.align);
        if (header) return style.bold(padded);
        return typeof cell === "object" ? cell.paint(padded) : padded;
      })
      .join(GAP)
      .trimEnd();
  const rule = style.dim(widths.map((width) => "─".repeat(width)).join(GAP));
  return [
    line(
      columns.map((column) => column.header),
      true,
    ),
    rule,
    ...allRows.map((row) =>
      "span" in row
        ? typeof row.span === "string"
          ? row.span
          : row.span.paint(row.span.text)
        : line(row, false),
    ),
  ];
}

/** Takes `excess` columns from the flexible columns, one at a time from the widest. */
function shrink(columns: readonly Column[], widths: number[], excess: number): void {
  for (let left = excess; left > 0; left -= 1) {
    let widest = -1;
    columns.forEach((column, index) => {
      if (column.flexible && widths[index]! > MIN_FLEXIBLE_WIDTH)
        if (widest < 0 || widths[index]! > widths[widest]!) widest = index;
    });
    if (widest < 0) return;
    widths[widest]! -= 1;
  }
}
