/**
 * The hidden footer marker of a bot pull request's body: its kind and the value it shows, as
 * percent-encoded JSON. `parse()` of a body value reads only this marker (the last thing in the
 * body, `src/github/hidden-markers.ts`), so edits to the visible text cannot change what Nova
 * believes the pull request proposes (and Nova rewrites such edits).
 */
export { parseBotPrMarker, renderBotPrMarker, type BotPrKind } from "../github/hidden-markers.js";
