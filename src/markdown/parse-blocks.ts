import {
  parser,
  Strikethrough,
  type BlockContext,
  type Line,
  type MarkdownConfig,
  type MarkdownParser,
} from "@lezer/markdown";
import type { Tree } from "@lezer/common";

/**
 * CommonMark block structure only, with `@lezer/markdown`. Inline parsing is switched off here:
 * lezer's inline parser is quadratic on hostile input (40,000 `[a](` took 57 s), and Nova only
 * needs the inline structure of a few short leaves (task titles, headings), which
 * `parseInlineNodes` parses with a bound. The block parse is linear in the input (for a
 * bounded nesting depth, which `measurePlanLimits` checks before parsing).
 */
/** CommonMark's HTML block start 7: one complete open or closing tag alone on the line. */
const HTML_BLOCK_7 =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/**
 * cmark-gfm (and commonmark.js) limit which list items may interrupt a paragraph (an ordered one
 * must start at 1, an empty one may not) only when the line continues every open container, so
 * `- a` / `2. b` starts a new list there (and a lone `<tag>` line an HTML block); lezer treats
 * such a line as a lazy paragraph continuation. This ends the paragraph in that case, as cmark-gfm does (found by the oracle test).
 */
const listStartAfterUnmatchedContainer: MarkdownConfig = {
  parseBlock: [
    {
      name: "ListStartAfterUnmatchedContainer",
      endLeaf(cx, line) {
        // `depth` (how many open containers this line continued) is not in lezer's typings.
        const matched = (line as unknown as { depth: number }).depth;
        if (matched >= cx.depth) return false;
        const rest = line.text.slice(line.pos);
        return /^(?:\d{1,9}[.)]|[-+*])(?:[ \t]|$)/.test(rest) || HTML_BLOCK_7.test(rest);
      },
    },
  ],
};

const blockParser: MarkdownParser = parser.configure([
  listStartAfterUnmatchedContainer,
  {
    remove: [
      "Escape",
      "Entity",
      "InlineCode",
      "HTMLTag",
      "Emphasis",
      "HardBreak",
      "Link",
      "Image",
      "LinkEnd",
    ],
  },
]);

type EndLeaf = (cx: BlockContext, line: Line) => boolean;

/** Whether the line continued every open container (cmark-gfm's `all_matched`). */
function continuesAll(cx: BlockContext, line: Line): boolean {
  return (line as unknown as { depth: number }).depth >= cx.depth;
}

/**
 * lezer lets any list item interrupt a paragraph somewhere inside a list of its kind; CommonMark
 * and cmark-gfm let only a non-empty item do it, and an ordered one only when it starts at 1 (the
 * other lines are handled by `listStartAfterUnmatchedContainer`). lezer has no option for this, so
 * its two default "ends a paragraph" tests are replaced; a lezer release that renames them fails
 * here at load time rather than silently.
 */
function replaceListInterruption(target: MarkdownParser): void {
  const tests = (target as unknown as { endLeafBlock: EndLeaf[] }).endLeafBlock;
  const ordered = tests.findIndex((test) => String(test).includes("isOrderedList("));
  const bullet = tests.findIndex((test) => String(test).includes("isBulletList("));
  if (ordered < 0 || bullet < 0)
    throw new Error("@lezer/markdown: list interruption tests not found");
  tests[ordered] = (cx, line) => {
    if (!continuesAll(cx, line)) return false;
    const match = /^(\d{1,9})[.)][ \t]+\S/.exec(line.text.slice(line.pos));
    return match !== null && Number(match[1]) === 1;
  };
  tests[bullet] = (cx, line) =>
    continuesAll(cx, line) && /^[-+*][ \t]+\S/.test(line.text.slice(line.pos));
}
replaceListInterruption(blockParser);

/** The parser for inline content: CommonMark plus GFM strikethrough (tables, tasks are block-level). */
export const inlineParser: MarkdownParser = parser.configure([Strikethrough]);

export function parseBlocks(source: string): Tree {
  return blockParser.parse(source);
}
