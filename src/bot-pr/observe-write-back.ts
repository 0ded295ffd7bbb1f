import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import type { ObservedIssue } from "../github/vocabulary.js";
import type { WriteBackProposal } from "../sync/plan-sync.js";
import type { OpenWriteBack } from "./find-write-back-pull.js";

/** A proposal of the sync with its issue as GitHub has it now (`closedBy` included). */
export interface ObservedProposal {
  proposal: WriteBackProposal;
  /** Null when the issue is gone. */
  issue: ObservedIssue | null;
}

/** What the write-back plan needs to know about GitHub. */
export interface ObservedWriteBack {
  /** The default branch's head: the base of the write-back commit. */
  baseSha: string;
  /** The checklist at `baseSha`; null when it is missing. */
  source: string | null;
  proposals: ObservedProposal[];
  /** The open write-back pull request, with its head commit's parents and checklist text. */
  open: (OpenWriteBack & { headParents: string[]; headText: string | null }) | null;
}

/**
 * Reads what the write-back depends on: the default branch's head and checklist, each proposed
 * issue again (who closed it, and whether it is still as the sync saw it), and, for the open
 * pull request, its head commit and checklist (to tell whether it is still current).
 */
export async function observeWriteBack(
  ports: { github: GitHubPort; pulls: BotPrPort },
  options: {
    checklistPath: string;
    defaultBranch: string;
    proposals: readonly WriteBackProposal[];
    open: OpenWriteBack | null;
  },
): Promise<ObservedWriteBack> {
  const { github, pulls } = ports;
  const baseSha = await github.getBranchSha(options.defaultBranch);
  const source = await github.getFileText(options.checklistPath, baseSha);
  const proposals: ObservedProposal[] = [];
  for (const proposal of options.proposals) {
    proposals.push({ proposal, issue: await github.getIssue(proposal.issueNumber) });
  }
  let open: ObservedWriteBack["open"] = null;
  if (options.open) {
    const head = await pulls.getCommit(options.open.pull.headSha);
    const headText = await github.getFileText(options.checklistPath, head.sha);
    open = { ...options.open, headParents: head.parents, headText };
  }
  return { baseSha, source, proposals, open };
}
