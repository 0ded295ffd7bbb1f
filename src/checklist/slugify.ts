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

/** The German letters as character codes of their transliteration, for the one-pass slug. */
const GERMAN_CODES = new Map<number, readonly [number, number]>(
  Object.entries(GERMAN).map(([char, ascii]) => [
    char.charCodeAt(0),
    [ascii.charCodeAt(0), ascii.charCodeAt(1)],
  ]),
);

/** Texts up to this long take the one-pass path (its codes go into one `fromCharCode` call). */
const ONE_PASS_MAX = 1024;
/** The slug's character codes; at most two per character of the text. Reused: no array per call. */
const slugCodes = new Uint16Array(2 * ONE_PASS_MAX);

/** Turns text into a lowercase, hyphen-separated ASCII slug; empty when nothing is left. */
export function slugify(text: string): string {
  return (text.length <= ONE_PASS_MAX ? slugifyGermanAscii(text) : null) ?? slugifyAny(text);
}

/**
 * The slug of a text made of ASCII and German letters (most titles), in one pass without
 * intermediate strings: ASCII letters lowercased, German letters transliterated, runs of
 * anything else one hyphen. Null when the text holds another non-ASCII character, which needs
 * Unicode normalization (`slugifyAny`). Gives exactly what `slugifyAny` gives otherwise.
 */
function slugifyGermanAscii(text: string): string | null {
  const codes = slugCodes;
  let length = 0;
  let gap = false;
  for (let at = 0; at < text.length; at++) {
    let code = text.charCodeAt(at);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (gap && length > 0) codes[length++] = 45;
      gap = false;
      codes[length++] = code;
    } else if (code < 128) {
      gap = true;
    } else {
      const german = GERMAN_CODES.get(code);
      if (!german) return null;
      if (gap && length > 0) codes[length++] = 45;
      gap = false;
      codes[length++] = german[0];
      codes[length++] = german[1];
    }
  }
  // `apply` takes the typed array as the argument list.
  return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
}

function slugifyAny(text: string): string {
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
