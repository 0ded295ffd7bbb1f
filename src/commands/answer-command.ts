import type { Logger } from "../logger.js";
import type { NovaConfig, PermissionLevel } from "../config/schema.js";
import { GitHubError } from "../github/github-error.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { CommandDefinition } from "./command-registry.js";
import type { ParsedInvocation } from "./parse-arguments.js";
import { meetsPermission } from "./permission-level.js";
import {
  renderBadArguments,
  renderDenied,
  renderFailure,
  renderUnknownCommand,
  type CommandFailure,
} from "./render-command-replies.js";
import { ChecklistMissingError, runCommand, type CommandContext } from "./run-command.js";

/** What became of one command. */
export type CommandOutcome =
  | "replied"
  | "unknown"
  | "bad-arguments"
  | "denied"
  | "failed"
  | "config-invalid"
  | "rate-limited"
  | "reply-failed";

type InvocationOf<K extends ParsedInvocation["kind"]> = Extract<ParsedInvocation, { kind: K }>;

/** What a command gets before anything runs. */
export type Decision =
  | { kind: "unknown"; invocation: InvocationOf<"unknown"> }
  | {
      kind: "denied";
      command: CommandDefinition;
      required: PermissionLevel;
      /** Null when GitHub could not say. */
      actual: PermissionLevel | null;
      /** `--lang`, when the flags were valid. */
      lang: Language | undefined;
    }
  | { kind: "bad-arguments"; invocation: InvocationOf<"bad-arguments"> }
  | { kind: "run"; invocation: InvocationOf<"command"> };

/**
 * Decides what a command gets, before anything runs: an unknown name gets suggestions; a known
 * command needs its configured level (`readPermission` asks GitHub once per comment; null, an
 * error, denies); only then are its flags looked at, so a denied user learns nothing about them.
 */
export async function decideCommand(
  invocation: ParsedInvocation,
  config: NovaConfig,
  readPermission: () => Promise<PermissionLevel | null>,
): Promise<Decision> {
  if (invocation.kind === "unknown") return { kind: "unknown", invocation };
  const required = config.commands.permissions[invocation.command.name];
  if (required !== "none") {
    const actual = await readPermission();
    if (actual === null || !meetsPermission(actual, required)) {
      const lang = invocation.kind === "command" ? invocation.flags.lang : undefined;
      return { kind: "denied", command: invocation.command, required, actual, lang };
    }
  }
  return invocation.kind === "bad-arguments"
    ? { kind: "bad-arguments", invocation }
    : { kind: "run", invocation };
}

/**
 * The reply for a decision, in `--lang` when given, else `lang`; a command that may run is run
 * here. A failure while running is a short reply, not an exception.
 */
export async function answerCommand(
  decision: Decision,
  lang: Language,
  context: CommandContext,
  log: Pick<Logger, "error">,
): Promise<{ body: string; outcome: CommandOutcome; replyLang: Language }> {
  const renderer = context.renderer ?? readSharedRenderer();
  const reply = (body: string, outcome: CommandOutcome, replyLang: Language) => ({
    body,
    outcome,
    replyLang,
  });
  switch (decision.kind) {
    case "unknown": {
      const { typed, suggestions } = decision.invocation;
      return reply(renderUnknownCommand(typed, suggestions, lang, renderer), "unknown", lang);
    }
    case "denied": {
      const replyLang = decision.lang ?? lang;
      const { command, required, actual } = decision;
      return reply(
        renderDenied(command, required, actual, replyLang, renderer),
        "denied",
        replyLang,
      );
    }
    case "bad-arguments": {
      const { command, problem } = decision.invocation;
      return reply(renderBadArguments(command, problem, lang, renderer), "bad-arguments", lang);
    }
    case "run": {
      const { command, flags } = decision.invocation;
      const replyLang = flags.lang ?? lang;
      try {
        return reply(await runCommand(command, flags, context), "replied", replyLang);
      } catch (error) {
        log.error({ err: error, command: command.name }, "command failed");
        const failure = toCommandFailure(error);
        return reply(renderFailure(command, failure, replyLang, renderer), "failed", replyLang);
      }
    }
  }
}

/** What a failure means for the person who asked. */
export function toCommandFailure(error: unknown): CommandFailure {
  if (error instanceof ChecklistMissingError) {
    return { kind: "checklist-missing", path: error.path };
  }
  if (error instanceof GitHubError) return { kind: "github", status: error.status };
  return { kind: "internal" };
}
