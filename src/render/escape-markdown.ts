/** U+200D ZERO WIDTH JOINER: invisible, and not a character GitHub's mention or issue patterns accept. */
export const ZERO_WIDTH_JOINER = "\u200D";

/**
 * Bidirectional controls (LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069) and the C0/C1 controls left after whitespace is collapsed. An RTL override makes
 * `exe.txt` read as `txt.exe`; none of them has a visible meaning in a title.
 * https://unicode.org/reports/tr9/ and CVE-2021-42574 ("Trojan Source")
 */
const INVISIBLE_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Cc}]/gu;

/** Inline Markdown characters: emphasis, code, links, strikethrough, table cells, math, escapes. */
const INLINE_PUNCTUATION = /[\\`*_[\]~|$]/g;

/** Text at the start of a line that would open a block: heading, list item, quote, setext line. */
const BLOCK_START = /^(?:[#+=>-]|\d{1,9}[.)])/;

/** An `&` that would start a character reference (`&amp;`, `&#35;`, `&#x23;`). */
const ENTITY_START = /&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)/g;

/**
 * Escapes user text (task titles, roles, issue titles) for an inline position in GitHub
 * Markdown: a paragraph, a list item or a table cell. The output renders as the literal text, does
 * not ping anyone and does not link issues. The rules, in order:
 *
 * 1. `null`/`undefined` become `""`; numbers and booleans go through `String()`, other
 *    non-strings through `JSON.stringify` (a template passing an object is a bug to notice).
 * 2. Every run of whitespace, line breaks included, becomes one space; the ends are trimmed. A
 *    newline could otherwise end a table row or start a new block. Bidirectional controls (RTL
 *    override and friends) and other control characters are removed: they would reorder or hide
 *    what the reader sees.
 * 3. `<` becomes `&lt;`: no HTML tags, no autolinks in angle brackets. An `&` that would start a
 *    character reference (`&copy;`, `&#35;`) gets a backslash; other `&` and `>` stay as they are,
 *    so `Setup & Betrieb` and `A -> B` read the same in a terminal and on GitHub.
 * 4. `\` `` ` `` `*` `_` `[` `]` `~` `|` `$` get a backslash: no emphasis, code spans, links,
 *    images, strikethrough, table-cell breaks or math.
 * 5. A block marker at the start (`#`, `+`, `-`, `=`, `>`, or a number followed by `.` or `)`)
 *    gets a backslash, so `- {{md title}}` cannot become a nested list, a heading or a quote.
 * 6. A zero-width joiner (U+200D) goes after every `@` that is followed by a letter, digit,
 *    `.`, `-` or `_`, so `@alice` and `@org/team` do not notify and `a@.a` is no e-mail link; after every `#` followed by a digit, so
 *    `#12` and `owner/repo#12` do not link an issue; and between `GH` and `-` in `GH-12`.
 *    A backslash would not help there: GitHub finds mentions and references in the text after
 *    Markdown has been parsed.
 *
 * Bare URLs are left alone: GitHub turns them into links, which show their target and ping no one.
 */
export function escapeMarkdown(value: unknown): string {
  let text = toOneLine(value)
    .replace(INLINE_PUNCTUATION, "\\$&")
    .replace(ENTITY_START, "\\&")
    .replace(/</g, "&lt;");
  const blockStart = BLOCK_START.exec(text);
  if (blockStart) {
    const marker = blockStart[0];
    text = `${marker.slice(0, -1)}\\${marker.slice(-1)}${text.slice(marker.length)}`;
  }
  return breakMentionsAndReferences(text);
}

/**
 * Escapes user text for raw HTML that GitHub does not parse as Markdown, such as the line of a
 * `<summary>`: `&`, `<`, `>` and `"` become entities (a backslash would show there), whitespace
 * and invisible controls as in {@link escapeMarkdown}, and the same zero-width joiners so that
 * `@alice` does not notify and `#12` does not link (GitHub finds those in the HTML's text too).
 */
export function escapeHtmlText(value: unknown): string {
  return breakMentionsAndReferences(
    toOneLine(value)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;"),
  );
}

/**
 * Rules 1 and 2 of {@link escapeMarkdown}: the value as text on one line, without invisible
 * controls (`""` for `null`/`undefined`; `JSON.stringify` for what is not a string, number or
 * boolean).
 */
function toOneLine(value: unknown): string {
  if (value === null || value === undefined) return "";
  const raw =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : (JSON.stringify(value) ?? "");
  return raw.replace(/\s+/g, " ").replace(INVISIBLE_CONTROLS, "").trim();
}

/**
 * Rule 6 of {@link escapeMarkdown}: a zero-width joiner after `@` before a name, after `#` before
 * a digit and in `GH-<digit>`, so no one is mentioned and no issue is linked.
 */
function breakMentionsAndReferences(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}._-])/gu, `@${ZERO_WIDTH_JOINER}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`)
    .replace(/\b(GH)(?=-\d)/gi, `$1${ZERO_WIDTH_JOINER}`);
}
