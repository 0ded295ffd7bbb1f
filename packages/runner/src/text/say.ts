/**
 * nova-runner's one way to say things: one catalog per language (`de.ts`, `en.ts`), asked by key.
 * No code chooses a text by testing the language (the ESLint rule of eslint.config.js forbids
 * comparing with `"de"`/`"en"` here as in the app).
 */
import { de } from "./de.js";
import { en } from "./en.js";
import type { ParamsOf, RunnerMessageKey, RunnerMessages } from "./messages.js";

export type { RunnerMessageKey, RunnerMessages } from "./messages.js";

/** The languages nova-runner writes in. German is the default; `en` switches. */
export type Language = "de" | "en";

export const DEFAULT_LANGUAGE: Language = "de";

/** Every catalog, by language. */
export const MESSAGES: Readonly<Record<Language, RunnerMessages>> = { de, en };

/** Whether `value` (a `--lang` value, `NOVA_LANG`) is a language nova-runner writes in. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(MESSAGES, value);
}

/**
 * The message `key` in `language` with its `{name}` placeholders filled in; the compiler checks
 * the key and the parameters against the German catalog.
 */
export function say<Key extends RunnerMessageKey>(
  language: Language,
  key: Key,
  ...params: ParamsOf<Key>
): string {
  const values: Readonly<Record<string, string | number>> = params[0] ?? {};
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The message `key` in both languages, German first, as a report's messages carry it. */
export function sayEach<Key extends RunnerMessageKey>(
  key: Key,
  ...params: ParamsOf<Key>
): { de: string; en: string } {
  return { de: say("de", key, ...params), en: say("en", key, ...params) };
}
