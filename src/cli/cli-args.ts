import { parseArgs } from "node:util";
import { suggestCommands } from "../commands/suggest-command.js";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "../render/i18n.js";
import { isIsoDate } from "../checklist/iso-date.js";

export const COMMANDS = [
  "lint",
  "progress",
  "step-plan",
  "summary",
  "plan",
  "sync",
  "report",
  "containers",
  "runner-key",
  "tasks",
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  command: CommandName | "help";
  /** `--help` for a command (or `nova help <command>`). */
  help: boolean;
  checklist: string;
  lang: Language;
  /**
   * `md` Markdown (what the bot posts), `json` the report data, `text` drawn for a terminal.
   * Without `--format`: `text` when stdout is a terminal, else `md` (decided by `runCli`).
   */
  format: "md" | "json" | "text";
  /** Whether `--format` was given; without it a terminal gets `text`. */
  formatGiven: boolean;
  delivery?: string;
  today?: string;
  role?: string;
  limit: number;
  fix: boolean;
  prefix: string;
  /** `nova sync` and `nova report`: the repository, its bot login, and whether to write. */
  repo?: { owner: string; repo: string };
  dryRun: boolean;
  botLogin?: string;
  /** `nova containers`: the files and folders to check (none: the working directory). */
  paths: string[];
  /** `nova runner-key`: the repository whose runner key to print, as given ("owner/repo"). */
  runnerRepository?: string;
}

/** A mistake on the command line, named precisely (the flag, what it accepts). */
export class UsageError extends Error {
  constructor(
    readonly key:
      "unknown-command" | "unknown-option" | "bad-value" | "missing-value" | "extra-argument",
    readonly facts: {
      command?: string;
      option?: string;
      value?: string;
      accepted?: string;
      /** For an unknown command or option: what it is probably a typo of, best first. */
      suggestions?: string[];
    },
  ) {
    super(`${key}: ${JSON.stringify(facts)}`);
    this.name = "UsageError";
  }
}

/** What every command but `runner-key` accepts: language, output format, help. */
const OUTPUT = {
  lang: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const COMMON = { checklist: { type: "string" }, ...OUTPUT } as const;

const DATES = { delivery: { type: "string" }, today: { type: "string" } } as const;

/** The commands that talk to GitHub: a repository instead of a checklist file. */
const GITHUB = {
  ...OUTPUT,
  repo: { type: "string" },
  "dry-run": { type: "boolean" },
  "bot-login": { type: "string" },
} as const;

/** The options each command accepts; anything else is an error, not silently ignored. */
const OPTIONS = {
  lint: { ...COMMON, fix: { type: "boolean" } },
  progress: { ...COMMON },
  tasks: { ...COMMON },
  "step-plan": { ...COMMON, ...DATES, role: { type: "string" } },
  summary: { ...COMMON, ...DATES, limit: { type: "string" } },
  plan: { ...COMMON, prefix: { type: "string" } },
  sync: GITHUB,
  report: GITHUB,
  // `--checklist` names the mode here (the static checks), not a checklist file.
  containers: { checklist: { type: "boolean" }, ...OUTPUT },
  "runner-key": {
    lang: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  help: { ...COMMON },
} as const;

export const DEFAULT_CHECKLIST = "docs/dgx-spark-plan.md";

/** Reads `--lang` before anything else, so even a usage error speaks the requested language. */
export function peekLanguage(argv: readonly string[]): Language {
  const at = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const value =
    at < 0 ? undefined : argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/** The options that may also come before the command (`nova --lang en --help`). */
const GLOBAL = COMMON;

/**
 * Parses `nova [global options] <command> [options]`. Throws `UsageError` for anything it does
 * not accept.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { leading, first, rest } = splitAtCommand(argv);
  const lang = peekLanguage(argv);
  if (first === undefined || first === "help") {
    // `nova`, `nova --lang en --help`, `nova help step-plan`: the help, in the language asked for.
    const global = parseOptions(first ?? "", GLOBAL, [...leading, ...rest], first === "help");
    const [topic, extra] = global.positionals;
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    if (extra !== undefined)
      throw new UsageError("extra-argument", { command: "help", value: extra });
    pick(first ?? "", "--lang", global.values.lang, ["de", "en"] as const, lang);
    return { ...defaults(lang), command: topic ?? "help", help: true };
  }
  if (!isCommand(first)) throw unknownCommand(first);
  // Options given before the command count as if written after it; later ones win.
  const parsed = parseOptions(
    first,
    OPTIONS[first],
    [...leading, ...rest],
    first === "containers" || first === "runner-key",
  );
  const values = parsed.values;
  const options: CliOptions = {
    ...defaults(lang),
    command: first,
    help: values.help === true,
  };
  if (typeof values.checklist === "string") options.checklist = values.checklist;
  options.lang = pick(first, "--lang", values.lang, ["de", "en"] as const, options.lang);
  options.format = pick(
    first,
    "--format",
    values.format,
    ["md", "json", "text"] as const,
    options.format,
  );
  options.formatGiven = values.format !== undefined;
  for (const key of ["delivery", "today"] as const) {
    const value = values[key];
    if (typeof value !== "string") continue;
    if (!isIsoDate(value))
      throw new UsageError("bad-value", {
        command: first,
        option: `--${key}`,
        value,
        accepted: "YYYY-MM-DD",
      });
    options[key] = value;
  }
  if (typeof values.role === "string") {
    if (values.role.trim() === "")
      throw new UsageError("bad-value", {
        command: first,
        option: "--role",
        value: "",
        accepted: "role",
      });
    options.role = values.role.trim();
  }
  if (typeof values.limit === "string") {
    const limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || limit < 1 || limit > 50) {
      throw new UsageError("bad-value", {
        command: first,
        option: "--limit",
        value: values.limit,
        accepted: "1–50",
      });
    }
    options.limit = limit;
  }
  if (typeof values.prefix === "string") {
    if (!/^[A-Za-z0-9][\w.-]{0,30}$/.test(values.prefix)) {
      throw new UsageError("bad-value", {
        command: first,
        option: "--prefix",
        value: values.prefix,
        accepted: "[A-Za-z0-9._-], ≤ 31",
      });
    }
    options.prefix = values.prefix;
  }
  options.fix = values.fix === true;
  options.dryRun = values["dry-run"] === true;
  if ((first === "sync" || first === "report") && !options.help) {
    const repo = typeof values.repo === "string" ? values.repo : undefined;
    const [owner, name, ...rest] = (repo ?? "").split("/");
    if (!owner || !name || rest.length > 0 || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(name)) {
      throw new UsageError(repo === undefined ? "missing-value" : "bad-value", {
        command: first,
        option: "--repo",
        value: repo ?? "",
        accepted: "owner/name",
      });
    }
    options.repo = { owner, repo: name };
  }
  if (typeof values["bot-login"] === "string") options.botLogin = values["bot-login"];
  if (first === "containers") options.paths = [...parsed.positionals];
  if (first === "runner-key" && !options.help) {
    const [repository, extra] = parsed.positionals;
    if (extra !== undefined)
      throw new UsageError("extra-argument", { command: first, value: extra });
    // The repository's form is checked by the command itself, which loads the report schema.
    if (repository === undefined) {
      throw new UsageError("missing-value", {
        command: first,
        option: "OWNER/REPO",
        value: "",
        accepted: "owner/repo",
      });
    }
    options.runnerRepository = repository;
  }
  return options;
}

function defaults(lang: Language): Omit<CliOptions, "command" | "help"> {
  return {
    checklist: DEFAULT_CHECKLIST,
    lang,
    format: "md",
    formatGiven: false,
    limit: 5,
    fix: false,
    prefix: "dgx",
    dryRun: false,
    paths: [],
  };
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function pick<T extends string>(
  command: string,
  option: string,
  value: unknown,
  accepted: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (accepted as readonly string[]).includes(value))
    return value as T;
  throw new UsageError("bad-value", {
    command,
    option,
    value: typeof value === "string" ? value : JSON.stringify(value),
    accepted: accepted.join(" | "),
  });
}

/**
 * Splits `argv` into the options before the command, the command, and what follows it. An
 * option before the command that takes a value (`--lang en`) takes the next word with it.
 */
function splitAtCommand(argv: readonly string[]): {
  leading: string[];
  first: string | undefined;
  rest: string[];
} {
  let at = 0;
  while (at < argv.length && argv[at]!.startsWith("-")) {
    const arg = argv[at]!;
    const name = arg.replace(/^--?/, "");
    const takesValue =
      !arg.includes("=") && name in GLOBAL && GLOBAL[name as keyof typeof GLOBAL].type === "string";
    at += takesValue ? 2 : 1;
  }
  return { leading: argv.slice(0, at), first: argv[at], rest: argv.slice(at + 1) };
}

function parseOptions(
  command: string,
  options: (typeof OPTIONS)[keyof typeof OPTIONS] | typeof GLOBAL,
  args: readonly string[],
  allowPositionals: boolean,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    throw toUsageError(command, error, options);
  }
}

function unknownCommand(typed: string): UsageError {
  return new UsageError("unknown-command", {
    command: typed,
    suggestions: suggestCommands(typed, COMMANDS),
  });
}

/** Node's parseArgs errors carry a code; turn them into our own named mistakes. */
function toUsageError(
  command: string,
  error: unknown,
  accepted: Readonly<Record<string, unknown>>,
): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s]+)/.exec(message ?? "")?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    // `--formt` → `--format`: the same typo check as for command names.
    const names = Object.keys(accepted).map((name) => `--${name}`);
    const suggestions = option?.startsWith("--") ? suggestCommands(option, names) : [];
    return new UsageError("unknown-option", {
      command,
      ...(option ? { option } : {}),
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const value = /'([^']*)'/.exec(message ?? "")?.[1];
    return new UsageError("extra-argument", { command, ...(value ? { value } : {}) });
  }
  return new UsageError("missing-value", { command, ...(option ? { option } : {}) });
}
