import { inlineParser } from "./parse-blocks.js";
import type { InlineNode } from "./inline-node.js";
import { parseSimpleInline } from "./parse-simple-inline.js";

export type { InlineNode };

/**
 * At most this many characters that can open or close inline markup (`*`, `_`, `~`, `[`, `]`,
 * `` ` ``, `<`) in one leaf that Nova reads inline (a task's first paragraph, a heading). Lezer's
 * inline parser does work per pair of such delimiters, so with this bound its time is linear in
 * the leaf's length; a leaf over it is read as plain text and lint reports `limit-markup`.
 */
export const MAX_INLINE_MARKUP = 256;

interface LezerElement {
  type: number;
  from: number;
  to: number;
  children?: LezerElement[];
}

/**
 * The inline nodes of `source[from, to)`, positions in `source`; null when the range has more
 * than `MAX_INLINE_MARKUP` delimiter characters.
 */
export function parseInlineNodes(source: string, from: number, to: number): InlineNode[] | null {
  let markup = 0;
  // A leaf no longer than the bound cannot exceed it: most titles need no count.
  if (to - from > MAX_INLINE_MARKUP)
    for (let at = from; at < to; at++) {
      const code = source.charCodeAt(at);
      // * _ ~ [ ] ` <
      if (
        code === 42 ||
        code === 95 ||
        code === 126 ||
        code === 91 ||
        code === 93 ||
        code === 96 ||
        code === 60
      )
        if (++markup > MAX_INLINE_MARKUP) return null;
    }
  return parseSimpleInline(source, from, to) ?? parseLezerInline(source, from, to);
}

/** lezer's inline parse of `source[from, to)`, converted (no bound: `parseInlineNodes` has it). */
export function parseLezerInline(source: string, from: number, to: number): InlineNode[] {
  const elements = inlineParser.parseInline(
    source.slice(from, to),
    from,
  ) as unknown as LezerElement[];
  return elements.map(convertElement);
}

/** A module-level function, not a closure per call: this runs for every task title. */
function convertElement(element: LezerElement): InlineNode {
  const children = element.children;
  return {
    name: inlineParser.nodeSet.types[element.type]!.name,
    from: element.from,
    to: element.to,
    // Element.children is not in lezer's public typings but is how inline results nest. Most
    // nodes are leaves; they share one frozen empty list.
    children: children && children.length > 0 ? children.map(convertElement) : NO_CHILDREN,
  };
}

const NO_CHILDREN = Object.freeze([]) as unknown as InlineNode[];

const MARKS = new Set([
  "EmphasisMark",
  "StrikethroughMark",
  "CodeMark",
  "LinkMark",
  "URL",
  "LinkTitle",
  "LinkLabel",
  "HardBreak",
]);

/** A small table of named character references; others stay as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  shy: "\u00ad",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  euro: "€",
  copy: "©",
  reg: "®",
  trade: "™",
  times: "×",
  rarr: "→",
  larr: "←",
};

export function decodeEntity(raw: string): string {
  const numeric = /^&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});$/.exec(raw);
  if (numeric) {
    const digits = numeric[1]!;
    const code =
      digits[0] === "x" || digits[0] === "X" ? parseInt(digits.slice(1), 16) : Number(digits);
    return code === 0 || code > 0x10ffff ? "\ufffd" : String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[raw.slice(1, -1)] ?? raw;
}

/**
 * The plain text of inline content, as mdast's `toString` gives it: emphasis, link and code
 * markup dropped, link and image text kept, escapes and character references decoded, raw HTML
 * kept as written.
 */
const NO_DEFINITIONS: ReadonlySet<string> = new Set();

export function extractPlainText(
  source: string,
  nodes: InlineNode[],
  from: number,
  to: number,
  definitions: ReadonlySet<string> = NO_DEFINITIONS,
): string {
  let text = "";
  let at = from;
  for (const node of nodes) {
    if (node.to <= from || node.from >= to) continue;
    text += source.slice(at, Math.max(at, node.from));
    text += readNodeText(source, node, definitions);
    at = node.to;
  }
  return text + source.slice(at, Math.max(at, to));
}

/** A link label as CommonMark matches it against definitions: case-folded, blanks collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

function readNodeText(source: string, node: InlineNode, definitions: ReadonlySet<string>): string {
  switch (node.name) {
    case "Escape":
      return source.slice(node.from + 1, node.to);
    case "Entity":
      return decodeEntity(source.slice(node.from, node.to));
    case "InlineCode":
      return extractCodeText(source, node);
    case "HTMLTag":
    case "Comment":
    case "ProcessingInstruction":
      return source.slice(node.from, node.to);
    case "Autolink":
      return node.children
        .filter((child) => child.name === "URL")
        .map((child) => source.slice(child.from, child.to))
        .join("");
    case "Link":
    case "Image": {
      // The text is between `[` (or `![`) and the first `]`.
      const marks = node.children.filter((child) => child.name === "LinkMark");
      const open = marks[0];
      const close = marks[1];
      if (!open || !close) return source.slice(node.from, node.to);
      const inner = node.children.filter(
        (child) => child.from >= open.to && child.to <= close.from,
      );
      const text = extractPlainText(source, inner, open.to, close.from, definitions);
      // lezer makes every `[x]` a link; CommonMark only when it is inline (`(…)`) or its label
      // is defined. Otherwise it is text, brackets included (`- [ ] Option [x] prüfen`).
      const inline = marks.some((mark) => source.charAt(mark.from) === "(");
      const label = node.children.find((child) => child.name === "LinkLabel");
      const labelText =
        label && label.to - label.from > 2
          ? source.slice(label.from + 1, label.to - 1)
          : source.slice(open.to, close.from);
      if (inline || definitions.has(normalizeLabel(labelText))) return text;
      return source.slice(node.from, open.to) + text + source.slice(close.from, node.to);
    }
    default: {
      if (MARKS.has(node.name)) return "";
      const content = node.children.filter((child) => !MARKS.has(child.name));
      // Emphasis, strong, strikethrough: the text between the marks.
      const marks = node.children.filter((child) => MARKS.has(child.name));
      const start = marks[0] && marks[0].from === node.from ? marks[0].to : node.from;
      const last = marks[marks.length - 1];
      const end = last && last.to === node.to && last !== marks[0] ? last.from : node.to;
      return extractPlainText(source, content, start, end, definitions);
    }
  }
}

/** A code span's value as CommonMark defines it: line breaks as spaces, one padding space stripped. */
export function extractCodeText(source: string, node: InlineNode): string {
  // The first two `CodeMark`s, found without building a filtered list (this runs per code span).
  let open: InlineNode | undefined;
  let close: InlineNode | undefined;
  for (const child of node.children) {
    if (child.name !== "CodeMark") continue;
    if (!open) open = child;
    else if (!close) close = child;
  }
  const from = open?.to ?? node.from;
  const to = close?.from ?? node.to;
  const raw = source.slice(from, to);
  const text = raw.includes("\n") ? raw.replace(/\r?\n/g, " ") : raw;
  return text.length >= 2 && text.startsWith(" ") && text.endsWith(" ") && text.trim() !== ""
    ? text.slice(1, -1)
    : text;
}
