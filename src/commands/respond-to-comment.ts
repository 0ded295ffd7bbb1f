import type { Logger } from "../logger.js";
import { parseConfig } from "../config/parse-config.js";
import type { NovaConfig, PermissionLevel } from "../config/schema.js";
import type { CommandReaction } from "../github/vocabulary.js";
import type { CommandPort, GitHubPort } from "../github/github-api.js";
import { isTransientGitHubFailure } from "../github/transient-failure.js";
import type { Renderer } from "../render/create-renderer.js";
import { DEFAULT_LANGUAGE, type Language } from "../render/i18n.js";
import type { StatusReportResult } from "../bot-pr/run-status-report.js";
import type { SyncRepositoryResult } from "../sync/sync-repository.js";
import {
  answerCommand,
  decideCommand,
  toCommandFailure,
  type CommandOutcome,
} from "./answer-command.js";
import { composeReply } from "./compose-reply.js";
import { parseComment } from "./parse-commands.js";
import { resolvePermissionLevel } from "./permission-level.js";
import { findOpenWriteBack } from "../bot-pr/find-write-back-pull.js";
import { DEFAULT_CONFIG } from "../config/schema.js";
import { renderConfigInvalid, renderFailure, renderRateLimited } from "./render-command-replies.js";
import type { ReplyLimiter, ReplyTake } from "./reply-limiter.js";
import { parseReplyMarkers } from "../github/hidden-markers.js";
import {
  loadPlanState,
  type CommandIssue,
  type PlanState,
  type WriteBackLink,
} from "./run-command.js";
import { formatDateInZone } from "../reports/working-days.js";

export type { CommandOutcome } from "./answer-command.js";

/** The comment as the `issue_comment.created` payload has it. */
export interface CommandComment {
  id: number;
  body: string;
  author: string;
  /** `user.type`: `User`, `Bot`, `Organization`. */
  authorType: string;
  /** `created_at`, ISO 8601. */
  createdAt: string;
}

export interface RespondToCommentInput {
  github: GitHubPort;
  commands: CommandPort;
  comment: CommandComment;
  issue: CommandIssue;
  repository: { fullName: string; defaultBranch: string };
  /** The app's bot login, `<slug>[bot]` (resolved once per process by the sync service). */
  botLogin: () => Promise<string>;
  /** Runs the sync now; null when it reported no result. */
  runSync: () => Promise<SyncRepositoryResult | null>;
  /** Runs the status report now (`/nova report`); absent where Nova has no bot-PR service. */
  runStatusReport?: () => Promise<StatusReportResult>;
  /** The board's last status message for this repository, for `/nova help`. */
  describeBoard?: (lang: Language) => string | null;
  limiter: ReplyLimiter;
  now: () => number;
  log: Logger;
  renderer?: Renderer;
}

export type RespondToCommentResult =
  | { status: "ignored"; reason: "bot-author" | "no-commands" }
  | { status: "already-answered" }
  | { status: "answered"; outcomes: CommandOutcome[] }
  /**
   * GitHub could not be reached (5xx, rate limit) before every command was answered: the
   * caller runs it again later, and the reply markers keep the second run from repeating the
   * replies that did get through.
   */
  | { status: "unfinished"; outcomes: CommandOutcome[] };

/**
 * Answers the `/nova` commands of a new comment. Every step is chosen to be cheap and safe:
 *
 * 1. Comments by bots (Nova included) and comments without a command line cost no API call.
 * 2. 👀 on the comment; then Nova's own replies to this comment are looked up by their hidden
 *    marker, and commands already answered are skipped (a redelivered webhook posts nothing).
 * 3. `.github/nova.yml` is read; if invalid, one reply says so.
 * 4. Per command, at most three: unknown names get "did you mean …"; a known command needs its
 *    configured permission, read once from the collaborator-permission API (an error denies);
 *    then its flags must be valid; then it runs.
 * 5. The spam guard counts every reply per person and issue; beyond the limit the command does
 *    not run. The first refused command until a slot frees gets one short reply (the limit and
 *    when it resets, in the configured time zone) and 😕; later ones only get 😕.
 * 6. Each reply carries its marker and fits GitHub's size limit; 🚀 when a command's reply is
 *    posted, 👎 when denied, 😕 when it could not run or was limited.
 */
export async function respondToComment(
  input: RespondToCommentInput,
): Promise<RespondToCommentResult> {
  const { comment, commands: port, log } = input;
  if (isBotAuthor(comment)) return { status: "ignored", reason: "bot-author" };
  const parsed = parseComment(comment.body);
  if (parsed.commands.length === 0) return { status: "ignored", reason: "no-commands" };

  const reacted = new Set<CommandReaction>();
  const react = async (content: CommandReaction) => {
    if (reacted.has(content)) return;
    reacted.add(content);
    try {
      await port.addCommentReaction(comment.id, content);
    } catch (error) {
      log.warn({ err: error, content }, "could not react to the command comment");
    }
  };
  await react("eyes");

  let botLogin: string;
  let answered: Set<number>;
  try {
    botLogin = await input.botLogin();
    answered = await findAnswered(input, botLogin);
  } catch (error) {
    if (isTransientGitHubFailure(error)) {
      log.warn({ err: error, comment: comment.id }, "GitHub unavailable: answering later");
      return { status: "unfinished", outcomes: [] };
    }
    // Without the bot's earlier replies Nova cannot tell a redelivery from a new comment, and a
    // reply posted anyway might be a duplicate: 😕 only, nothing runs.
    log.error({ err: error, comment: comment.id }, "could not look up earlier replies");
    await react("confused");
    return { status: "answered", outcomes: parsed.commands.map(() => "failed" as const) };
  }
  const pending = parsed.commands
    .map((found, index) => ({ found, number: index + 1 }))
    .filter(({ number }) => !answered.has(number));
  if (pending.length === 0) {
    log.info({ comment: comment.id }, "commands already answered (redelivery)");
    return { status: "already-answered" };
  }

  const outcomes: CommandOutcome[] = [];
  /** A reply GitHub did not take for a passing reason (5xx, rate limit): answer it later. */
  let unfinished = false;
  const lastNumber = parsed.commands.length;
  const post = async (numbers: number[], body: string, lang: Language): Promise<boolean> => {
    const overLimit = numbers.includes(lastNumber) ? parsed.overLimit : 0;
    const text = composeReply(comment.id, numbers, body, overLimit, lang, input.renderer);
    try {
      await port.createComment(input.issue.number, text);
      return true;
    } catch (error) {
      log.error({ err: error, comment: comment.id }, "could not post the reply");
      if (isTransientGitHubFailure(error)) unfinished = true;
      return false;
    }
  };
  // The spam guard's one reply per refused stretch; it carries the command's marker, so a
  // redelivery does not run the refused command later.
  const tellLimited = async (
    take: Extract<ReplyTake, { allowed: false }>,
    config: NovaConfig | null,
    postBody: (body: string) => Promise<boolean>,
  ) => {
    if (!take.notify) return;
    const settings = config ?? DEFAULT_CONFIG;
    const body = renderRateLimited(
      settings.commands.rateLimit,
      { now: input.now(), resetAt: take.resetAt, timeZone: settings.status.timezone },
      settings.language,
      input.renderer,
    );
    await postBody(body);
  };
  const limitKey = `${input.repository.fullName.toLowerCase()}#${input.issue.number}@${comment.author.toLowerCase()}`;

  let config: NovaConfig;
  try {
    const parsedConfig = parseConfig(await input.github.readConfig());
    if (!parsedConfig.ok) {
      const take = await takeReply(input, limitKey, null);
      if (take.allowed) {
        const body = renderConfigInvalid(parsedConfig.problems, DEFAULT_LANGUAGE, input.renderer);
        await post(
          pending.map((entry) => entry.number),
          body,
          DEFAULT_LANGUAGE,
        );
        outcomes.push("config-invalid");
      } else {
        await tellLimited(take, null, (body) =>
          post(
            pending.map((entry) => entry.number),
            body,
            DEFAULT_LANGUAGE,
          ),
        );
        outcomes.push("rate-limited");
      }
      await react("confused");
      return { status: "answered", outcomes };
    }
    config = parsedConfig.config;
  } catch (error) {
    if (isTransientGitHubFailure(error)) {
      log.warn({ err: error, comment: comment.id }, "GitHub unavailable: answering later");
      return { status: "unfinished", outcomes: [] };
    }
    log.error({ err: error }, "could not read .github/nova.yml");
    if ((await takeReply(input, limitKey, null)).allowed) {
      const body = renderFailure(null, toCommandFailure(error), DEFAULT_LANGUAGE, input.renderer);
      await post(
        pending.map((entry) => entry.number),
        body,
        DEFAULT_LANGUAGE,
      );
    }
    await react("confused");
    return { status: "answered", outcomes: ["failed"] };
  }

  const lang = config.language;
  let permission: Promise<PermissionLevel | null> | undefined;
  const readPermission = () => {
    permission ??= Promise.resolve()
      .then(() => port.getCollaboratorPermission(comment.author))
      .then(
        (answer) => resolvePermissionLevel(answer),
        (error: unknown) => {
          // Fail closed: a permission Nova cannot read is no permission.
          log.warn({ err: error, user: comment.author }, "permission check failed; denying");
          return null;
        },
      );
    return permission;
  };
  let planState: Promise<PlanState> | undefined;
  let writeBackPull: Promise<WriteBackLink | null> | undefined;
  // One read, and only for a reply that explains a pending write-back; without it the reply
  // still explains, only without the link.
  const findWriteBackPull = () =>
    (writeBackPull ??= findOpenWriteBack(port, botLogin).then(
      (found) => (found ? { number: found.pull.number, url: found.pull.htmlUrl } : null),
      (error: unknown) => {
        log.warn({ err: error }, "could not look up the write-back pull request");
        return null;
      },
    ));
  const context = {
    github: input.github,
    config,
    botLogin,
    issue: input.issue,
    defaultBranch: input.repository.defaultBranch,
    today: formatDateInZone(input.now(), config.status.timezone),
    runSync: input.runSync,
    ...(input.runStatusReport ? { runStatusReport: input.runStatusReport } : {}),
    ...(input.describeBoard ? { describeBoard: input.describeBoard } : {}),
    findWriteBackPull,
    loadPlan: () =>
      (planState ??= loadPlanState(input.github, config, botLogin, input.repository.defaultBranch)),
    ...(input.renderer ? { renderer: input.renderer } : {}),
  };

  for (const { found, number } of pending) {
    const decision = await decideCommand(found.invocation, config, readPermission);
    const take = await takeReply(input, limitKey, config);
    if (!take.allowed) {
      log.info({ user: comment.author, issue: input.issue.number }, "reply limit reached");
      await tellLimited(take, config, (body) => post([number], body, lang));
      outcomes.push("rate-limited");
      await react("confused");
      continue;
    }
    const { body, outcome, replyLang } = await answerCommand(decision, lang, context, log);
    const posted = await post([number], body, replyLang);
    outcomes.push(posted ? outcome : "reply-failed");
    await react(
      !posted || outcome === "failed" || outcome === "unknown" || outcome === "bad-arguments"
        ? "confused"
        : outcome === "denied"
          ? "-1"
          : "rocket",
    );
  }
  if (unfinished) return { status: "unfinished", outcomes };
  log.info({ comment: comment.id, outcomes }, "commands answered");
  return { status: "answered", outcomes };
}

/** Bots never command Nova: `user.type` Bot, or a `[bot]` login (Nova's own is `<slug>[bot]`). */
export function isBotAuthor(comment: Pick<CommandComment, "author" | "authorType">): boolean {
  return comment.authorType === "Bot" || /\[bot\]$/i.test(comment.author);
}

/** The command numbers Nova already answered for this comment, from markers in its own comments. */
async function findAnswered(input: RespondToCommentInput, botLogin: string): Promise<Set<number>> {
  const comments = await input.commands.listComments(input.issue.number, input.comment.createdAt);
  const answered = new Set<number>();
  for (const reply of comments) {
    if (reply.author.toLowerCase() !== botLogin.toLowerCase()) continue;
    for (const number of parseReplyMarkers(reply.body, input.comment.id)) answered.add(number);
  }
  return answered;
}

/** One reply slot from the spam guard; before the config is known, its defaults apply. */
async function takeReply(
  input: RespondToCommentInput,
  key: string,
  config: NovaConfig | null,
): Promise<ReplyTake> {
  const { perUser, windowMinutes } = config?.commands.rateLimit ?? {
    perUser: 5,
    windowMinutes: 10,
  };
  return input.limiter.tryTake(key, perUser, windowMinutes * 60_000, input.now());
}
