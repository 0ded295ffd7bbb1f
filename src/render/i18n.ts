/**
 * Nova's one way to say things: templates (`templates/<lang>/*.hbs`) for whole bodies, and one
 * catalog per language (`catalog/de.ts`, `catalog/en.ts`) for every other sentence and word.
 * Code asks `say(lang, key, params)`; templates ask `{{t "key" name=value}}`. No code chooses a
 * text by testing the language (an ESLint rule forbids comparing with `"de"`/`"en"`).
 */
import { de } from "./catalog/de.js";
import { en } from "./catalog/en.js";
import type { Messages, ParamsArgument, SayKey } from "./catalog/messages.js";

export type { MessageKey, Messages, SayKey } from "./catalog/messages.js";

/** The languages Nova writes in. German is the default; `en` switches. */
export type Language = "de" | "en";

export const LANGUAGES: readonly Language[] = ["de", "en"];

export const DEFAULT_LANGUAGE: Language = "de";

/** Every catalog, by language. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { de, en };

/** Whether `value` is a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(MESSAGES, value);
}

/**
 * The message `key` in `lang` with its `{name}` placeholders filled in; for a plural pair
 * (`tasks_one`/`tasks_other`) pass the base key and a `count`. Keys and parameters are checked
 * by the compiler against the German catalog.
 */
export function say<K extends SayKey>(
  lang: Language,
  key: K,
  ...params: ParamsArgument<K>
): string {
  return translate(lang, key, params[0] ?? {});
}

/** The message `key` in every language, for values that carry both (config problems). */
export function sayEach<K extends SayKey>(
  key: K,
  ...params: ParamsArgument<K>
): Readonly<Record<Language, string>> {
  return sayByLanguage((lang) => say(lang, key, ...params));
}

/** `render(lang)` for every language: a value that carries both, built from catalog texts. */
export function sayByLanguage(
  render: (lang: Language) => string,
): Readonly<Record<Language, string>> {
  // English first, as config problems have always been written (JSON output keeps that order).
  return { en: render("en"), de: render("de") };
}

/**
 * `say` for keys known only at run time (the templates' `t` helper): with a numeric `count`
 * parameter, `key_one` (count 1) or `key_other` is used when it exists. Throws on an unknown
 * key, so a typo in a template fails the tests instead of printing the key.
 */
export function translate(
  lang: Language,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  const messages: Readonly<Record<string, string>> = MESSAGES[lang];
  const count = params["count"];
  const plural =
    typeof count === "number" ? messages[`${key}_${count === 1 ? "one" : "other"}`] : undefined;
  const message = plural ?? (Object.hasOwn(messages, key) ? messages[key] : undefined);
  if (message === undefined) {
    throw new Error(`Unknown message key for ${lang}: ${key}`);
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
