import { parser, Strikethrough, type MarkdownParser } from "@lezer/markdown";
import type { Tree } from "@lezer/common";

/**
 * CommonMark block structure only, with `@lezer/markdown`. Inline parsing is switched off here:
 * lezer's inline parser is quadratic on hostile input (40,000 `[a](` took 57 s), and Nova only
 * needs the inline structure of a few short leaves (task titles, headings), which
 * `parseInlineNodes` parses with a bound. The block parse is linear in the input (for a
 * bounded nesting depth, which `measurePlanLimits` checks before parsing).
 */
const blockParser: MarkdownParser = parser.configure({
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
});

/** The parser for inline content: CommonMark plus GFM strikethrough (tables, tasks are block-level). */
export const inlineParser: MarkdownParser = parser.configure([Strikethrough]);

export function parseBlocks(source: string): Tree {
  return blockParser.parse(source);
}
