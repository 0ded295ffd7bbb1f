/** A place in a source: what the write-back edits and lint messages point at. */
export interface SourcePoint {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 0-based UTF-16 offset into the source string. */
  offset: number;
}

/** Offsets to 1-based line/column points in O(log n), for a source parsed once. */
export interface LineIndex {
  /** 0-based offset of the start of each line. */
  starts: number[];
  toPoint(offset: number): SourcePoint;
  /** 0-based index of the line containing `offset`. */
  lineOf(offset: number): number;
  /** Offset just before the line break of the line containing `offset` (or the source end). */
  lineEnd(offset: number): number;
}

export function buildLineIndex(source: string): LineIndex {
  const starts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1))
    starts.push(at + 1);
  // The parser asks in (mostly) increasing order: the line of the last answer, or the next one,
  // is checked before the binary search.
  let hint = 0;
  const lineOf = (offset: number): number => {
    const start = starts[hint]!;
    if (offset >= start) {
      const next = starts[hint + 1];
      if (next === undefined || offset < next) return hint;
      const after = starts[hint + 2];
      if (offset < (after ?? Infinity)) return ++hint;
    }
    hint = searchLine(offset);
    return hint;
  };
  const searchLine = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    starts,
    lineOf,
    toPoint(offset) {
      const line = lineOf(offset);
      return { line: line + 1, column: offset - starts[line]! + 1, offset };
    },
    lineEnd(offset) {
      const next = starts[lineOf(offset) + 1];
      if (next === undefined) return source.length;
      return source.charAt(next - 2) === "\r" ? next - 2 : next - 1;
    },
  };
}
