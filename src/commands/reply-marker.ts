/**
 * The hidden marker on each reply: `<!-- nova:reply comment=<id> command=<n> -->` names the comment
 * and which of its commands (1-based) the reply answers. Before posting, Nova looks for a reply of
 * its own with that marker, so a redelivered webhook does not answer twice. Only comments the bot
 * wrote are read, and only their trailing markers (`src/github/hidden-markers.ts`): a marker
 * quoted in the reply's text is not one.
 */
export { parseReplyMarkers, renderReplyMarker } from "../github/hidden-markers.js";
