import type { Probot } from "probot";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import { parseConfig } from "../../config/parse-config.js";
import type { NovaConfig, ProjectConfig } from "../../config/schema.js";
import type { RepoRef } from "../../github/vocabulary.js";
import type { GitHubPort } from "../../github/github-api.js";
import { createOctokitPort, type Octokit } from "../../github/octokit-port.js";
import { createOctokitProjectPort } from "../../github/octokit-project-port.js";
import type { Language } from "../../render/i18n.js";
import { sleepInBackground } from "../../time/sleep.js";
import type { PendingWork } from "./pending-work.js";
import { createRepoWorker, keyOf } from "./repo-worker.js";
import { takeObservationTick, type SyncObservation } from "../../sync/sync-observation.js";
import type { SyncRepositoryResult } from "../../sync/sync-repository.js";
import {
  BOARD_CHECK_NAME,
  isBoardProblem,
  renderBoardStatus,
  renderBoardTitle,
  type BoardStatus,
} from "../../board/board-status.js";
import { createPointBudget, type PointBudget } from "../../board/point-budget.js";
import { syncBoard } from "../../board/sync-board.js";
import { formatDateInZone } from "../../reports/working-days.js";

/** A request for a board run of one repository. */
export interface BoardJob {
  octokit: Octokit;
  repo: RepoRef;
  reason: "sync" | "issues" | "pull_request" | "follow-up";
  /** Known after a sync (no config read); read from the default branch otherwise. */
  config?: NovaConfig;
  /** The commit to read the checklist at; default: the default branch. */
  sha?: string;
  defaultBranch?: string;
  /** Leave a check run on `sha` when the configured board cannot be used (pushes). */
  reportOnCommit?: boolean;
  /**
   * After a sync: the plan and issues it read, so the board reads neither again. Set aside
   * (the board reads them itself) when an issue or pull request event came after it.
   */
  observation?: SyncObservation;
}

export interface BoardServiceOptions {
  app: Probot;
  /** The app's bot login (`<slug>[bot]`): task issues are the ones it wrote. */
  botLogin: () => Promise<string>;
  /** Waits (secondary limits, pacing, follow-ups); injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Delay before a follow-up run when a board run could not finish. */
  followUpDelayMs?: number;
  /** The per-project lock (across replicas with Redis); in this process by default. */
  lock?: SharedLock;
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

export interface BoardService {
  /** Queues a board run; resolves when a run covering it has finished. Never rejects. */
  requestBoardSync(job: BoardJob): Promise<void>;
  /** The board after an applied sync: its config and commit, no extra reads for them. */
  afterSync(
    job: { octokit: Octokit; repo: RepoRef; reportOnCommit?: boolean },
    result: SyncRepositoryResult,
  ): Promise<void>;
  /** What the last run of a repository found (`/nova help`), or undefined before any. */
  lastStatus(fullName: string): BoardStatus | undefined;
  /** The last status as Markdown (see `renderBoardStatus`), or null before any run. */
  describeBoard(fullName: string, lang: Language): string | null;
  /** The task issue numbers the last run saw (to skip pull requests that close none of them). */
  knownTaskIssues(fullName: string): ReadonlySet<number> | undefined;
  /** Resolves when no board run is running or waiting, follow-ups included. */
  settled(): Promise<void>;
}

/**
 * Runs board syncs one at a time per repository (bursts of issue events coalesce into one run),
 * one at a time per project (two repositories sharing a board must not both create its fields),
 * paced per account by GitHub's secondary budget, with a follow-up run when one could not finish.
 */
export function createBoardService(options: BoardServiceOptions): BoardService {
  const { app } = options;
  const sleep = options.sleep ?? sleepInBackground;
  const now = options.now ?? Date.now;
  const known = new Map<string, { status: BoardStatus; taskIssues?: ReadonlySet<number> }>();
  const budgets = new Map<string, PointBudget>();
  /** Per repository, the tick of the last issue or pull request event (observations before it are stale). */
  const lastEvent = new Map<string, number>();
  // One run per project at a time: two repositories (or replicas) must not both create its fields.
  const projectLock = options.lock ?? createLocalLock();

  const budgetFor = (owner: string): PointBudget => {
    const key = owner.toLowerCase();
    let budget = budgets.get(key);
    if (!budget) {
      budget = createPointBudget({ sleep, now });
      budgets.set(key, budget);
    }
    return budget;
  };

  const run = async (key: string, job: BoardJob): Promise<void> => {
    const log = app.log.child({ repository: key, board: job.reason });
    const retry = {
      sleep,
      onRetry: (wait: number) => log.warn({ wait }, "board: secondary rate limit, waiting"),
    };
    const github = createOctokitPort(job.octokit, job.repo, retry);
    let config = job.config;
    if (!config) {
      const parsed = parseConfig(await github.readConfig());
      if (!parsed.ok) {
        known.set(key, { status: { kind: "skipped", reason: "invalid-config" } });
        return;
      }
      config = parsed.config;
    }
    const project = config.project;
    if (!project) {
      known.set(key, { status: { kind: "off" } });
      return;
    }
    const ref = job.sha ?? job.defaultBranch ?? (await github.getRepository()).defaultBranch;
    const boardConfig = config;
    const observation =
      job.observation && job.observation.tick > (lastEvent.get(key) ?? 0)
        ? job.observation
        : undefined;
    const result = await projectLock.run(`board:${projectKey(project)}`, async () =>
      syncBoard({
        github,
        projects: createOctokitProjectPort(job.octokit, retry),
        repo: job.repo,
        config: boardConfig,
        botLogin: await options.botLogin(),
        ref,
        ...(observation ? { observation } : {}),
        today: formatDateInZone(now(), boardConfig.status.timezone),
        budget: budgetFor(job.repo.owner),
        log,
      }),
    );
    known.set(key, {
      status: result.status,
      ...(result.taskIssues ? { taskIssues: new Set(result.taskIssues) } : {}),
    });
    if (job.reportOnCommit && job.sha && isBoardProblem(result.status)) {
      await reportProblem(github, job.sha, result.status, boardConfig.language);
    }
    if (result.needsFollowUp) {
      // A follow-up reads the config again (it may have changed) and reports on no commit.
      worker.followUp(
        key,
        {
          octokit: job.octokit,
          repo: job.repo,
          reason: "follow-up",
          ...(job.defaultBranch ? { defaultBranch: job.defaultBranch } : {}),
        },
        { failed: false },
      );
    }
  };

  // The repository's runs need no lock across replicas: one project's runs must not overlap
  // (above), and that lock is taken inside the run.
  const worker = createRepoWorker<BoardJob>({
    name: "board",
    failedMessage: "board sync failed",
    run,
    log: app.log,
    sleep,
    ...(options.pending ? { pending: options.pending } : {}),
    ...(options.followUpDelayMs !== undefined ? { followUpDelayMs: options.followUpDelayMs } : {}),
  });

  return {
    requestBoardSync: (job) => {
      const key = keyOf(job.repo);
      if (job.reason === "issues" || job.reason === "pull_request") {
        lastEvent.set(key, takeObservationTick());
      }
      return worker.enqueue(key, job);
    },
    async afterSync(job, result) {
      if (result.status !== "synced") return;
      if (!result.config.project) {
        known.set(keyOf(job.repo), { status: { kind: "off" } });
        return;
      }
      await worker.enqueue(keyOf(job.repo), {
        octokit: job.octokit,
        repo: job.repo,
        reason: "sync",
        config: result.config,
        sha: result.sha,
        defaultBranch: result.repository.defaultBranch,
        observation: result.observation,
        reportOnCommit: job.reportOnCommit ?? false,
      });
    },
    lastStatus: (fullName) => known.get(fullName.toLowerCase())?.status,
    describeBoard(fullName, lang) {
      const status = known.get(fullName.toLowerCase())?.status;
      return status ? renderBoardStatus(status, lang) : null;
    },
    knownTaskIssues: (fullName) => known.get(fullName.toLowerCase())?.taskIssues,
    settled: () => worker.settled(),
  };
}

/** One check run per commit for a board Nova cannot use, so the team sees it where they push. */
async function reportProblem(
  github: GitHubPort,
  sha: string,
  status: BoardStatus,
  lang: Language,
): Promise<void> {
  if ((await github.findLatestCheckRun(sha, BOARD_CHECK_NAME)) !== null) return;
  await github.createCheckRun({
    name: BOARD_CHECK_NAME,
    headSha: sha,
    status: "completed",
    conclusion: "failure",
    title: renderBoardTitle(status, lang),
    summary: renderBoardStatus(status, lang),
  });
}

/** Runs for one project never overlap, whichever repository they come from. */
function projectKey(project: ProjectConfig): string {
  const which = "number" in project ? `#${project.number}` : `title:${project.title}`;
  return `${project.owner.toLowerCase()}/${which}`;
}
