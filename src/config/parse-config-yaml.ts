/**
 * Reads the text of a `nova.yml` into plain data, refusing first what no real configuration
 * needs: the YAML parser never sees a file that is too big, binary, nested too deep or has too
 * many keys, and it expands aliases only a few times (billion laughs). Pure; every failure is a
 * `ConfigFileProblem` with a sentence in each language and, where the parser gives them, the
 * line and column.
 *
 * A real `nova.yml` is a few hundred bytes to a few KiB with a few dozen keys, four levels deep.
 */
import { parseDocument } from "yaml";
import type { LocalizedText } from "./accepted-text.js";
import { sayEach } from "../render/i18n.js";

/** Bytes: 64 KiB. */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Mapping entries and list items in the whole file, aliases expanded. */
export const MAX_CONFIG_ENTRIES = 2_000;
/** Levels of nesting (mappings and lists). */
export const MAX_CONFIG_DEPTH = 20;
/** Aliases (`*name`) in the file; each may be expanded only this often. */
export const MAX_CONFIG_ALIASES = 50;

/** Why a configuration file could not be read; `line`/`column` are 1-based. */
export interface ConfigFileProblem {
  messages: LocalizedText;
  line?: number;
  column?: number;
}

export type ParseConfigYamlResult =
  { ok: true; value: unknown } | { ok: false; problem: ConfigFileProblem };

const refuse = (messages: LocalizedText, at?: { line: number; column: number }) =>
  ({ ok: false, problem: { messages, ...(at ?? {}) } }) as const;

/** The file's bytes as data, or why not. */
export function parseConfigBytes(bytes: Uint8Array): ParseConfigYamlResult {
  if (bytes.length > MAX_CONFIG_BYTES) {
    return refuse(sayEach("config.yaml.tooLarge", { size: bytes.length, max: MAX_CONFIG_BYTES }));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(sayEach("config.yaml.notUtf8"));
  }
  return parseConfigText(text);
}

/** The file's text as data, or why not. */
export function parseConfigText(text: string): ParseConfigYamlResult {
  if (text.length > MAX_CONFIG_BYTES) {
    return refuse(sayEach("config.yaml.tooLong", { max: MAX_CONFIG_BYTES }));
  }
  // Control characters other than tab and line breaks: a binary file, not YAML.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    return refuse(sayEach("config.yaml.controlCharacters"), locate(text, control.index));
  }
  const scanned = prescan(text);
  if (scanned) return scanned;

  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const [line, column] = [error.linePos?.[0]?.line, error.linePos?.[0]?.col];
    // The first line without yaml's own "at line …" (the position is added in each language).
    const detail = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return refuse(
      sayEach("config.yaml.invalidYaml", { detail }),
      line !== undefined && column !== undefined ? { line, column } : undefined,
    );
  }
  let value: unknown;
  try {
    // Maps, not objects: a `__proto__` key stays a key (an object would take it as its
    // prototype), and the sanitizer then names it (src/config/sanitize-input.ts).
    value = document.toJS({ maxAliasCount: MAX_CONFIG_ALIASES, mapAsMap: true });
  } catch (failure) {
    const detail = failure instanceof Error ? (failure.message.split("\n")[0] ?? "") : "";
    return refuse(sayEach("config.yaml.unreadable", { detail }));
  }
  return checkShape(value) ?? { ok: true, value: toPlainData(value) };
}

/** Maps become objects without a prototype, so every key (`__proto__` too) is an own key. */
function toPlainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainData);
  if (!(value instanceof Map)) return value;
  const result = Object.create(null) as Record<string, unknown>;
  for (const [key, child] of value) {
    Object.defineProperty(result, String(key), {
      value: toPlainData(child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/**
 * Cheap bounds on the text before the parser runs: aliases, flow brackets nested too deep,
 * block indentation too deep, and too many entries (`key: `, `- `, `,`). Counts are upper
 * bounds (a colon in a quoted string counts too), far above what a real file reaches.
 */
function prescan(text: string): ParseConfigYamlResult | null {
  let aliases = 0;
  let entries = 0;
  let depth = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const content = line.replace(/^\s*#.*$/, "");
    const indent = /^ */.exec(content)?.[0].length ?? 0;
    // Two spaces per level is YAML's usual step; one space is the most any level can take.
    if (content.trim() !== "" && indent > MAX_CONFIG_DEPTH * 4) {
      return refuse(
        sayEach("config.yaml.tooIndented", { indent, max: MAX_CONFIG_DEPTH }),
        locate(text, offset + indent),
      );
    }
    for (let index = 0; index < content.length; index++) {
      const char = content[index];
      if (char === "[" || char === "{") {
        depth++;
        if (depth > MAX_CONFIG_DEPTH) {
          return refuse(
            sayEach("config.yaml.tooDeep", { max: MAX_CONFIG_DEPTH }),
            locate(text, offset + index),
          );
        }
      } else if (char === "]" || char === "}") {
        depth = Math.max(0, depth - 1);
      } else if (char === "*" && /[A-Za-z0-9_]/.test(content[index + 1] ?? "")) {
        const before = content[index - 1];
        if (before === undefined || /[\s[{,:-]/.test(before)) aliases++;
      } else if (char === ",") {
        entries++;
      } else if (char === ":" && /\s/.test(content[index + 1] ?? " ")) {
        entries++;
      } else if (char === "-" && /\s/.test(content[index + 1] ?? " ")) {
        entries++;
      }
    }
    offset += line.length + 1;
  }
  if (aliases > MAX_CONFIG_ALIASES) {
    return refuse(
      sayEach("config.yaml.tooManyAliases", { count: aliases, max: MAX_CONFIG_ALIASES }),
    );
  }
  if (entries > MAX_CONFIG_ENTRIES) {
    return refuse(sayEach("config.yaml.tooManyEntries", { max: MAX_CONFIG_ENTRIES }));
  }
  return null;
}

/** After parsing (aliases expanded): the same depth and entry bounds on the data itself. */
function checkShape(value: unknown): ParseConfigYamlResult | null {
  let entries = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_CONFIG_DEPTH) {
      return refuse(sayEach("config.yaml.tooDeep", { max: MAX_CONFIG_DEPTH }));
    }
    const children = node instanceof Map ? [...node.values()] : Object.values(node);
    entries += children.length;
    if (entries > MAX_CONFIG_ENTRIES) {
      return refuse(sayEach("config.yaml.tooManyEntries", { max: MAX_CONFIG_ENTRIES }));
    }
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}

/** 1-based line and column of an offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
