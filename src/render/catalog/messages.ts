/**
 * The catalog's types, derived from the German catalog (the default language): its keys are
 * every key, and its texts' `{name}` placeholders are the parameters `say` requires.
 */
import type { de } from "./de.js";

/** Every key of the catalog, plural forms (`tasks_one`, `tasks_other`) included. */
export type MessageKey = keyof typeof de;

/** A whole catalog: one text per key. */
export type Messages = { readonly [K in MessageKey]: string };

/** `tasks` for `tasks_one`/`tasks_other`: the key `say` takes for a counted message. */
type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one` ? Base : never;
}[MessageKey];

/** What `say` accepts: a key, or the base of a plural pair. */
export type SayKey = MessageKey | PluralKey;

/** A placeholder name: word characters only (so `` `{ members }` `` or `{…}` in a text is not one). */
type IsName<N extends string> = N extends ""
  ? false
  : N extends `${string}${" " | "," | "…" | "." | "{" | "-" | "'"}${string}`
    ? false
    : true;

/** The `{name}` placeholders of a text. */
type Names<S extends string> = S extends `${string}{${infer N}}${infer Rest}`
  ? (IsName<N> extends true ? N : never) | Names<Rest>
  : never;

type Text<K extends SayKey> = K extends MessageKey
  ? (typeof de)[K]
  : (typeof de)[`${K}_one` & MessageKey] | (typeof de)[`${K}_other` & MessageKey];

/** A parameter value: text or a number (written as `String(n)`; format numbers first). */
export type ParamValue = string | number;

/** The parameters of `key`: each placeholder, plus `count` for a plural pair. */
export type Params<K extends SayKey> = (K extends MessageKey ? unknown : { count: number }) & {
  readonly [N in Names<Text<K>>]: ParamValue;
};

/** `say`'s parameter list: none for a text without placeholders. */
export type ParamsArgument<K extends SayKey> = K extends MessageKey
  ? [Names<Text<K>>] extends [never]
    ? []
    : [params: Params<K>]
  : [params: Params<K>];
