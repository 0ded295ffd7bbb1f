/**
 * What a config value may be, in words, attached to the schema node that checks it. A problem
 * message says "`sync.maxWritesPerRun` must be <accepted text> (found: 5000)", so each text is a
 * noun phrase: "a whole number between 1 and 1000" / "eine ganze Zahl zwischen 1 und 1000".
 */
import { z } from "zod";
import { sayEach, type Language } from "../render/i18n.js";
import { findSchemaAt, listSchemaLayers, unwrapSchema } from "./walk-schema.js";

/** The same noun phrase in every language Nova writes. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** Schema node → what it accepts. A registry keeps the texts off zod's global metadata. */
export const acceptedTexts = z.registry<LocalizedText>();

/**
 * Registers what `schema` accepts and returns the same schema, so it reads inline:
 * `describeAccepted(z.boolean(), { en: "`true` or `false`", de: "`true` oder `false`" })`.
 */
export function describeAccepted<T extends z.ZodType>(schema: T, text: LocalizedText): T {
  acceptedTexts.add(schema, text);
  return schema;
}

/**
 * What the node at `path` of `schema` accepts: the text registered on it or one of its wrappers;
 * for a mapping without one, a text that lists its keys. Undefined when the path is not in the
 * schema or nothing describes it (a test keeps every key described).
 */
export function findAcceptedText(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  options: { recordKey?: boolean } = {},
): LocalizedText | undefined {
  const node = findSchemaAt(schema, path, options);
  if (node === undefined) return undefined;
  for (const layer of listSchemaLayers(node)) {
    const text = acceptedTexts.get(layer);
    if (text !== undefined) return text;
  }
  const inner = unwrapSchema(node);
  if (!(inner instanceof z.ZodObject)) return undefined;
  const keys = Object.keys(inner.shape as Record<string, unknown>)
    .map((key) => `\`${key}\``)
    .join(", ");
  return sayEach("config.accepted.mapping", { keys });
}
