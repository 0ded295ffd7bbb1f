import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { fitReply, MAX_REPLY_LENGTH } from "./fit-reply.js";
import { renderNote } from "./render-command-replies.js";
import { renderReplyMarker } from "./reply-marker.js";

/**
 * A reply as posted: the marker of each command it answers first (so a cut never loses them),
 * the body, the note about skipped commands, all cut to GitHub's limit with a note saying so.
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
  const full = `${markers}\n${body.trimEnd()}${notes}\n`;
  return fitReply(
    full,
    renderNote({ truncated: true, overLimit }, lang, renderer),
    MAX_REPLY_LENGTH,
  );
}
