import { toGitHubError, type GitHubError } from "../github/github-error.js";
import type { MilestoneWrite, ObservedIssue, ObservedMilestone } from "../github/vocabulary.js";
import type { GitHubPort } from "../github/github-api.js";

export interface MilestoneResult {
  /** The milestone's number, null when there is none (no `delivery:`, a dry run, or an error). */
  number: number | null;
  action: "created" | "updated" | null;
  title: string;
  writes: number;
  /** The server has no milestones (404): nothing to hold the issues. */
  missing: boolean;
  error: GitHubError | null;
}

/**
 * The delivery milestone: found on the issues the sync already listed (free), else in ONE
 * milestone listing, else created; its due date and description follow `delivery:`. A second
 * replica creating it first is adopted (`already_exists`). A dry run writes nothing.
 */
export async function syncMilestone(
  port: GitHubPort,
  issues: Iterable<ObservedIssue>,
  want: { delivery: string | undefined; title: string; description: string },
  options: { dryRun: boolean; maxWrites: number },
): Promise<MilestoneResult> {
  const result: MilestoneResult = {
    number: null,
    action: null,
    title: want.title,
    writes: 0,
    missing: false,
    error: null,
  };
  if (!want.delivery) return result;
  const desired: MilestoneWrite = {
    title: want.title,
    description: want.description,
    // Noon UTC is the delivery day in every time zone from UTC−11 to UTC+11.
    dueOn: `${want.delivery}T12:00:00Z`,
  };
  const matches = (milestone: ObservedMilestone) =>
    milestone.dueOn?.slice(0, 10) === want.delivery &&
    (milestone.description ?? "") === want.description;
  try {
    let found: ObservedMilestone | undefined;
    for (const issue of issues) {
      if (issue.milestone?.title === want.title) found = issue.milestone;
    }
    found ??= (await port.listMilestones()).find((milestone) => milestone.title === want.title);
    if (!found) {
      if (options.dryRun || options.maxWrites < 1) return { ...result, action: "created" };
      const created = await port.createMilestone(desired);
      result.writes += 1;
      found =
        created ??
        (await port.listMilestones()).find((milestone) => milestone.title === want.title);
      if (!found) return result;
      result.action = created ? "created" : null;
    }
    result.number = found.number;
    if (!matches(found)) {
      if (options.dryRun || result.writes + 1 > options.maxWrites) {
        return { ...result, action: "updated" };
      }
      await port.updateMilestone(found.number, desired);
      result.writes += 1;
      result.action ??= "updated";
    }
  } catch (error) {
    const failure = toGitHubError(error);
    if (failure.kind === "not-found") return { ...result, missing: true };
    result.error = failure;
  }
  return result;
}
