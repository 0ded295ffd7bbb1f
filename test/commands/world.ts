import {
  respondToComment,
  type RespondToCommentInput,
} from "../../src/commands/respond-to-comment.js";
import { createMemoryReplyLimiter, type ReplyLimiter } from "../../src/commands/reply-limiter.js";
import type { CommandIssue } from "../../src/commands/run-command.js";
import { runSync } from "../../src/sync/run-sync.js";
import { syncRepository } from "../../src/sync/sync-repository.js";
import { MemoryPort } from "../sync/memory-port.js";
import { MemoryCommandPort } from "./memory-command-port.js";

export const BOT = "nova-test[bot]";
export const PLAN_PATH = "docs/dgx-spark-plan.md";
/** Monday 2025-01-06, 09:00 UTC. */
export const NOW = Date.parse("2025-01-06T09:00:00Z");

/** A small plan with dependencies and two roles. */
export const PLAN = [
  "# Plan",
  "",
  "## 1. Plattform",
  "- [ ] **DGX Setup** – Erstkonfiguration. <!-- nova: id=setup; role=Plattform -->",
  "- [ ] **Treiber installieren** – NVIDIA-Treiber. <!-- nova: id=treiber; after=setup; role=Plattform; estimate=2d -->",
  "",
  "## 2. Betrieb",
  "- [ ] **Monitoring** – Grafana. <!-- nova: id=monitoring; after=treiber; role=Betrieb -->",
  "- [x] **Doku** – Handbuch. <!-- nova: id=doku; role=Betrieb -->",
  "",
].join("\n");

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An in-memory repository with the plan synced into issues, and a command port beside it. */
export class CommandWorld {
  port = new MemoryPort(BOT);
  commands = new MemoryCommandPort(BOT);
  limiter: ReplyLimiter = createMemoryReplyLimiter();
  syncRuns = 0;
  errors: object[] = [];
  private nextCommentId = 100;

  /** Creates the task issues with the real sync. */
  async seed(plan = PLAN): Promise<void> {
    this.port.setFile(PLAN_PATH, plan);
    const outcome = await runSync({
      port: this.port,
      botLogin: BOT,
      links: {
        htmlUrl: "https://github.com/acme/dgx",
        defaultBranch: "main",
        checklistPath: PLAN_PATH,
        sha: "1".repeat(40),
      },
      prefix: "dgx",
      lang: "de",
      closeRemoved: true,
      maxWritesPerRun: 200,
      dryRun: false,
    });
    if (outcome.status !== "synced") throw new Error(`seed sync: ${outcome.status}`);
  }

  /** The issue of a task (by its marker id). */
  issueOf(taskId: string) {
    const issue = this.port.issues.find((candidate) => candidate.body.includes(`id=${taskId} -->`));
    if (!issue) throw new Error(`no issue for ${taskId}`);
    return issue;
  }

  /** Answers a comment; returns the use-case result and the comment id. */
  async comment(
    body: string,
    options: {
      author?: string;
      authorType?: string;
      issue?: CommandIssue;
      id?: number;
      overrides?: Partial<RespondToCommentInput>;
    } = {},
  ) {
    const id = options.id ?? this.nextCommentId++;
    const result = await respondToComment({
      github: this.port,
      commands: this.commands,
      comment: {
        id,
        body,
        author: options.author ?? "alice",
        authorType: options.authorType ?? "User",
        createdAt: "2025-01-06T09:00:00Z",
      },
      issue: options.issue ?? { number: 500, body: "Eine Frage", author: "alice" },
      repository: { fullName: "acme/dgx", defaultBranch: "main" },
      botLogin: () => Promise.resolve(BOT),
      runSync: async () => {
        this.syncRuns++;
        return syncRepository({
          port: this.port,
          botLogin: BOT,
          reason: "command",
          repository: { defaultBranch: "main", htmlUrl: "https://github.com/acme/dgx" },
          log: quietLog,
        });
      },
      limiter: this.limiter,
      now: () => NOW,
      log: { ...quietLog, error: (data) => void this.errors.push(data) },
      ...options.overrides,
    });
    return { result, id };
  }

  /** The last reply's body. */
  lastReply(): string {
    const reply = this.commands.replies().at(-1);
    if (!reply) throw new Error("no reply");
    return reply.body;
  }
}
