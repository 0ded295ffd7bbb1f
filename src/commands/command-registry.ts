/**
 * The `/nova` commands: names, German aliases, flags, usage and examples. `/nova help` is
 * generated from this list, and the parser accepts exactly what it declares, so a command or flag
 * added here is documented and parsed in one place. Who may run a command is not declared here:
 * it is `commands.permissions.<name>` in `.github/nova.yml` (defaults in `src/config/schema.ts`).
 */
import type { CommandName } from "../config/schema.js";
import { SUMMARY_LIMIT_MAX } from "../reports/summary.js";
import { isLanguage, sayEach, type Language, type SayKey } from "../render/i18n.js";

/** The same text in every language Nova writes. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** The flags commands accept, `--<name> <value>` or `--<name>=<value>`. */
export type FlagName = "limit" | "role" | "lang";

/** Flag values after validation. */
export interface CommandFlags {
  limit?: number;
  role?: string;
  lang?: Language;
}

/** The commands this module runs. */
export type RegisteredCommandName = Extract<
  CommandName,
  "progress" | "step-plan" | "summary" | "sync" | "report" | "help"
>;

export interface FlagDefinition {
  name: FlagName;
  /** Placeholder in usage lines: `--limit N`, per language (`"Rolle"` / `"role"`). */
  placeholder: LocalizedText;
  /** What the flag accepts, as a noun phrase (for bad-flag replies and help). */
  accepts: LocalizedText;
  /** The value, or undefined when it is not acceptable. */
  parse: (raw: string) => CommandFlags[FlagName] | undefined;
}

export interface CommandDefinition {
  name: RegisteredCommandName;
  /** Other names that run the same command (German words). */
  aliases: readonly string[];
  flags: readonly FlagName[];
  /** One sentence: what the reply shows. */
  description: LocalizedText;
  /**
   * Complete comment lines, shown in help, per language: German help also shows the German
   * aliases at work, English help only English names.
   */
  examples: Readonly<Record<Language, readonly string[]>>;
}

/** A command's examples: one catalog text per language, one example per line. */
function readExamples(key: SayKey): Readonly<Record<Language, readonly string[]>> {
  const texts = sayEach(key);
  return { de: texts.de.split("\n"), en: texts.en.split("\n") };
}

/** The longest role name a flag takes; longer text is a typo or an attack, not a role. */
export const MAX_ROLE_LENGTH = 100;

export const SUMMARY_LIMIT_DEFAULT = 5;

export const FLAGS: Readonly<Record<FlagName, FlagDefinition>> = {
  limit: {
    name: "limit",
    placeholder: sayEach("commands.flag.limit.placeholder"),
    accepts: sayEach("commands.flag.limit.accepts", {
      max: SUMMARY_LIMIT_MAX,
      default: SUMMARY_LIMIT_DEFAULT,
    }),
    parse: (raw) => {
      if (!/^\d{1,3}$/.test(raw)) return undefined;
      const value = Number(raw);
      return value >= 1 && value <= SUMMARY_LIMIT_MAX ? value : undefined;
    },
  },
  role: {
    name: "role",
    placeholder: sayEach("commands.flag.role.placeholder"),
    accepts: sayEach("commands.flag.role.accepts", { max: MAX_ROLE_LENGTH }),
    parse: (raw) => {
      const role = raw.trim();
      if (role === "" || role.length > MAX_ROLE_LENGTH || /[\p{Cc}\p{Cf}]/u.test(role)) {
        return undefined;
      }
      return role;
    },
  },
  lang: {
    name: "lang",
    placeholder: sayEach("commands.flag.lang.placeholder"),
    accepts: sayEach("commands.flag.lang.accepts"),
    parse: (raw) => {
      const lang = raw.toLowerCase();
      return isLanguage(lang) ? lang : undefined;
    },
  },
};

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: "progress",
    aliases: ["fortschritt"],
    flags: ["lang"],
    description: sayEach("commands.progress.description"),
    examples: readExamples("commands.progress.examples"),
  },
  {
    name: "step-plan",
    aliases: ["schrittplan"],
    flags: ["role", "lang"],
    description: sayEach("commands.stepPlan.description"),
    examples: readExamples("commands.stepPlan.examples"),
  },
  {
    name: "summary",
    aliases: ["zusammenfassung"],
    flags: ["limit", "lang"],
    description: sayEach("commands.summary.description"),
    examples: readExamples("commands.summary.examples"),
  },
  {
    name: "sync",
    aliases: ["abgleich"],
    flags: ["lang"],
    description: sayEach("commands.sync.description"),
    examples: readExamples("commands.sync.examples"),
  },
  {
    name: "report",
    aliases: ["bericht"],
    flags: ["lang"],
    description: sayEach("commands.report.description"),
    examples: readExamples("commands.report.examples"),
  },
  {
    name: "help",
    aliases: ["hilfe"],
    flags: ["lang"],
    description: sayEach("commands.help.description"),
    examples: readExamples("commands.help.examples"),
  },
];

const BY_NAME = new Map<string, CommandDefinition>(
  COMMANDS.flatMap((command) => [
    [command.name, command] as const,
    ...command.aliases.map((alias) => [alias, command] as const),
  ]),
);

/** Every name and alias, for suggestions. */
export const COMMAND_SPELLINGS: readonly string[] = [...BY_NAME.keys()];

/** The command a name or alias stands for (case-insensitive), or undefined. */
export function findCommand(name: string): CommandDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** `/nova summary [--limit N] [--lang de|en]`. */
export function renderUsage(command: CommandDefinition, lang: Language): string {
  const flags = command.flags.map((flag) => `[--${flag} ${FLAGS[flag].placeholder[lang]}]`);
  return ["/nova", command.name, ...flags].join(" ");
}
