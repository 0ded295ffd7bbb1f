/**
 * Config problems in words, German and English. Each message is one sentence that names the key
 * by its dotted path, says what is accepted and, where there is one, what was found:
 * "`sync.maxWritesPerRun` must be a whole number between 1 and 1000 (found: 5000)."
 *
 * Keys and values come from the repository's file, so they only ever appear inside code spans.
 */
import { say, type Language } from "../render/i18n.js";
import type { LocalizedText } from "./accepted-text.js";
import type { InputIssueReason, InputPath } from "./sanitize-input.js";

/** Why a value is not accepted: a sanitizer finding or a schema finding. */
export type ProblemReason =
  | InputIssueReason
  | { kind: "invalid"; accepted: LocalizedText; found: unknown }
  | { kind: "missing"; accepted: LocalizedText }
  | { kind: "unknown-key"; key: string; known: readonly string[] }
  | { kind: "invalid-key"; accepted: LocalizedText }
  | { kind: "custom"; predicate: LocalizedText };

/** Longest key segment and value excerpt shown; a message stays one readable line. */
const MAX_SEGMENT_LENGTH = 40;
const MAX_FOUND_LENGTH = 60;

/** `roles.Backend.members[0]`: dots between keys, brackets around list positions. */
export function formatProblemPath(path: Readonly<InputPath>): string {
  return path
    .map((segment, index) =>
      typeof segment === "number"
        ? `[${segment}]`
        : `${index === 0 ? "" : "."}${truncate(segment, MAX_SEGMENT_LENGTH)}`,
    )
    .join("");
}

/** The message for a problem at `path` ("" for the file as a whole), in both languages. */
export function buildProblemMessages(path: string, reason: ProblemReason): LocalizedText {
  return { en: buildMessage("en", path, reason), de: buildMessage("de", path, reason) };
}

function buildMessage(lang: Language, path: string, reason: ProblemReason): string {
  const subject = path === "" ? say(lang, "config.theFile") : toCodeSpan(path);
  return say(lang, "config.problem", { subject, predicate: buildPredicate(lang, reason) });
}

function buildPredicate(lang: Language, reason: ProblemReason): string {
  switch (reason.kind) {
    case "not-a-mapping":
      return say(lang, "config.notAMapping", { found: describeFound(reason.found, lang) });
    case "forbidden-key":
      return say(lang, "config.forbiddenKey");
    case "too-deep":
      return say(lang, "config.tooDeep", { limit: reason.limit });
    case "too-many-entries":
      return say(lang, "config.tooManyEntries", { count: reason.count, limit: reason.limit });
    case "too-long":
      return say(lang, "config.tooLong", { length: reason.length, limit: reason.limit });
    case "too-large":
      return say(lang, "config.tooLarge", { limit: reason.limit });
    case "unsupported-value":
      return say(lang, "config.unsupportedValue");
    case "invalid":
      return say(lang, "config.invalid", {
        accepted: reason.accepted[lang],
        found: describeFound(reason.found, lang),
      });
    case "missing":
      return say(lang, "config.missing", { accepted: reason.accepted[lang] });
    case "unknown-key": {
      const suggestion = suggestKey(reason.key, reason.known);
      const known = reason.known.map(toCodeSpan).join(", ");
      return suggestion === undefined
        ? say(lang, "config.unknownKey", { known })
        : say(lang, "config.unknownKeySuggest", { suggestion: toCodeSpan(suggestion), known });
    }
    case "invalid-key":
      return say(lang, "config.invalidKey", { accepted: reason.accepted[lang] });
    case "custom":
      return reason.predicate[lang];
  }
}

/** A short, safe description of a found value: its text in a code span, or what kind it is. */
export function describeFound(value: unknown, lang: Language): string {
  if (value === undefined) return say(lang, "config.found.nothing");
  if (value === null) return say(lang, "config.found.null");
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : toCodeSpan(String(value));
  if (typeof value === "boolean") return toCodeSpan(String(value));
  if (typeof value === "string") {
    if (value === "") return say(lang, "config.found.emptyText");
    return toCodeSpan(truncate(value, MAX_FOUND_LENGTH));
  }
  if (Array.isArray(value)) return say(lang, "config.found.list", { count: value.length });
  if (typeof value === "object") return say(lang, "config.found.mapping");
  return say(lang, "config.found.other");
}

/**
 * `text` as a Markdown code span that nothing in it can break out of: control characters become
 * spaces and the fence is one backtick longer than the longest run inside (CommonMark 6.1).
 */
export function toCodeSpan(text: string): string {
  const clean = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ");
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** The known key closest to a misspelt one (`lables` → `labels`), if any is close enough. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (
      distance <= Math.max(2, Math.floor(candidate.length / 3)) &&
      distance < (best?.distance ?? Infinity)
    ) {
      best = { key: candidate, distance };
    }
  }
  return best?.key;
}

/** Levenshtein distance with adjacent swaps (`lables` is one step from `labels`). */
function editDistance(a: string, b: string): number {
  // Keys are capped at 200 characters by the sanitizer, so the table stays small.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
