import type { Probot } from "probot";
import type { BotPrService } from "../../src/app/workers/bot-pr-service.js";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import {
  createWebhookPayload,
  type FakeGitHub,
  type FakeRepo,
  type ManualClock,
} from "../fake-github/index.js";
import { renderPull, renderRepository } from "../fake-github/render.js";
import { startNova, type TestNova } from "./start-nova.js";
import { listWritesSince, type NovaStarter } from "./use-nova-world.js";

export const PLAN = "docs/dgx-spark-plan.md";

/** The fields of GitHub's issue JSON these tests read. */
export interface IssueJson {
  number: number;
  title: string;
  body: string | null;
  state: string;
  state_reason: string | null;
  user: { login: string };
}

/** The fields of GitHub's pull request JSON these tests read. */
export interface PullJson {
  number: number;
  title: string;
  body: string | null;
  state: string;
  merged: boolean;
  user: { login: string };
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: Array<{ name: string }>;
}

/**
 * The real app against the fake GitHub with an injected clock: deliveries wait for every sync
 * they cause, the schedule is ticked by hand (no timer), and helpers act as people do.
 */
export interface BotPrWorld {
  nova: TestNova;
  botPrs: BotPrService;
  /** Delivers an event and waits for the syncs (and write-backs) it causes. */
  deliver(name: string, payload: unknown, id?: string): Promise<void>;
  /** Pushes files to the default branch as a person and delivers the push. */
  push(files: Record<string, string>, message?: string): Promise<void>;
  /** The bot's task issues, by number. */
  taskIssues(): IssueJson[];
  /** The issue of a task by its title (bold text in the checklist). */
  issueOf(title: string): IssueJson;
  pulls(): PullJson[];
  /** Merges a pull request as a person and delivers `pull_request.closed` and the base's push. */
  merge(number: number, by?: string): Promise<void>;
  /** Closes a pull request without merging as a person and delivers `pull_request.closed`. */
  closePull(number: number, by?: string): Promise<void>;
  /** Write requests (method + path without `/repos/acme/dgx`) since a mark in the request log. */
  writesSince(mark: number): string[];
}

export async function startBotPrWorld(
  fake: FakeGitHub,
  repo: FakeRepo,
  clock: ManualClock,
): Promise<BotPrWorld> {
  const nova = await startNova(fake, { now: () => clock.now().getTime() });
  const { botPrs } = nova;
  let deliveries = 0;
  const deliver = async (name: string, payload: unknown, id = `d-${++deliveries}`) => {
    await nova.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
  };
  const pushPayload = (before: string, after: string, modified: string[], by: string) => {
    const commit = repo.git.store.commit(after)!;
    const person = { name: by, email: `${by}@example.com`, username: by };
    return createWebhookPayload(
      "push",
      {
        owner: repo.owner,
        repo: repo.name,
        repository: renderRepository(fake.state, repo),
        installationId: repo.installationId,
        sender: { login: by },
        commits: [
          {
            id: after,
            tree_id: commit.tree,
            message: commit.message,
            timestamp: commit.author.date,
            author: person,
            committer: person,
            added: [],
            removed: [],
            modified,
          },
        ],
        set: {
          ref: `refs/heads/${repo.defaultBranch}`,
          before,
          after,
          created: false,
          deleted: false,
          forced: false,
          base_ref: null,
        },
      },
      (example) => String(example.ref).startsWith("refs/heads/"),
    );
  };
  const issues = () => repo.issues() as unknown as IssueJson[];
  const taskIssues = () => issues().filter((issue) => parseTaskMarker(issue.body) !== null);
  return {
    nova,
    botPrs,
    deliver,
    async push(files, message) {
      await deliver("push", repo.pushCommit({ files, ...(message ? { message } : {}) }));
    },
    taskIssues,
    issueOf(title) {
      const issue = taskIssues().find((candidate) => candidate.title === title);
      if (!issue) throw new Error(`no task issue titled "${title}"`);
      return issue;
    },
    pulls: () => repo.pulls() as unknown as PullJson[],
    async merge(number, by = "maintainer") {
      const before = repo.branchSha(repo.defaultBranch)!;
      const closed = repo.mergePull(number, { by });
      await deliver("pull_request", closed);
      const after = repo.branchSha(repo.defaultBranch)!;
      const modified = repo.git.store
        .diffTrees(repo.git.store.commit(before)!.tree, repo.git.store.commit(after)!.tree)
        .map((change) => change.filename);
      await deliver("pull_request", closed); // a redelivery changes nothing
      await deliver("push", pushPayload(before, after, modified, by));
    },
    async closePull(number, by = "maintainer") {
      const record = repo.tracker.requireIssue(number);
      repo.tracker.updateIssue(record, { state: "closed" }, fake.state.user(by));
      record.stateReason = null;
      const payload = createWebhookPayload("pull_request.closed", {
        owner: repo.owner,
        repo: repo.name,
        repository: renderRepository(fake.state, repo),
        installationId: repo.installationId,
        sender: { login: by },
        set: { number, pull_request: renderPull(fake.state, repo, record) },
      });
      await deliver("pull_request", payload);
    },
    writesSince: (mark) => listWritesSince(fake, repo, mark),
  };
}

/** `startBotPrWorld` as a `useNovaWorld` starter (the world needs the `clock` option). */
export function botPrWorld(): NovaStarter<BotPrWorld> {
  return { start: ({ fake, repo, clock }) => startBotPrWorld(fake, repo, clock) };
}
