/** The CLI's help texts and one-line errors; the words are the catalog's (`cli.*`). */
import { say, type Language, type SayKey } from "../render/i18n.js";
import type { ChecklistReadError } from "./read-checklist.js";
import { COMMANDS, type CommandName, type UsageError } from "./cli-args.js";

const HELP_KEYS = {
  help: "cli.help.help",
  lint: "cli.help.lint",
  progress: "cli.help.progress",
  "step-plan": "cli.help.stepPlan",
  summary: "cli.help.summary",
  plan: "cli.help.plan",
  sync: "cli.help.sync",
  report: "cli.help.report",
  containers: "cli.help.containers",
  "runner-key": "cli.help.runnerKey",
  tasks: "cli.help.tasks",
} as const satisfies Record<CommandName | "help", SayKey>;

/** The help text of a command. */
export function renderHelp(command: CommandName | "help", lang: Language): string {
  return say(lang, HELP_KEYS[command], {
    options: say(lang, "cli.options"),
    dates: say(lang, "cli.dates"),
  });
}

/** One clear line for a command-line mistake. */
export function renderUsageError(error: UsageError, lang: Language): string {
  const { option, value, accepted, suggestions = [] } = error.facts;
  const command = String(error.facts.command);
  const see = error.facts.command ? `nova ${command} --help` : "nova --help";
  const or = say(lang, "cli.usage.or");
  switch (error.key) {
    case "unknown-command":
      return suggestions.length > 0
        ? say(lang, "cli.usage.unknownCommandSuggest", {
            command,
            suggestions: suggestions
              .map((suggestion) => say(lang, "cli.usage.suggestedCommand", { command: suggestion }))
              .join(or),
          })
        : say(lang, "cli.usage.unknownCommand", { command, commands: COMMANDS.join(", ") });
    case "unknown-option": {
      const guess =
        suggestions.length > 0
          ? say(lang, "cli.usage.didYouMean", { suggestions: suggestions.join(or) })
          : "";
      const line = error.facts.command
        ? say(lang, "cli.usage.unknownCommandOption", { option: option ?? "", command, see })
        : say(lang, "cli.usage.unknownOption", { option: option ?? "", see });
      return `${line}${guess}`;
    }
    case "bad-value":
      return say(lang, "cli.usage.badValue", {
        option: String(option),
        value: String(value),
        accepted: String(accepted),
        see,
      });
    case "missing-value":
      return say(lang, "cli.usage.missingValue", {
        option: option ?? say(lang, "cli.usage.anOption"),
        see,
      });
    case "extra-argument":
      return say(lang, "cli.usage.extraArgument", { value: value ?? "", command, see });
  }
}

const READ_ERROR_KEYS = {
  "not-found": "cli.read.notFound",
  directory: "cli.read.directory",
  "too-large": "cli.read.tooLarge",
  binary: "cli.read.binary",
  unreadable: "cli.read.unreadable",
} as const satisfies Record<ChecklistReadError["reason"], SayKey>;

/** One clear line for a checklist that cannot be read. */
export function renderReadError(error: ChecklistReadError, lang: Language): string {
  const mb = ((error.size ?? 0) / 1024 / 1024)
    .toFixed(1)
    .replace(".", say(lang, "format.decimalMark"));
  return say(lang, READ_ERROR_KEYS[error.reason], { path: error.path, mb });
}
