/**
 * Hidden markers in bodies the bot wrote. Identity lives here, never in titles:
 * `<!-- nova:task id=<id> -->` names the task an issue belongs to, and
 * `<!-- nova:synced checked=<0|1> -->` records the checkbox state Nova last synced, so a later
 * run can tell "the checklist changed" (follow it) from "a human closed or reopened the issue"
 * (keep it and propose a write-back).
 */

const TASK_MARKER = /<!-- nova:task id=([a-z0-9]+(?:-[a-z0-9]+)*) -->/;
/** `tasks=` is a digest of the section's task ids in order: a reorder changes the body. */
const SECTION_MARKER = /<!-- nova:section id=([a-z0-9]+(?:-[a-z0-9]+)*)(?: tasks=[0-9a-f]+)? -->/;
const SYNCED_MARKER = /<!-- nova:synced checked=([01])(?: removed=([01]))? -->/;

export interface SyncedState {
  checked: boolean;
  /** The task was removed from the checklist and its issue closed as not planned. */
  removed: boolean;
}

/** The task marker for a body. */
export function renderTaskMarker(taskId: string): string {
  return `<!-- nova:task id=${taskId} -->`;
}

/**
 * The marker of a section's issue (`<!-- nova:section id=<slug> tasks=<digest> -->`). The
 * digest of its task ids in plan order changes the body when the order changes, which is what
 * makes the sync read the section's sub-issue list (and only then).
 */
export function renderSectionMarker(slug: string, taskIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of taskIds.join(",")) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `<!-- nova:section id=${slug} tasks=${hash.toString(16).padStart(8, "0")} -->`;
}

/** The section slug of a bot-written section issue's body, or null. Callers must check the author. */
export function readSectionMarker(body: string | null | undefined): string | null {
  return SECTION_MARKER.exec(body ?? "")?.[1] ?? null;
}

/** The sync-state marker for a body. */
export function renderSyncedMarker(state: SyncedState): string {
  return `<!-- nova:synced checked=${state.checked ? 1 : 0}${state.removed ? " removed=1" : ""} -->`;
}

/** The task id of a bot-written body, or null. Callers must also check the author. */
export function readTaskMarker(body: string | null | undefined): string | null {
  return TASK_MARKER.exec(body ?? "")?.[1] ?? null;
}

/** The checkbox state Nova last synced into a body, or null for bodies without one. */
export function readSyncedMarker(body: string | null | undefined): SyncedState | null {
  const match = SYNCED_MARKER.exec(body ?? "");
  if (!match) return null;
  return { checked: match[1] === "1", removed: match[2] === "1" };
}

/** Replaces (or appends) the sync-state marker of a body. */
export function writeSyncedMarker(body: string, state: SyncedState): string {
  const marker = renderSyncedMarker(state);
  return SYNCED_MARKER.test(body) ? body.replace(SYNCED_MARKER, marker) : `${body}\n${marker}`;
}
