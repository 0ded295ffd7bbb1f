/**
 * Runner-supplied text on its way into Markdown. A report is signed, but its strings come from a
 * machine and its tools (hostnames, `nvidia-smi` output, messages), so each one is cut to a
 * length first and escaped where it is rendered (the templates' `md` helper,
 * `escapeMarkdown`), and code excerpts are fenced so nothing in them can close the fence.
 */

/** Bidirectional and control characters that reorder or hide text; tabs and newlines stay. */
const HIDDEN_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[^\P{Cc}\t\n]/gu;

/**
 * The text cut to at most `max` characters (code points, so no surrogate pair is split), with
 * "…" where it was cut. `null` and `undefined` become "".
 */
export function truncateText(value: string | null | undefined, max: number): string {
  if (value === null || value === undefined) return "";
  const characters = [...value];
  if (characters.length <= max) return value;
  return `${characters.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/**
 * A plain one-line name for places that are not Markdown (a check run's name): controls removed,
 * whitespace collapsed, cut to `max`.
 */
export function plainName(value: string | null | undefined, max: number): string {
  const text = (value ?? "").replace(HIDDEN_CONTROLS, "").replace(/\s+/g, " ").trim();
  return truncateText(text, max);
}

/**
 * A fenced code block for an output excerpt: at most `maxLines` lines and `maxChars`
 * characters, controls removed, and a fence one backtick longer than the longest run of
 * backticks inside, so the excerpt cannot end the block early. Inside a code block GitHub
 * renders no Markdown, HTML, mention or issue link.
 */
export function fenceExcerpt(value: string, maxLines: number, maxChars: number): string {
  const lines = value.replace(/\r\n?/g, "\n").replace(HIDDEN_CONTROLS, "").split("\n");
  let text = lines.slice(0, maxLines).join("\n");
  let cut = lines.length > maxLines;
  if ([...text].length > maxChars) {
    text = truncateText(text, maxChars);
    cut = true;
  }
  text = text.replace(/\s+$/, "");
  if (cut) text += "\n…";
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * Cuts Markdown to at most `max` characters at a line boundary and appends `note` (which counts
 * toward `max`). Text that fits is returned unchanged.
 */
export function fitMarkdown(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - note.length - 2);
  const cut = text.slice(0, room);
  const lastBreak = cut.lastIndexOf("\n");
  return `${lastBreak > 0 ? cut.slice(0, lastBreak) : cut}\n\n${note}`;
}
