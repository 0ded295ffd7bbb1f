// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|[\u200b-\u200f]|[\ufe00-\ufe0f])$/u;
const WIDE =
  /[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u;

/** Text without its colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/**
 * The columns `text` takes in a terminal: colour codes and combining marks take none, CJK and
 * pictographs two, everything else one (umlauts included).
 */
export function measureWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    if (ZERO_WIDTH.test(char)) continue;
    width += WIDE.test(char) && char.codePointAt(0)! > 0x2000 ? 2 : 1;
  }
  return width;
}

/** `text` cut to at most `width` columns, with `…` where it was cut. Plain text only. */
export function truncateText(text: string, width: number): string {
  if (measureWidth(text) <= width) return text;
  let result = "";
  let used = 0;
  for (const char of text) {
    const w = measureWidth(char);
    if (used + w > width - 1) break;
    result += char;
    used += w;
  }
  return `${result}…`;
}

/** `text` padded with spaces to `width` columns, on the right (`left`) or the left (`right`). */
export function padText(text: string, width: number, align: "left" | "right" = "left"): string {
  const gap = " ".repeat(Math.max(0, width - measureWidth(text)));
  return align === "right" ? gap + text : text + gap;
}
