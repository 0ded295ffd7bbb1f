/**
 * GitHub refuses comment bodies over 65,536 characters. Lengths here are UTF-16 code units, which
 * are never fewer than the characters GitHub counts, so staying under this in code units is safe.
 * https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (body too long: 422)
 */
export const MAX_REPLY_LENGTH = 65_536;

/**
 * `body` unchanged when it fits in `max`; otherwise cut at the last line break that leaves room
 * for `note`, with an open code fence closed (a cut gantt chart must not swallow the note) and a
 * surrogate pair never split, then `note`. Pure.
 */
export function fitReply(body: string, note: string, max = MAX_REPLY_LENGTH): string {
  if (body.length <= max) return body;
  // Room for the note, a closing fence and the blank lines around them.
  const budget = Math.max(0, max - note.length - 16);
  let cut = body.lastIndexOf("\n", budget);
  if (cut <= 0) cut = budget;
  // Never end on a lone high surrogate.
  const code = body.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  let kept = body.slice(0, cut).replace(/\s+$/, "");
  if (countFences(kept) % 2 === 1) kept += "\n```";
  return `${kept}\n\n${note}`.slice(0, max);
}

/** Lines that open or close a backtick or tilde fence (enough for Nova's own templates). */
function countFences(markdown: string): number {
  return markdown.split("\n").filter((line) => /^ {0,3}(?:`{3,}|~{3,})/.test(line)).length;
}
