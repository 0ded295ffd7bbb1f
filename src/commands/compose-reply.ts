import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { fitReply, MAX_REPLY_LENGTH } from "./fit-reply.js";
import { renderNote } from "./render-command-replies.js";
import { renderReplyMarker } from "../github/hidden-markers.js";

/**
 * A reply as posted: the body and the note about skipped commands, cut to GitHub's limit with a
 * note saying so, then the marker of each command it answers as the last thing in the body
 * (where Nova reads markers, `src/github/hidden-markers.ts`; outside the cut, so never lost).
 */
export function composeReply(
  commentId: number,
  numbers: readonly number[],
  body: string,
  overLimit: number,
  lang: Language,
  renderer: Renderer | undefined,
): string {
  const markers = numbers.map((number) => renderReplyMarker(commentId, number)).join("\n");
  const notes =
    overLimit > 0 ? `\n\n${renderNote({ truncated: false, overLimit }, lang, renderer)}` : "";
  const full = `${body.trimEnd()}${notes}`;
  const fitted = fitReply(
    full,
    renderNote({ truncated: true, overLimit }, lang, renderer),
    MAX_REPLY_LENGTH - markers.length - 2,
  );
  return `${fitted}\n\n${markers}\n`;
}
