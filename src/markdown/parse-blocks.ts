import {
  parser,
  Strikethrough,
  type BlockContext,
  type InlineContext,
  type Line,
  type MarkdownConfig,
  type MarkdownParser,
} from "@lezer/markdown";
import { NodeType, Tree, type SyntaxNode } from "@lezer/common";

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

/**
 * With every inline parser removed, lezer still walks each leaf's text character by character
 * offering it to an empty list (about 20 ms for the 10,000-task plan); this one parser consumes
 * the whole leaf at once, which yields the same (empty) inline content.
 */
const skipInline: MarkdownConfig = {
  parseInline: [{ name: "SkipInline", parse: (cx) => cx.end }],
};

const blockParser: MarkdownParser = parser.configure([
  listStartAfterUnmatchedContainer,
  skipInline,
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

/**
 * The characters at which one of the inline parsers below can match (lezer 1.8): `\\` (Escape,
 * HardBreak), `&` (Entity), `` ` `` (InlineCode), `<` (HTMLTag, autolinks), `*` `_` (Emphasis),
 * `~` (Strikethrough), `[` (Link), `!` (Image), `]` (LinkEnd), and a space followed by another
 * space (HardBreak: two or more spaces before a line break).
 */
const INLINE_TRIGGERS = new Uint8Array(128);
for (const code of [92, 38, 96, 60, 42, 95, 126, 91, 33, 93]) INLINE_TRIGGERS[code] = 1;
const INLINE_PARSER_NAMES = [
  "SkipPlainText",
  "Escape",
  "Entity",
  "InlineCode",
  "HTMLTag",
  "Emphasis",
  "Strikethrough",
  "HardBreak",
  "Link",
  "Image",
  "LinkEnd",
];

function isInlineTrigger(cx: InlineContext, code: number, pos: number): boolean {
  // A table lookup, not a Set: this runs for every character of every title.
  return (code < 128 && INLINE_TRIGGERS[code] === 1) || (code === 32 && cx.char(pos + 1) === 32);
}

/**
 * lezer's inline loop offers EVERY character to every inline parser in turn, and a character
 * none of them takes is plain text. Task titles are mostly plain text, so that loop was most of
 * the inline parse's time (10,000 tasks: about 60 ms). This parser runs first and jumps over a
 * run of characters at which no other parser can match; at a trigger character it declines, so
 * the others see exactly the positions they would have matched at. Nothing is added to the tree.
 */
const skipPlainText: MarkdownConfig = {
  parseInline: [
    {
      name: "SkipPlainText",
      before: "Escape",
      parse(cx, next, pos) {
        if (isInlineTrigger(cx, next, pos)) return -1;
        let at = pos + 1;
        while (at < cx.end && !isInlineTrigger(cx, cx.char(at), at)) at++;
        return at;
      },
    },
  ],
};

/** The parser for inline content: CommonMark plus GFM strikethrough (tables, tasks are block-level). */
export const inlineParser: MarkdownParser = parser.configure([Strikethrough, skipPlainText]);

// A lezer release that adds an inline parser may match at characters `INLINE_TRIGGERS` lacks:
// fail at load time rather than parse differently.
// (`inlineNames` is not in lezer's typings.)
const inlineNames = (inlineParser as unknown as { inlineNames: string[] }).inlineNames.join();
if (inlineNames !== INLINE_PARSER_NAMES.join())
  throw new Error(`@lezer/markdown: unexpected inline parsers ${inlineNames}`);

export function parseBlocks(source: string, from = 0, to = source.length): Tree {
  if (from === 0 && to === source.length) return blockParser.parse(source);
  // lezer positions a range's tree from 0; a parent at `from` makes every position absolute.
  const tree = blockParser.parse(source, undefined, [{ from, to }]);
  return new Tree(NodeType.none, [tree], [from], to);
}

/**
 * The document's top-level blocks, in order, each exactly as a parse of the whole source has it,
 * parsed in chunks of at least `minChunk` characters.
 *
 * Why: a plan's syntax tree lives until the plan is built, so in one piece (10,000 tasks: about
 * 20 MB) V8's young generation copies all of it, twice, and that copying was the largest single
 * cost of `parsePlan`. A chunk's tree is garbage by the next collection.
 *
 * A chunk is cut before a line with `#` at column 0, and that line is parsed with the chunk: when
 * it became a top-level ATX heading there, the parser closed every block before it just as it
 * does in the whole document (the block parse reads line by line, left to right), and it is in
 * the same state as at the start of a document (only the document is open, every other block is
 * closed). So the next chunk starts at that line, and the heading is taken from there. When the
 * line was not a heading (inside fenced code or an HTML block, say), the rest of the document is
 * parsed in one piece: trying the next cut could parse the same text again and again. Link
 * reference definitions are document-wide, so a caller that needs them parses the whole source.
 */
export function* parseTopLevelBlocks(source: string, minChunk: number): Generator<SyntaxNode> {
  let from = 0;
  while (from < source.length) {
    const cut = findCut(source, from + minChunk);
    if (cut < source.length) {
      const lineEnd = source.indexOf("\n", cut);
      const document = parseDocument(source, from, lineEnd < 0 ? source.length : lineEnd + 1);
      const last = document.lastChild;
      if (last && last.from === cut && /^ATXHeading[1-6]$/.test(last.name)) {
        for (let block = document.firstChild; block && block.from < cut; block = block.nextSibling)
          yield block;
        from = cut;
        continue;
      }
    }
    const document = parseDocument(source, from, source.length);
    for (let block = document.firstChild; block; block = block.nextSibling) yield block;
    return;
  }
}

/**
 * The first line start at or after `at` that looks like an ATX heading at column 0 (`#` to
 * `######`, then a blank or the line's end), or the source's end.
 */
function findCut(source: string, at: number): number {
  if (at >= source.length) return source.length;
  for (
    let hash = source.indexOf("\n#", at - 1);
    hash >= 0;
    hash = source.indexOf("\n#", hash + 2)
  ) {
    let end = hash + 2;
    while (end < source.length && end - hash <= 7 && source.charCodeAt(end) === 35) end++;
    const next = end < source.length ? source.charCodeAt(end) : 10;
    if (end - hash <= 7 && (next === 32 || next === 9 || next === 10 || next === 13))
      return hash + 1;
  }
  return source.length;
}

/** The `Document` node of `source[from, to)`, positions in `source`. */
function parseDocument(source: string, from: number, to: number): SyntaxNode {
  const top = parseBlocks(source, from, to).topNode;
  return from === 0 && to === source.length ? top : top.firstChild!;
}
