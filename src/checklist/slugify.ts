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
  // NFKD and stripping combining marks change nothing in ASCII text (most titles once the
  // umlauts are transliterated), and `normalize` is costly enough to matter at 10,000 tasks.
  const plain = /[^\p{ASCII}]/u.test(transliterated)
    ? transliterated
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
    : transliterated.toLowerCase();
  // Runs of anything else become one hyphen, none at the ends. A loop rather than a global
  // regex replace (a hostile title with 100,000 runs took superlinear time that way), and it
  // appends whole runs: a character at a time made a string per character (the largest
  // allocation of the 10,000-task parse).
  let slug = "";
  let runStart = -1;
  for (let at = 0; at <= plain.length; at++) {
    const code = at < plain.length ? plain.charCodeAt(at) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (runStart < 0) runStart = at;
    } else if (runStart >= 0) {
      if (runStart === 0 && at === plain.length) return plain;
      slug = slug === "" ? plain.slice(runStart, at) : `${slug}-${plain.slice(runStart, at)}`;
      runStart = -1;
    }
  }
  return slug;
}

/**
 * The form of an explicit `id=`: a slug as `slugify` makes it. Defined in the protocol package,
 * since a runner report names its task by id.
 */
export { TASK_ID_PATTERN } from "@nova/protocol/patterns";
