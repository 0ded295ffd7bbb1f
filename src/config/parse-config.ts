/**
 * Turns what the config loader returns (`src/github/read-config-files.ts`: the merged plain
 * data, null when there is no file, or an `UnreadableConfig`) into a typed config or a list of
 * problems. Never throws: a broken or
 * hostile file is a list of problems that a check run and the log can show.
 */
import { z } from "zod";
import { say, sayEach, type Language } from "../render/i18n.js";
import { findAcceptedText, type LocalizedText } from "./accepted-text.js";
import {
  buildProblemMessages,
  formatProblemPath,
  toCodeSpan,
  type ProblemReason,
} from "./config-messages.js";
import { sanitizeConfigInput, type InputPath } from "./sanitize-input.js";
import { novaConfigSchema, type NovaConfig } from "./schema.js";
import type { CustomProblemParams } from "./value-schemas.js";
import { findSchemaAt, listSchemaLayers, unwrapSchema } from "./walk-schema.js";

/** Where Probot reads the configuration from, on the default branch. */
export const CONFIG_FILE_PATH = ".github/nova.yml";

/** More problems than this are one broken file; the rest add nothing. */
export const MAX_CONFIG_PROBLEMS = 100;

/** One thing wrong with the configuration. */
export interface ConfigProblem {
  /** Dotted path of the key, e.g. `sync.maxWritesPerRun` or `holidays[2]`; "" for the whole file. */
  path: string;
  /** English sentence naming the key, what is accepted and what was found. */
  message: string;
  /** The same sentence in every language Nova writes (`messages.en` is `message`). */
  messages: LocalizedText;
}

/**
 * What the loader returns for a configuration file it could not read (too big, binary, not
 * YAML, a broken `_extends`): the problems, which `parseConfig` passes on, so every caller
 * reports them as it reports any invalid configuration (the sync: the failing check run).
 */
export class UnreadableConfig {
  constructor(readonly problems: ConfigProblem[]) {}
}

/** A problem with the file as a whole: "The file <predicate>." in each language. */
export function createFileProblem(predicate: LocalizedText): ConfigProblem {
  return createProblem([], { kind: "custom", predicate });
}

export type ParseConfigResult =
  { ok: true; config: NovaConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Validates a raw configuration and fills in the defaults. `null` or `undefined` (no file) gives
 * the defaults. A top-level `_extends` is dropped: the loader resolves it before Nova sees the object.
 */
export function parseConfig(raw: unknown): ParseConfigResult {
  try {
    return parseSafely(raw);
  } catch {
    // Only a hostile object (a throwing getter, a proxy) gets here; YAML never makes one.
    return {
      ok: false,
      problems: [
        createProblem([], {
          kind: "custom",
          predicate: sayEach("config.unreadable"),
        }),
      ],
    };
  }
}

function parseSafely(raw: unknown): ParseConfigResult {
  if (raw instanceof UnreadableConfig) return { ok: false, problems: raw.problems };
  if (raw === null || raw === undefined) return { ok: true, config: novaConfigSchema.parse({}) };
  const sanitized = sanitizeConfigInput(raw);
  if (!sanitized.ok) {
    return {
      ok: false,
      problems: sanitized.issues.map((issue) => createProblem(issue.path, issue.reason)),
    };
  }
  const input = sanitized.value as Record<string, unknown>;
  delete input["_extends"];
  treatEmptyAsUnset(input, novaConfigSchema);
  const result = novaConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: collectProblems(result.error.issues, input) };
}

/**
 * YAML writes `sync:` with every child commented out as `sync: null`. For a mapping or a list
 * that means "nothing set", so it becomes empty and gets its defaults; an optional key
 * (`delivery:`) is dropped. A null scalar stays, and is reported: `color: #76B900` without
 * quotes is null too, and silently using the default would hide that mistake.
 */
function treatEmptyAsUnset(value: unknown, schema: z.ZodType): void {
  if (typeof value !== "object" || value === null) return;
  const inner = unwrapSchema(schema);
  for (const [key, child] of Object.entries(value)) {
    const segment = Array.isArray(value) ? Number(key) : key;
    const childSchema = findSchemaAt(inner, [segment]);
    if (childSchema === undefined) continue;
    const target = value as Record<string, unknown>;
    if (child === null) {
      const layers = listSchemaLayers(childSchema);
      const childInner = unwrapSchema(childSchema);
      if (layers.some((layer) => layer instanceof z.ZodOptional)) delete target[key];
      else if (childInner instanceof z.ZodArray) target[key] = [];
      else if (childInner instanceof z.ZodObject || childInner instanceof z.ZodRecord) {
        target[key] = {};
      }
      continue;
    }
    treatEmptyAsUnset(child, childSchema);
  }
}

/** One problem per path (the first issue zod found there), in zod's order. */
function collectProblems(issues: readonly z.core.$ZodIssue[], input: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const { path, reason } of explainIssue(issue, input)) {
      const problem = createProblem(path, reason);
      if (seen.has(problem.path)) continue;
      seen.add(problem.path);
      problems.push(problem);
      if (problems.length >= MAX_CONFIG_PROBLEMS) return problems;
    }
  }
  return problems;
}

const FALLBACK_ACCEPTED: LocalizedText = sayEach("config.accepted.fallback");

function explainIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
): Array<{ path: InputPath; reason: ProblemReason }> {
  const path = issue.path.filter(
    (segment): segment is string | number => typeof segment !== "symbol",
  );
  if (issue.code === "unrecognized_keys") {
    const known = listObjectKeys(path);
    return issue.keys.map((key) => ({
      path: [...path, key],
      reason: { kind: "unknown-key", key, known },
    }));
  }
  if (issue.code === "invalid_key") {
    const accepted = findAcceptedText(novaConfigSchema, path, { recordKey: true });
    return [{ path, reason: { kind: "invalid-key", accepted: accepted ?? FALLBACK_ACCEPTED } }];
  }
  const predicate =
    issue.code === "custom"
      ? (issue.params as Partial<CustomProblemParams> | undefined)?.predicate
      : undefined;
  if (predicate !== undefined) return [{ path, reason: { kind: "custom", predicate } }];
  const accepted = findAcceptedText(novaConfigSchema, path) ?? FALLBACK_ACCEPTED;
  const found = readAt(input, path);
  return [
    {
      path,
      reason:
        found === undefined ? { kind: "missing", accepted } : { kind: "invalid", accepted, found },
    },
  ];
}

function listObjectKeys(path: InputPath): string[] {
  const node = findSchemaAt(novaConfigSchema, path);
  const inner = node === undefined ? undefined : unwrapSchema(node);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** The value at `path`, through own properties only (the input is a sanitized copy). */
function readAt(value: unknown, path: InputPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function createProblem(path: InputPath, reason: ProblemReason): ConfigProblem {
  const formatted = formatProblemPath(path);
  const messages = buildProblemMessages(formatted, reason);
  return { path: formatted, message: messages.en, messages };
}

/** How many problems a rendered list shows before "… and N more". */
const RENDERED_PROBLEMS = 20;

/**
 * A short Markdown list of the problems for a check run or a log, one line each:
 * "- `.github/nova.yml`: `sync.maxWritesPerRun` muss eine ganze Zahl zwischen 1 und 1000 sein
 * (gefunden: 5000)." Long lists end with a line that counts the rest.
 */
export function renderConfigProblems(
  problems: readonly ConfigProblem[],
  lang: Language,
  file: string = CONFIG_FILE_PATH,
): string {
  const shown = problems.slice(0, RENDERED_PROBLEMS);
  const lines = shown.map((problem) => `- ${toCodeSpan(file)}: ${problem.messages[lang]}`);
  const rest = problems.length - shown.length;
  if (rest > 0) {
    lines.push(say(lang, "config.more", { count: rest }));
  }
  return lines.join("\n");
}
