/**
 * GitHub refuses comment bodies over 65,536 characters. Lengths here are UTF-16 code units, which
 * are never fewer than the characters GitHub counts, so staying under this in code units is safe.
 * https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (body too long: 422)
 */
export const MAX_REPLY_LENGTH = 65_536;

/**
 * `body` unchanged when it fits in `max`; otherwise cut at the last line break that leaves room
 * for `note`, with an open code fence closed (a cut gantt chart must not swallow the note), open
 * `<details>` closed (the note would be folded away) and a surrogate pair never split, then
 * `note`. Pure.
 */
export function fitReply(body: string, note: string, max = MAX_REPLY_LENGTH): string {
  if (body.length <= max) return body;
  // Room for the note, a closing fence, closing `</details>` and the blank lines around them.
  // (Nova's replies nest no `<details>`: one closing tag is all a cut can need.)
  const budget = Math.max(0, max - note.length - 32);
  let cut = body.lastIndexOf("\n", budget);
  if (cut <= 0) cut = budget;
  // Never end on a lone high surrogate.
  const code = body.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  let kept = body.slice(0, cut).replace(/\s+$/, "");
  if (countFences(kept) % 2 === 1) kept += "\n```";
  kept += "\n\n</details>".repeat(countOpenDetails(kept));
  return `${kept}\n\n${note}`.slice(0, max);
}

/** Lines that open or close a backtick or tilde fence (enough for Nova's own templates). */
function countFences(markdown: string): number {
  return markdown.split("\n").filter((line) => /^ {0,3}(?:`{3,}|~{3,})/.test(line)).length;
}

/** `<details>` lines not yet closed by a `</details>` line (Nova's templates put each on its own line). */
function countOpenDetails(markdown: string): number {
  let open = 0;
  for (const line of markdown.split("\n")) {
    if (/^<details>$/.test(line.trim())) open += 1;
    else if (/^<\/details>$/.test(line.trim()) && open > 0) open -= 1;
  }
  return open;
}
