/**
 * The issue markers the sync reads and writes: `<!-- nova:task id=<id> -->` names the task an
 * issue belongs to, `<!-- nova:section id=<slug> … -->` the section a parent issue stands for,
 * and `<!-- nova:synced checked=<0|1> -->` records the checkbox state Nova last synced, so a later run can tell "the checklist changed" (follow it) from "a human closed or
 * reopened the issue" (keep it and propose a write-back). Identity lives here, never in titles.
 *
 * Every marker is read and written by `src/github/hidden-markers.ts` (read only from the
 * trailing block of a body Nova wrote); this module names the sync's part of it.
 */
export {
  parseSectionMarker,
  parseSyncedMarker,
  parseTaskMarker,
  renderSectionMarker,
  renderSyncedMarker,
  renderTaskMarker,
  writeSyncedMarker,
  type SyncedState,
} from "../github/hidden-markers.js";
