import type { LineIndex } from "./line-index.js";

/** cmark-gfm's `spacechar`: no line breaks, so `- [ ]` alone on its line is not a task. */
const SPACE = /[ \t\v\f]/;

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
  for (let at = lineStart; at < markFrom; at++) if (!SPACE.test(source.charAt(at))) return null;
  let at = markTo;
  if (!SPACE.test(source.charAt(at))) return null;
  while (SPACE.test(source.charAt(at))) at++;
  if (at !== contentFrom) return null;
  if (source.charAt(at) !== "[" || source.charAt(at + 2) !== "]") return null;
  if (!/[ xX]/.test(source.charAt(at + 1)) || !SPACE.test(source.charAt(at + 3))) return null;
  const line = source.slice(lineStart, lines.lineEnd(markFrom));
  return { offset: at, checked: line.includes("[x]") || line.includes("[X]") };
}
