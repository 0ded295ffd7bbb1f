/**
 * The hidden marker on each reply: `<!-- nova:reply comment=<id> command=<n> -->` names the comment
 * and which of its commands (1-based) the reply answers. Before posting, Nova looks for a reply of
 * its own with that marker, so a redelivered webhook does not answer twice. Only comments the bot
 * wrote are read for markers; user text in a reply is escaped (`<` → `&lt;`), so it cannot forge one.
 */

const REPLY_MARKER = /<!-- nova:reply comment=(\d+) command=(\d+) -->/g;

/** The marker for a reply to command `command` (1-based) of comment `commentId`. */
export function renderReplyMarker(commentId: number, command: number): string {
  return `<!-- nova:reply comment=${commentId} command=${command} -->`;
}

/** The commands (1-based) of `commentId` that a bot-written body answers. */
export function readReplyMarkers(body: string, commentId: number): number[] {
  const answered: number[] = [];
  for (const match of body.matchAll(REPLY_MARKER)) {
    if (Number(match[1]) === commentId) answered.push(Number(match[2]));
  }
  return answered;
}
