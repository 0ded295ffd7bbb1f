import { slugify } from "../checklist/slugify.js";
import type { ObservedIssue } from "../github/vocabulary.js";
import type { DesiredIssue } from "./desired-state.js";

/** How alike title and description must be for a new task id to take over an orphaned issue. */
const MIN_SIMILARITY = 0.5;

/**
 * A renamed task gets a new id (its slug changed), leaving its old issue orphaned. Rather than
 * closing that issue and opening a new one (losing its discussion), the new task takes it over
 * when both are in the same section and their words are alike (Dice coefficient of the word
 * sets of title + description ≥ 0.5). The best match wins; ties go to the lower issue number.
 */
export function findRenamedIssue(
  want: DesiredIssue,
  orphans: ReadonlyMap<string, ObservedIssue>,
  prefix: string,
): { taskId: string; issue: ObservedIssue } | null {
  if (want.sectionSlug === null) return null;
  const sectionLabel = `${prefix}/${want.sectionSlug}`.toLowerCase();
  const wanted = words(`${want.title} ${want.description}`);
  let best: { taskId: string; issue: ObservedIssue; score: number } | null = null;
  for (const [taskId, issue] of orphans) {
    if (!issue.labels.some((label) => label.toLowerCase() === sectionLabel)) continue;
    const score = dice(wanted, words(`${issue.title} ${readDescription(issue.body)}`));
    if (score < MIN_SIMILARITY) continue;
    if (!best || score > best.score || (score === best.score && issue.number < best.issue.number)) {
      best = { taskId, issue, score };
    }
  }
  return best ? { taskId: best.taskId, issue: best.issue } : null;
}

/** The description is the body's first paragraph (see templates/<lang>/issue-body.hbs). */
function readDescription(body: string): string {
  const first = body.split(/\n\s*\n/)[0] ?? "";
  return first.startsWith("|") || first.startsWith("<") ? "" : first;
}

function words(text: string): Set<string> {
  return new Set(
    slugify(text)
      .split("-")
      .filter((word) => word.length > 1),
  );
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}
