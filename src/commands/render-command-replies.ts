/**
 * The Markdown of every reply to a `/nova` command, from `templates/<lang>/command-*.hbs`. Pure.
 * User text goes through the templates' `md` helper (see `escapeMarkdown`); text that a person
 * typed is also clipped first, so a 100 KB argument cannot fill a reply.
 */
import type { NovaConfig, PermissionLevel } from "../config/schema.js";
import { renderConfigProblems, type ConfigProblem } from "../config/parse-config.js";
import type { Renderer } from "../render/create-renderer.js";
import { say, type Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import {
  COMMANDS,
  FLAGS,
  renderUsage,
  type CommandDefinition,
  type FlagName,
} from "./command-registry.js";
import type { ArgumentProblem } from "./parse-arguments.js";
import { MAX_COMMANDS_PER_COMMENT } from "./parse-commands.js";

/** The most characters of a person's input that a reply repeats. */
export const MAX_ECHOED_LENGTH = 80;

/** At most `max` characters of `text` (by code point), with `…` when cut. */
export function clipText(text: string, max = MAX_ECHOED_LENGTH): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** "Did you mean …" and the command list, for a name Nova does not know. */
export function renderUnknownCommand(
  typed: string,
  suggestions: readonly string[],
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("command-unknown", lang, {
    typed: clipText(typed),
    suggestions,
    commands: COMMANDS.map((command) => command.name),
  });
}

/** Names the flag (or argument) that was refused and what it accepts. */
export function renderBadArguments(
  command: CommandDefinition,
  problem: ArgumentProblem,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const flag: string = "flag" in problem ? problem.flag : "";
  const known = (FLAGS as Record<string, (typeof FLAGS)[FlagName] | undefined>)[flag];
  return renderer.render("command-bad-arguments", lang, {
    command: command.name,
    usage: renderUsage(command, lang),
    flags: command.flags,
    flag: problem.kind === "unknown-flag" ? clipText(flag, 40) : flag,
    value: "value" in problem ? clipText(problem.value) : "",
    accepts: known ? known.accepts[lang] : "",
    unknownFlag: problem.kind === "unknown-flag",
    missingValue: problem.kind === "missing-value",
    invalidValue: problem.kind === "invalid-value",
    repeatedFlag: problem.kind === "repeated-flag",
    unexpectedArgument: problem.kind === "unexpected-argument",
    unclosedQuote: problem.kind === "unclosed-quote",
  });
}

/** The required and the actual level; `actual` null when GitHub could not say (fail closed). */
export function renderDenied(
  command: CommandDefinition,
  required: PermissionLevel,
  actual: PermissionLevel | null,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("command-denied", lang, {
    command: command.name,
    required,
    actual: actual ?? "",
    unknown: actual === null,
  });
}

/** Why a command that was allowed to run did not produce its reply. */
export type CommandFailure =
  | { kind: "checklist-missing"; path: string }
  | { kind: "github"; status: number }
  | { kind: "internal" };

/** A short reply for a failure; without `command` it speaks of the comment's commands as a whole. */
export function renderFailure(
  command: CommandDefinition | null,
  failure: CommandFailure,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("command-failed", lang, {
    command: command?.name ?? "",
    checklistMissing: failure.kind === "checklist-missing",
    path: failure.kind === "checklist-missing" ? failure.path : "",
    github: failure.kind === "github",
    status: failure.kind === "github" ? failure.status : 0,
    internal: failure.kind === "internal",
  });
}

/** `.github/nova.yml` is invalid: no command runs until it is fixed. */
export function renderConfigInvalid(
  problems: readonly ConfigProblem[],
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("command-config-invalid", lang, {
    problems: renderConfigProblems(problems, lang),
  });
}

/**
 * `/nova help`, generated from the registry: usage, aliases, description, examples and who may
 * run each command under this repository's configuration, then the effective configuration.
 */
export function renderHelp(
  config: NovaConfig,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
  /** The board's last status message (`src/board/board-status.ts`), shown under the project. */
  boardStatus: string | null = null,
): string {
  // Usage lines and examples go in code blocks: GitHub never wraps those, while a code span in a
  // table cell breaks after any hyphen (`[--` / `role "Rolle"]`).
  return renderer.render("command-help", lang, {
    maxCommands: MAX_COMMANDS_PER_COMMENT,
    commands: COMMANDS.map((command) => ({
      name: command.name,
      usage: renderUsage(command, lang),
      aliases: command.aliases,
      description: command.description[lang],
      examples: command.examples[lang],
      permission: config.commands.permissions[command.name],
    })),
    config: {
      checklist: config.checklist,
      prefix: config.labels.prefix,
      project: describeProject(config),
      // Without a project the board status only repeats "none".
      boardStatus: config.project ? boardStatus : null,
      language: config.language,
      perUser: config.commands.rateLimit.perUser,
      windowMinutes: config.commands.rateLimit.windowMinutes,
      sectionIssues: config.sync.sectionIssues,
      milestone: config.delivery
        ? `${config.sync.milestone ?? say(lang, "sync.milestone.title")} (${config.delivery})`
        : null,
    },
  });
}

/** Notes under a reply: it was cut to fit, or commands beyond the cap were skipped. */
export function renderNote(
  note: { truncated: boolean; overLimit: number },
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer
    .render("command-note", lang, { ...note, maxCommands: MAX_COMMANDS_PER_COMMENT })
    .trim();
}

function describeProject(config: NovaConfig): string {
  const project = config.project;
  if (!project) return "";
  return "number" in project
    ? `${project.owner} #${project.number}`
    : `${project.owner}: ${project.title}`;
}

/**
 * The spam guard's one reply per refused stretch: the limit and when the next reply can come, as
 * a wall-clock time in the configured time zone (with the date when it is not today there).
 */
export function renderRateLimited(
  limit: { perUser: number; windowMinutes: number },
  at: { now: number; resetAt: number; timeZone: string },
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const day = (instant: number) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: at.timeZone }).format(new Date(instant));
  // Round up: "from 16:43" must not name a minute in which the person is still refused.
  const resetAt = Math.ceil(at.resetAt / 60_000) * 60_000;
  const resetTime = new Intl.DateTimeFormat("en-GB", {
    timeZone: at.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(resetAt));
  return renderer.render("command-rate-limited", lang, {
    perUser: limit.perUser,
    once: limit.perUser === 1,
    windowMinutes: limit.windowMinutes,
    resetDate: day(resetAt) === day(at.now) ? "" : day(resetAt),
    resetTime,
    timezone: at.timeZone,
  });
}
