import type { ObservedLabel, ObservedPull, PullWrite, TreeFile } from "../github/vocabulary.js";
import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import { toGitHubError } from "../github/github-error.js";

/** A file of a bot commit: new text, or a blob that already exists (a report carried over). */
export type CommitFile = { path: string; content: string } | { path: string; blobSha: string };

/** One write of a bot pull request. */
export type BotPrOp =
  | {
      kind: "commit";
      /** The branch is (re)created at a new commit on `baseSha` with `files`: never merged into. */
      branch: string;
      baseSha: string;
      message: string;
      files: CommitFile[];
    }
  | {
      kind: "create-pr";
      title: string;
      body: string;
      head: string;
      base: string;
      /** Created if missing (an existing label is used as it is), then put on the pull request. */
      label?: ObservedLabel;
    }
  | { kind: "update-pr"; number: number; changes: PullWrite }
  /** A note on the pull request, then close it. */
  | { kind: "close-pr"; number: number; comment: string }
  /** A task issue's body with its synced marker set to the proposed state (docs/sync.md). */
  | { kind: "set-synced-marker"; issueNumber: number; body: string };

export interface BotPrPorts {
  github: GitHubPort;
  pulls: BotPrPort;
}

export interface ApplyBotPrResult {
  applied: BotPrOp[];
  writes: number;
  /** The pull request opened or updated, when an op returned one. */
  pull: ObservedPull | null;
}

/**
 * Carries out a bot pull request's plan: the only place it writes. A dry run returns the plan as
 * applied and makes no request at all. A commit goes through the git data API (blobs, a tree on
 * the base commit's tree, a commit whose only parent is the base, then the branch is created or
 * force-moved), so several files land in one commit and the branch never needs a merge.
 */
export async function applyBotPrOps(
  ops: readonly BotPrOp[],
  ports: BotPrPorts,
  options: { dryRun: boolean },
): Promise<ApplyBotPrResult> {
  const result: ApplyBotPrResult = { applied: [], writes: 0, pull: null };
  if (options.dryRun) return { ...result, applied: [...ops] };
  for (const op of ops) {
    await applyOp(op, ports, result);
    result.applied.push(op);
  }
  return result;
}

async function applyOp(op: BotPrOp, ports: BotPrPorts, result: ApplyBotPrResult): Promise<void> {
  const { github, pulls } = ports;
  switch (op.kind) {
    case "commit": {
      const base = await pulls.getCommit(op.baseSha);
      const files: TreeFile[] = [];
      for (const file of op.files) {
        if ("blobSha" in file) {
          files.push(file);
          continue;
        }
        files.push({ path: file.path, blobSha: await pulls.createBlob(file.content) });
        result.writes += 1;
      }
      const treeSha = await pulls.createTree(base.treeSha, files);
      const commitSha = await pulls.createCommit({
        message: op.message,
        treeSha,
        parents: [op.baseSha],
      });
      result.writes += 2;
      // A branch left from an earlier pull request (merged or closed) is moved, not merged into.
      if ((await pulls.findBranchHead(op.branch)) === null) {
        await pulls.createBranch(op.branch, commitSha);
      } else {
        await pulls.forceBranch(op.branch, commitSha);
      }
      result.writes += 1;
      return;
    }
    case "create-pr": {
      let pull: ObservedPull;
      try {
        pull = await pulls.createPull({
          title: op.title,
          body: op.body,
          head: op.head,
          base: op.base,
        });
        result.writes += 1;
      } catch (error) {
        // Another run opened it first (GitHub allows one open pull request per head and base).
        const failure = toGitHubError(error);
        if (failure.status !== 422 || !/already exists/i.test(failure.message)) throw failure;
        const [open] = await pulls.listPullsForBranch(op.head, "open", 1);
        if (!open) throw failure;
        pull = await pulls.updatePull(open.number, { title: op.title, body: op.body });
        result.writes += 1;
      }
      if (op.label) {
        if (await github.createLabel(op.label)) result.writes += 1;
        await pulls.addLabels(pull.number, [op.label.name]);
        result.writes += 1;
      }
      result.pull = pull;
      return;
    }
    case "update-pr": {
      result.pull = await pulls.updatePull(op.number, op.changes);
      result.writes += 1;
      return;
    }
    case "close-pr": {
      await github.createComment(op.number, op.comment);
      result.pull = await pulls.updatePull(op.number, { state: "closed" });
      result.writes += 2;
      return;
    }
    case "set-synced-marker": {
      await github.updateIssue(op.issueNumber, { body: op.body });
      result.writes += 1;
      return;
    }
  }
}
