import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
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
  /**
   * The links GitHub's own structure adds on github.com (docs/sync.md, "Structure"): each task
   * issue as a sub-issue of its section's issue, and each `after=` as "blocked by".
   */
  links: { subIssues: number; blockedBy: number };
  /**
   * Write requests the sync would make (a ticked task costs two: create, then close; one per
   * link); the milestone (only with `delivery:` in the configuration) is not counted.
   */
  writes: number;
}

/** What a sync would create, as Markdown (`templates/<lang>/sync-plan.hbs`). */
export function renderSyncPlan(
  result: FirstSyncPreview,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const issues = result.issues.map((issue) => ({ ...issue, closed: issue.state === "closed" }));
  return renderer.render("sync-plan", lang, { ...result, issues });
}
