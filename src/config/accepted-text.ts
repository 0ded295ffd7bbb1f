/**
 * What a config value may be, in words, attached to the schema node that checks it. A problem
 * message says "`sync.maxWritesPerRun` must be <accepted text> (found: 5000)", so each text is a
 * noun phrase: "a whole number from 1 to 1000" / "eine ganze Zahl von 1 bis 1000".
 */
import { z } from "zod";
import type { Language } from "../render/i18n.js";

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
