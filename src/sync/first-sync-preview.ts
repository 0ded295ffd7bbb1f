import type { DesiredLabel } from "./desired-state.js";

/** What `nova plan` shows: the writes of a first sync into an empty repository. */
export interface FirstSyncPreview {
  labels: DesiredLabel[];
  issues: Array<{
    taskId: string;
    title: string;
    labels: string[];
    state: "open" | "closed";
    line: number;
    body: string;
  }>;
  /** Write requests the sync would make (a ticked task costs two: create, then close). */
  writes: number;
}
