import type { NovaConfig } from "../config/schema.js";
import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { WriteBackProposal } from "../sync/plan-sync.js";
import type { Logger } from "../logger.js";
import { applyBotPrOps } from "./apply-bot-pr.js";
import { findOpenWriteBack } from "./find-write-back-pull.js";
import { observeWriteBack } from "./observe-write-back.js";
import { planWriteBack, type WriteBackOutcome } from "./plan-write-back.js";

export interface WriteBackRun {
  github: GitHubPort;
  pulls: BotPrPort;
  botLogin: string;
  config: Pick<NovaConfig, "checklist" | "language">;
  defaultBranch: string;
  /** The applied sync's proposals (a human closed or reopened a task issue). */
  proposals: readonly WriteBackProposal[];
  log: Pick<Logger, "info" | "warn">;
}

export interface WriteBackResult {
  outcome: WriteBackOutcome;
  /** Whether Nova's write-back pull request is open after the run. */
  open: boolean;
  pull: { number: number; url: string } | null;
  writes: number;
}

/**
 * The write-back use-case after a sync: find Nova's open write-back pull request (one request);
 * with no proposal and none open, stop there. Otherwise observe the default branch and the
 * proposed issues, plan (pure) and apply: open, update or close the one pull request, then set
 * the synced markers of the proposed issues.
 */
export async function runWriteBack(input: WriteBackRun): Promise<WriteBackResult> {
  const { github, pulls, log, config } = input;
  const open = await findOpenWriteBack(pulls, input.botLogin);
  if (input.proposals.length === 0 && !open) {
    return { outcome: "none", open: false, pull: null, writes: 0 };
  }
  const observed = await observeWriteBack(
    { github, pulls },
    {
      checklistPath: config.checklist,
      defaultBranch: input.defaultBranch,
      proposals: input.proposals,
      open,
    },
  );
  const plan = planWriteBack(observed, {
    lang: config.language,
    checklistPath: config.checklist,
    defaultBranch: input.defaultBranch,
    closeNote: readSharedRenderer().render("write-back-closed", config.language, {}),
  });
  const applied = await applyBotPrOps(plan.ops, { github, pulls }, { dryRun: false });
  const pull = applied.pull ?? open?.pull ?? null;
  log.info(
    {
      outcome: plan.outcome,
      changes: plan.changes.map((change) => `${change.action} ${change.taskId}`),
      pinned: plan.pinned.length,
      writes: applied.writes,
      pull: pull?.number,
    },
    `write-back: ${plan.outcome}`,
  );
  const stillOpen = plan.outcome !== "closed" && plan.outcome !== "none";
  return {
    outcome: plan.outcome,
    open: stillOpen || (plan.outcome === "none" && open !== null),
    pull: pull ? { number: pull.number, url: pull.htmlUrl } : null,
    writes: applied.writes,
  };
}
