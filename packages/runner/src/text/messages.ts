import type { de } from "./de.js";

/** A key of the runner's catalogs. */
export type RunnerMessageKey = keyof typeof de;

/** A catalog: every key of the German one, each a string. */
export type RunnerMessages = Readonly<Record<RunnerMessageKey, string>>;

/** The `{name}` placeholders of a message text, as a union of names. */
export type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters a key needs: none for a plain text, otherwise one value per placeholder. */
export type ParamsOf<Key extends RunnerMessageKey> = [Placeholders<(typeof de)[Key]>] extends [
  never,
]
  ? []
  : [params: Readonly<Record<Placeholders<(typeof de)[Key]>, string | number>>];
