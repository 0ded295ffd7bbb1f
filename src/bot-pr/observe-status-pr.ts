import type { ObservedPull } from "../github/vocabulary.js";
import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import { parseReportDate, STATUS_BRANCH, STATUS_DIR, statusReportPath } from "./bot-pr-names.js";
import { StatusPrBody } from "./status-pr-body.js";
import { parseReportDigest } from "./status-report-content.js";

/** What the status pull request's plan needs to know about GitHub. */
export interface ObservedStatusPr {
  /** The default branch's head: the base every regenerated commit starts from. */
  baseSha: string;
  /** Report files on the default branch: date → blob sha. */
  baseReports: ReadonlyMap<string, string>;
  /** Nova's open status pull request and the report files on its branch, or null. */
  open: { pull: ObservedPull; reports: ReadonlyMap<string, string> } | null;
  /** Nova's newest status pull request that was closed without merging, when it is newer than any merged one. */
  rejected: ObservedPull | null;
  /** The digest in the newest report (open pull request first, else the default branch). */
  latestDigest: string | null;
}

/** Pull requests on the status branch looked at: the open one and the latest closed ones. */
const RECENT_PULLS = 10;

/**
 * Reads what the status pull request depends on, in few calls: the recent pull requests on
 * `nova/status` (one page), the report folder on the default branch, the folder on the open
 * pull request's branch, and the newest report's text only when its day is not `today` (its
 * digest says whether anything changed since). Only pull requests the app's bot opened, with
 * Nova's marker, count.
 */
export async function observeStatusPr(
  ports: { github: GitHubPort; pulls: BotPrPort },
  options: { botLogin: string; baseSha: string; today: string },
): Promise<ObservedStatusPr> {
  const { github, pulls } = ports;
  const recent = (await pulls.listPullsForBranch(STATUS_BRANCH, "all", RECENT_PULLS)).filter(
    (pull) =>
      pull.author.toLowerCase() === options.botLogin.toLowerCase() &&
      StatusPrBody.parse(pull.body) !== null,
  );
  const openPull = recent.find((pull) => pull.state === "open") ?? null;
  const lastClosed = recent.find((pull) => pull.state === "closed");
  const baseReports = await readReports(pulls, options.baseSha);
  const open = openPull
    ? { pull: openPull, reports: await readReports(pulls, openPull.headSha) }
    : null;

  const newest = [...(open?.reports ?? new Map<string, string>()), ...baseReports]
    .map(([date]) => date)
    .sort()
    .at(-1);
  let latestDigest: string | null = null;
  if (newest !== undefined && newest !== options.today) {
    const onBranch = open?.reports.has(newest) ?? false;
    const text = await github.getFileText(
      statusReportPath(newest),
      onBranch ? open!.pull.headSha : options.baseSha,
    );
    latestDigest = parseReportDigest(text);
  }
  return {
    baseSha: options.baseSha,
    baseReports,
    open,
    rejected: lastClosed && !lastClosed.merged ? lastClosed : null,
    latestDigest,
  };
}

async function readReports(pulls: BotPrPort, ref: string): Promise<Map<string, string>> {
  const reports = new Map<string, string>();
  for (const entry of await pulls.listDirectory(STATUS_DIR, ref)) {
    const date = entry.type === "file" ? parseReportDate(entry.name) : null;
    if (date !== null) reports.set(date, entry.sha);
  }
  return reports;
}
