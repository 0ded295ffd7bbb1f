/**
 * The hidden footer marker of a bot pull request's body: its kind and the value it shows, as
 * JSON. `parse()` of a body value reads only this marker, so edits to the visible text cannot
 * change what Nova believes the pull request proposes (and Nova rewrites such edits).
 *
 * The JSON is percent-encoded (`-` too), so the comment can never contain `--` or `-->`.
 */

const MARKER = /<!-- nova:bot-pr kind=([a-z-]+) data=([A-Za-z0-9%_.!~*'()]*) -->/;

export type BotPrKind = "status" | "write-back";

/** `<!-- nova:bot-pr kind=… data=… -->` for a value. */
export function renderBotPrMarker(kind: BotPrKind, data: unknown): string {
  const encoded = encodeURIComponent(JSON.stringify(data)).replace(/-/g, "%2D");
  return `<!-- nova:bot-pr kind=${kind} data=${encoded} -->`;
}

/** The decoded data of a body's marker of `kind`, or undefined when there is none or it is broken. */
export function readBotPrMarker(body: string | null | undefined, kind: BotPrKind): unknown {
  const match = MARKER.exec(body ?? "");
  if (!match || match[1] !== kind) return undefined;
  try {
    return JSON.parse(decodeURIComponent(match[2] ?? "")) as unknown;
  } catch {
    return undefined;
  }
}
