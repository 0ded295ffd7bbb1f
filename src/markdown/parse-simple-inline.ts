import type { InlineNode } from "./inline-node.js";

/**
 * A fast path for the inline content of most task titles: plain text with at most one `**strong**`
 * pair, single-backtick code spans, HTML comments (the `<!-- nova: … -->` metadata) and character
 * references. For such content it gives exactly the nodes lezer's inline parser gives (same
 * names, positions and nesting); for anything else it returns null and the caller asks lezer.
 * lezer's inline parse (delimiter objects, elements, marker resolution, then conversion) was the
 * largest share of the plan parse after the block parse, and allocated about 25 MB per 10,000
 * tasks.
 *
 * Every rule below is lezer's (`@lezer/markdown` 1.8, `DefaultInline`), restricted to cases
 * whose outcome does not depend on other delimiters: a test compares both on random strings.
 */
export function parseSimpleInline(source: string, from: number, to: number): InlineNode[] | null {
  const nodes: InlineNode[] = [];
  /** The `**` opener's position, and how many nodes came before it; -1 when none is open. */
  let strongFrom = -1;
  let strongNodes = 0;
  let strongDone = false;
  for (let at = from; at < to;) {
    const code = source.charCodeAt(at);
    if (code >= 128 || TRIGGER[code] === 0) {
      // Two or more spaces before a line break are a hard break.
      if (code === 32 && at + 1 < to && source.charCodeAt(at + 1) === 32) {
        let end = at + 1;
        while (end < to && source.charCodeAt(end) === 32) end++;
        if (end < to && source.charCodeAt(end) === 10) return null;
        at = end;
      } else {
        at++;
      }
      continue;
    }
    switch (code) {
      case 96: {
        // `code`: one backtick each side; longer runs are left to lezer.
        if (at + 1 < to && source.charCodeAt(at + 1) === 96) return null;
        const close = source.indexOf("`", at + 1);
        if (close < 0 || close >= to) return null;
        if (close + 1 < to && source.charCodeAt(close + 1) === 96) return null;
        nodes.push({
          name: "InlineCode",
          from: at,
          to: close + 1,
          children: [leaf("CodeMark", at, at + 1), leaf("CodeMark", close, close + 1)],
        });
        at = close + 1;
        continue;
      }
      case 60: {
        if (at === to - 1) {
          at++; // a `<` at the very end is text
          continue;
        }
        const after = source.slice(at + 1, to);
        // lezer tries an autolink before a comment (`<!--x@example.com>` is an e-mail link).
        if (AUTOLINK.test(after)) return null;
        COMMENT.lastIndex = 0;
        if (!COMMENT.test(after)) return null; // tags, processing instructions, or text: lezer decides
        const end = at + 1 + COMMENT.lastIndex;
        nodes.push(leaf("Comment", at, end));
        at = end;
        continue;
      }
      case 38: {
        ENTITY.lastIndex = 0;
        if (ENTITY.test(source.slice(at + 1, Math.min(at + 31, to)))) {
          const end = at + 1 + ENTITY.lastIndex;
          nodes.push(leaf("Entity", at, end));
          at = end;
        } else {
          at++;
        }
        continue;
      }
      case 42: {
        let end = at + 1;
        while (end < to && source.charCodeAt(end) === 42) end++;
        if (end - at !== 2 || strongDone) return null;
        const flanking = readFlanking(source, from, to, at, end);
        if (strongFrom < 0) {
          if (!flanking.canOpen) return null;
          strongFrom = at;
          strongNodes = nodes.length;
        } else {
          if (!flanking.canClose) return null;
          const inner = nodes.splice(strongNodes);
          nodes.push({
            name: "StrongEmphasis",
            from: strongFrom,
            to: end,
            children: [
              leaf("EmphasisMark", strongFrom, strongFrom + 2),
              ...inner,
              leaf("EmphasisMark", at, end),
            ],
          });
          strongFrom = -1;
          strongDone = true;
        }
        at = end;
        continue;
      }
      case 33:
        // `!` is text unless an image starts (`![`).
        if (at + 1 < to && source.charCodeAt(at + 1) === 91) return null;
        at++;
        continue;
      default:
        return null; // `\` `_` `~` `[` `]`: escapes, emphasis, strikethrough, links
    }
  }
  return strongFrom >= 0 ? null : nodes;
}

/** The characters at which lezer's inline parsers may match (see `INLINE_TRIGGERS`). */
const TRIGGER = new Uint8Array(128);
for (const code of [92, 38, 96, 60, 42, 95, 126, 91, 33, 93]) TRIGGER[code] = 1;

// lezer's own expressions, unchanged (the sticky flag only gives the match's end in `lastIndex`
// without a match array; each is anchored at the start anyway).
const AUTOLINK =
  /^(?:[a-z][-\w+.]+:[^\s>]+|[a-z\d.!#$%&'*+/=?^_`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*)>/i;
const COMMENT = /^!--(?:-?>|[^]*?-->)/y;
const ENTITY = /^(?:#\d+|#x[a-f\d]+|\w+);/iy;
const PUNCTUATION = /[\p{S}|\p{P}]/u;
const SPACE_OR_NOTHING = /\s|^$/;

/**
 * Whether a `*` run can open or close emphasis: CommonMark's flanking rules as lezer computes
 * them, from the characters before and after the run within the content (none at its ends).
 */
function readFlanking(
  source: string,
  from: number,
  to: number,
  start: number,
  end: number,
): { canOpen: boolean; canClose: boolean } {
  const before = start > from ? source.charAt(start - 1) : "";
  const after = end < to ? source.charAt(end) : "";
  const pBefore = PUNCTUATION.test(before);
  const pAfter = PUNCTUATION.test(after);
  const sBefore = SPACE_OR_NOTHING.test(before);
  const sAfter = SPACE_OR_NOTHING.test(after);
  return {
    canOpen: !sAfter && (!pAfter || sBefore || pBefore),
    canClose: !sBefore && (!pBefore || sAfter || pAfter),
  };
}

const NO_CHILDREN = Object.freeze([]) as unknown as InlineNode[];

function leaf(name: string, from: number, to: number): InlineNode {
  return { name, from, to, children: NO_CHILDREN };
}
