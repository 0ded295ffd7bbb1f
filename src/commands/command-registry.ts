/**
 * The `/nova` commands: names, German aliases, flags, usage and examples. `/nova help` is
 * generated from this list, and the parser accepts exactly what it declares, so a command or flag
 * added here is documented and parsed in one place. Who may run a command is not declared here:
 * it is `commands.permissions.<name>` in `.github/nova.yml` (defaults in `src/config/schema.ts`).
 */
import type { CommandName } from "../config/schema.js";
import { SUMMARY_LIMIT_MAX } from "../reports/summary.js";
import { isLanguage, type Language } from "../render/i18n.js";

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

/** The longest role name a flag takes; longer text is a typo or an attack, not a role. */
export const MAX_ROLE_LENGTH = 100;

export const SUMMARY_LIMIT_DEFAULT = 5;

export const FLAGS: Readonly<Record<FlagName, FlagDefinition>> = {
  limit: {
    name: "limit",
    placeholder: { de: "N", en: "N" },
    accepts: {
      de: `eine ganze Zahl von 1 bis ${SUMMARY_LIMIT_MAX} (Standard ${SUMMARY_LIMIT_DEFAULT})`,
      en: `a whole number from 1 to ${SUMMARY_LIMIT_MAX} (default ${SUMMARY_LIMIT_DEFAULT})`,
    },
    parse: (raw) => {
      if (!/^\d{1,3}$/.test(raw)) return undefined;
      const value = Number(raw);
      return value >= 1 && value <= SUMMARY_LIMIT_MAX ? value : undefined;
    },
  },
  role: {
    name: "role",
    placeholder: { de: '"Rolle"', en: '"role"' },
    accepts: {
      de: `einen Rollennamen mit 1 bis ${MAX_ROLE_LENGTH} Zeichen, mit Leerzeichen in Anführungszeichen, z. B. --role "Plattform"`,
      en: `a role name of 1 to ${MAX_ROLE_LENGTH} characters, in quotes when it has spaces, e.g. --role "Platform"`,
    },
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
    placeholder: { de: "de|en", en: "de|en" },
    accepts: { de: "de oder en", en: "de or en" },
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
    description: {
      de: "Fortschritt je Abschnitt mit Balken; auf dem Issue einer Aufgabe auch ihre Abhängigkeiten und was sie blockiert.",
      en: "Progress per section with bars; on a task's own issue also its dependencies and what it blocks.",
    },
    examples: {
      de: ["/nova progress", "/nova fortschritt --lang en"],
      en: ["/nova progress", "/nova progress --lang de"],
    },
  },
  {
    name: "step-plan",
    aliases: ["schrittplan"],
    flags: ["role", "lang"],
    description: {
      de: "Der Schrittplan mit Terminen, kritischem Pfad und Gantt-Diagramm, wahlweise für eine Rolle.",
      en: "The step plan with dates, critical path and Gantt chart, optionally for one role.",
    },
    examples: {
      de: ["/nova step-plan", '/nova schrittplan --role "Plattform"'],
      en: ["/nova step-plan", '/nova step-plan --role "Platform"'],
    },
  },
  {
    name: "summary",
    aliases: ["zusammenfassung"],
    flags: ["limit", "lang"],
    description: {
      de: "Kurzer Stand: als Nächstes, zuletzt erledigt, blockiert, verbleibende Arbeitstage.",
      en: "A short status: next up, recently done, blocked, working days left.",
    },
    examples: {
      de: ["/nova summary", "/nova zusammenfassung --limit=10"],
      en: ["/nova summary", "/nova summary --limit=10"],
    },
  },
  {
    name: "sync",
    aliases: ["abgleich"],
    flags: ["lang"],
    description: {
      de: "Gleicht die Issues jetzt mit der Checkliste ab und antwortet, was sich geändert hat.",
      en: "Syncs the issues with the checklist now and replies with what changed.",
    },
    examples: { de: ["/nova sync", "/nova abgleich"], en: ["/nova sync"] },
  },
  {
    name: "report",
    aliases: ["bericht"],
    flags: ["lang"],
    description: {
      de: "Schreibt den Statusbericht von heute jetzt in den Statusbericht-Pull-Request (öffnet oder aktualisiert ihn) und antwortet mit dem Link.",
      en: "Writes today's status report into the status pull request now (opening or updating it) and replies with the link.",
    },
    examples: { de: ["/nova report", "/nova bericht"], en: ["/nova report"] },
  },
  {
    name: "help",
    aliases: ["hilfe"],
    flags: ["lang"],
    description: {
      de: "Diese Hilfe: Befehle, Beispiele, wer sie ausführen darf, und die wirksame Konfiguration.",
      en: "This help: commands, examples, who may run them, and the effective configuration.",
    },
    examples: {
      de: ["/nova help", "/nova hilfe --lang en"],
      en: ["/nova help", "/nova help --lang de"],
    },
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
