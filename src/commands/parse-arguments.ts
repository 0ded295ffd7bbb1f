import {
  COMMAND_SPELLINGS,
  FLAGS,
  findCommand,
  type CommandDefinition,
  type CommandFlags,
  type FlagName,
} from "./command-registry.js";
import { suggestCommands } from "./suggest-command.js";

/** A word of a command line; `quoted` when any part of it was in quotes. */
export interface Token {
  text: string;
  quoted: boolean;
  /** The token began with a quote, so `"--limit"` is text, not a flag. */
  startsQuoted: boolean;
}

/** Why the arguments of a known command were refused. */
export type ArgumentProblem =
  | { kind: "unknown-flag"; flag: string }
  | { kind: "missing-value"; flag: FlagName }
  | { kind: "invalid-value"; flag: FlagName; value: string }
  | { kind: "repeated-flag"; flag: FlagName }
  | { kind: "unexpected-argument"; value: string }
  | { kind: "unclosed-quote" };

/** One `/nova …` line, understood. */
export type ParsedInvocation =
  | { kind: "command"; command: CommandDefinition; flags: CommandFlags; typed: string }
  | { kind: "unknown"; typed: string; suggestions: string[] }
  | { kind: "bad-arguments"; command: CommandDefinition; typed: string; problem: ArgumentProblem };

/** Opening quote → the characters that close it: ASCII, German „…“ and English “…” quotes. */
const QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "\u201E": '\u201C\u201D"', // „ closes with “ (German), ” or "
  "\u201C": '\u201D"', // “ closes with ”
};

/**
 * Splits a command line into words: whitespace separates, quotes group (`--role "Plattform
 * Team"`, `--role='A B'`, `--role „Plattform“`). No backslash escapes: the text comes from
 * Markdown, where a backslash is the writer's business. Null for a quote that is never closed.
 */
export function tokenizeArguments(text: string): Token[] | null {
  const tokens: Token[] = [];
  let current: Token | null = null;
  let closers: string | null = null;
  for (const char of text) {
    if (closers !== null) {
      if (closers.includes(char)) closers = null;
      else current!.text += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = null;
      continue;
    }
    const opens = QUOTES[char];
    if (opens !== undefined) {
      current ??= { text: "", quoted: false, startsQuoted: true };
      current.quoted = true;
      closers = opens;
      continue;
    }
    current ??= { text: "", quoted: false, startsQuoted: false };
    current.text += char;
  }
  if (closers !== null) return null;
  if (current) tokens.push(current);
  return tokens;
}

/**
 * Understands what follows `/nova` on a line: the command name (or alias, any case) and its
 * flags. `/nova` alone is `help`. The first problem found is reported; flags are validated with
 * the registry's rules, so a reply can name the flag and what it accepts. Pure.
 */
export function parseInvocation(rest: string): ParsedInvocation {
  const trimmed = rest.trim();
  const nameMatch = /^\S+/.exec(trimmed);
  const typed = nameMatch?.[0] ?? "help";
  const command = findCommand(typed);
  if (!command) {
    return { kind: "unknown", typed, suggestions: suggestCommands(typed, COMMAND_SPELLINGS) };
  }
  const tokens = tokenizeArguments(trimmed.slice(nameMatch?.[0].length ?? 0));
  const bad = (problem: ArgumentProblem): ParsedInvocation => ({
    kind: "bad-arguments",
    command,
    typed,
    problem,
  });
  if (tokens === null) return bad({ kind: "unclosed-quote" });

  const flags: CommandFlags = {};
  const seen = new Set<FlagName>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.startsQuoted || !/^-./.test(token.text)) {
      return bad({ kind: "unexpected-argument", value: token.text });
    }
    const [flagText, inline] = splitOnce(token.text, "=");
    const name = /^--([a-z]+)$/i.exec(flagText)?.[1]?.toLowerCase();
    const flag = command.flags.find((candidate) => candidate === name);
    if (!flag) return bad({ kind: "unknown-flag", flag: flagText });
    if (seen.has(flag)) return bad({ kind: "repeated-flag", flag });
    seen.add(flag);
    let value = inline;
    if (value === "" && !token.quoted) return bad({ kind: "missing-value", flag });
    if (value === undefined) {
      const next = tokens[index + 1];
      // `--role --lang en`: the next word is another flag, not the value.
      if (!next || (!next.startsQuoted && next.text.startsWith("--"))) {
        return bad({ kind: "missing-value", flag });
      }
      value = next.text;
      index++;
    }
    const parsed = FLAGS[flag].parse(value);
    if (parsed === undefined) return bad({ kind: "invalid-value", flag, value });
    (flags as Record<FlagName, unknown>)[flag] = parsed;
  }
  return { kind: "command", command, flags, typed };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
