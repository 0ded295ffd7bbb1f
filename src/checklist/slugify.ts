/**
 * German-aware slugs for task ids, section labels and Mermaid ids.
 *
 * Umlauts and ß are transliterated the German way (ä → ae, ß → ss) before any other
 * diacritics are stripped, so "Prüfroutinen" becomes "pruefroutinen", not "prufroutinen".
 */
const GERMAN: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  Ä: "ae",
  Ö: "oe",
  Ü: "ue",
  ß: "ss",
  ẞ: "ss",
};

/** Turns text into a lowercase, hyphen-separated ASCII slug; empty when nothing is left. */
export function slugify(text: string): string {
  const transliterated = text.replace(/[äöüÄÖÜßẞ]/g, (char) => GERMAN[char] ?? char);
  return transliterated
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The form of an explicit `id=`: a slug as `slugify` makes it. Defined in the protocol package,
 * since a runner report names its task by id.
 */
export { TASK_ID_PATTERN } from "@nova/protocol/patterns";
