import type { LineIndex } from "./line-index.js";

/** A task item's checkbox: where `[` is, and whether GitHub shows the box ticked. */
export interface TaskBox {
  /** Offset of `[`. */
  offset: number;
  checked: boolean;
}

/**
 * GitHub's task rule, as cmark-gfm's `extensions/tasklist.c` applies it (see
 * docs/checklist-format.md, "Which items are tasks"). A list item is a task when its marker line,
 * read FROM THE START OF THE LINE, is blanks, the item's marker, at least one blank, `[ ]`, `[x]`
 * or `[X]`, and at least one blank (space, tab, vertical tab, form feed; not a line break), and
 * the box is where the item's content starts. So a `>` or another list marker before it on the
 * same line (`> - [ ] x`, `- - [ ] x`) means no task, and `- [ ]` with nothing after it on its
 * line is no task either. The box is ticked when `[x]` or `[X]` appears ANYWHERE on the line
 * (cmark-gfm's `strstr`): `- [ ] Option [x] prüfen` is ticked on GitHub.
 *
 * `markFrom`/`markTo` are the item's marker (`-`, `1.`); `contentFrom` is where its first block
 * starts, or -1 when that block is not a paragraph or setext heading.
 */
export function findTaskBox(
  source: string,
  lines: LineIndex,
  markFrom: number,
  markTo: number,
  contentFrom: number,
): TaskBox | null {
  if (contentFrom < 0) return null;
  const lineStart = lines.starts[lines.lineOf(markFrom)]!;
  for (let at = lineStart; at < markFrom; at++) if (!isSpace(source.charCodeAt(at))) return null;
  let at = markTo;
  if (!isSpace(source.charCodeAt(at))) return null;
  while (isSpace(source.charCodeAt(at))) at++;
  if (at !== contentFrom) return null;
  if (source.charCodeAt(at) !== 91 || source.charCodeAt(at + 2) !== 93) return null;
  const mark = source.charCodeAt(at + 1);
  if ((mark !== 32 && mark !== 120 && mark !== 88) || !isSpace(source.charCodeAt(at + 3)))
    return null;
  return { offset: at, checked: hasTickedBox(source, lineStart, lines.lineEnd(markFrom)) };
}

/** cmark-gfm's `spacechar`, by character code (NaN past the end is none). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12;
}

/** Whether `[x]` or `[X]` occurs in `source[from, to)`, scanned in place (no copy of the line). */
function hasTickedBox(source: string, from: number, to: number): boolean {
  for (
    let at = source.indexOf("[", from);
    at >= 0 && at + 3 <= to;
    at = source.indexOf("[", at + 1)
  ) {
    const mark = source.charCodeAt(at + 1);
    if ((mark === 120 || mark === 88) && source.charCodeAt(at + 2) === 93) return true;
  }
  return false;
}
