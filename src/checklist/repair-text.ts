/**
 * Mojibake detection and repair: UTF-8 text that was decoded through a legacy single-byte code
 * page (so `ä`, bytes C3 A4, became `Ã¤`) and saved again as UTF-8, possibly more than once.
 *
 * The repair re-encodes suspicious character sequences through the code page and decodes the
 * bytes as UTF-8. It works sequence by sequence, never on the whole string, because a garbled
 * document may also hold characters the code page cannot encode (a real `→` or emoji beside
 * `NÃ¤chste`). A sequence is replaced only when it re-encodes to one complete, valid UTF-8
 * character that is plausible in text; correct text must come back unchanged.
 *
 * Known limits:
 * - Bytes a tool could not decode are lost. WHATWG decoders (browsers, `TextDecoder`) map the
 *   five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 controls
 *   U+0081 … and those repair fine; Python's cp1252 with `errors="replace"` turns them into
 *   U+FFFD and with `errors="ignore"` drops them, so `Á Í Ï Ð Ý` (C3 81 … C3 9D) cannot be
 *   rebuilt and such a sequence is left as it is. The same holds when an editor turned the
 *   no-break space in `Ã\u00A0` (`à`) into a plain space.
 * - Text that is about mojibake (`Ã¤` quoted on purpose) is repaired as well.
 * - A lone ambiguous sequence (`Ä“`, also a German `„Ä“`) is left alone unless the same text, or
 *   the document given in `options.codePages`, holds unambiguous evidence.
 */

/** The code pages Nova can undo, in order of preference when several explain a text equally. */
export const CODE_PAGES = [
  "windows-1252",
  "windows-1254",
  "windows-1250",
  "iso-8859-1",
  "iso-8859-15",
] as const;

export type CodePage = (typeof CODE_PAGES)[number];

export interface MojibakeFinding {
  /** The repaired text. */
  fixed: string;
  /** The code pages undone, outermost (the last garbling) first; two entries for text garbled twice. */
  codePages: CodePage[];
}

export interface RepairOptions {
  /**
   * The chain found for the whole document (`detectMojibake(source)?.codePages`). A short field
   * carries little evidence of its own; with the document's chain its ambiguous sequences
   * (`Å‚` for `ł`) are repaired too, and the code page cannot drift from field to field.
   */
  codePages?: readonly CodePage[];
}

/** Text garbled more often than this is left as it is after the third round. */
const MAX_ROUNDS = 3;

/**
 * Node 20.18.3+ decodes windows-1252 bytes 0x80-0x9F as Latin-1 (nodejs/node#60888,
 * https://github.com/nodejs/node/issues/56542), so this row of the WHATWG index
 * (https://encoding.spec.whatwg.org/index-windows-1252.txt) is filled in when the runtime gets it wrong.
 */
const WINDOWS_1252_ROW_80 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Lead characters that are almost never followed by a continuation-range character in real text:
 * `Ã Â` (C3, C2: Latin-1 letters), `â` (E2: punctuation such as `â€“`), `ð ğ đ` (F0: emoji).
 */
const STRONG_LEADS = new Set([..."ÃÂâðğđ"].map((char) => char.charCodeAt(0)));

/**
 * Characters that do follow a letter directly in real text (closing quotes, dashes, units,
 * marks). A sequence made only of a letter and these (`„Ä“`, Romanian `Ă”`) is ambiguous.
 */
const AFTER_LETTER = new Set(
  [..."“”‘’„‚«»‹›–—…\u00A0\u00AD°•·²³™®©€"].map((char) => char.charCodeAt(0)),
);

/** The most frequent non-ASCII characters of European text: a tie-break between code pages. */
const FREQUENT = new Set(
  [..."äöüßÄÖÜéèêëàâáçñóòôõíìîïúùûøåæœãýąćęłńśźżčřšžěůőűăîșț–—‘’‚“”„…•€"].map((char) =>
    char.codePointAt(0),
  ),
);

interface CodePageTable {
  name: CodePage;
  /** Byte for each UTF-16 code unit, -1 where the code page has none. ASCII maps to itself. */
  encode: Int16Array;
}

interface Tables {
  pages: CodePageTable[];
  /** Every character some supported code page decodes a byte 0x80-0xFF to. */
  pageChars: Set<number>;
  /** Per UTF-16 code unit: LEAD if some code page encodes it as a UTF-8 lead byte, CONTINUATION likewise. */
  roles: Uint8Array;
}

const LEAD = 1;
const CONTINUATION = 2;

let tables: Tables | undefined;

/** Decodes bytes 0x00-0xFF through a code page: 256 characters, one per byte. */
function decodeAllBytes(name: CodePage): string {
  const bytes = Uint8Array.from({ length: 256 }, (_, byte) => byte);
  // WHATWG (and so TextDecoder) treats the label iso-8859-1 as windows-1252; the tools that
  // produce true Latin-1 mojibake (Python's latin-1, Node's Buffer "latin1") map byte n to U+00nn.
  if (name === "iso-8859-1") return String.fromCharCode(...bytes);
  let chars = new TextDecoder(name).decode(bytes);
  if (name === "windows-1252" && chars.charCodeAt(0x80) !== 0x20ac) {
    chars = chars.slice(0, 0x80) + WINDOWS_1252_ROW_80 + chars.slice(0xa0);
  }
  if (chars.length !== 256)
    throw new Error(`Code page ${name} does not decode to one character per byte`);
  return chars;
}

/** Builds the byte tables once, on the first text that is not plain ASCII. */
function loadTables(): Tables {
  if (tables) return tables;
  const pageChars = new Set<number>();
  const roles = new Uint8Array(0x10000);
  const pages = CODE_PAGES.map((name): CodePageTable => {
    const chars = decodeAllBytes(name);
    const encode = new Int16Array(0x10000).fill(-1);
    for (let byte = 0xff; byte >= 0; byte--) {
      const code = chars.charCodeAt(byte);
      encode[code] = byte;
      if (byte < 0x80) continue;
      pageChars.add(code);
      if (byte >= 0xc2 && byte <= 0xf4) roles[code]! |= LEAD;
      if (byte <= 0xbf) roles[code]! |= CONTINUATION;
    }
    return { name, encode };
  });
  tables = { pages, pageChars, roles };
  return tables;
}

/** One garbled character: `text.slice(start, end)` re-encodes to the UTF-8 of `decoded`. */
interface Sequence {
  start: number;
  end: number;
  decoded: string;
  /** False for a sequence real text could also contain (see AFTER_LETTER). */
  strong: boolean;
  /** How likely the decoded character is in text (see weigh). */
  weight: number;
}

/** The garbled sequences of one code page, found greedily from left to right. */
interface Reading {
  page: CodePageTable;
  sequences: Sequence[];
  strong: number;
  weight: number;
}

/**
 * Checks whether text is mojibake and repairs it. Returns null when the text is fine (or when
 * nothing in it is unambiguous enough to change).
 *
 * Each round picks the one code page that explains the most sequences in the whole text, so
 * the guess is consistent across the document; up to three rounds undo repeated garbling.
 */
export function detectMojibake(text: string, options: RepairOptions = {}): MojibakeFinding | null {
  if (isAscii(text)) return null;
  // `parsePlan` and `lintPlan` both ask about the whole source: the second asks the cache.
  const cacheable = options.codePages === undefined && text.length >= CACHE_MIN_LENGTH;
  if (cacheable && lastDocument?.text === text) return copyFinding(lastDocument.finding);
  const finding = findMojibake(text, options);
  if (cacheable) lastDocument = { text, finding: copyFinding(finding) };
  return finding;
}

/** Texts this long (whole documents, not fields) are remembered, one at a time. */
const CACHE_MIN_LENGTH = 4096;
let lastDocument: { text: string; finding: MojibakeFinding | null } | undefined;

/** A copy, so a caller that changes its finding cannot change the cached one. */
function copyFinding(finding: MojibakeFinding | null): MojibakeFinding | null {
  return finding && { fixed: finding.fixed, codePages: [...finding.codePages] };
}

function findMojibake(text: string, options: RepairOptions): MojibakeFinding | null {
  const given = options.codePages;
  let fixed = text;
  const codePages: CodePage[] = [];
  if (given) {
    for (const name of given) {
      const page = loadTables().pages.find((table) => table.name === name);
      const reading = page ? readAs(fixed, page) : null;
      if (!reading || reading.sequences.length === 0) break;
      fixed = applyReading(fixed, reading);
      codePages.push(name);
    }
  } else {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const reading = chooseReading(fixed);
      if (!reading) break;
      fixed = applyReading(fixed, reading);
      codePages.push(reading.page.name);
    }
  }
  return codePages.length > 0 && fixed !== text ? { fixed, codePages } : null;
}

/** Repairs mojibake; returns correct text unchanged (the same string). */
export function repairText(text: string, options: RepairOptions = {}): string {
  return detectMojibake(text, options)?.fixed ?? text;
}

/** Plain ASCII cannot be mojibake: every garbled sequence has characters above U+007F. */
function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: all of ASCII
  return !/[^\x00-\x7F]/.test(text);
}

/**
 * The reading that explains the most sequences, with at least one unambiguous one; ties go
 * to the more plausible characters, then to the more common code page.
 */
function chooseReading(text: string): Reading | null {
  const starts = findCandidates(text);
  if (starts.length === 0) return null;
  let best: Reading | null = null;
  for (const page of loadTables().pages) {
    const reading = readAs(text, page, starts);
    if (reading.strong === 0) continue;
    if (
      !best ||
      reading.sequences.length > best.sequences.length ||
      (reading.sequences.length === best.sequences.length && reading.weight > best.weight)
    ) {
      best = reading;
    }
  }
  return best;
}

/**
 * Where a garbled sequence could start in any code page: a possible lead character followed by
 * a possible continuation character. One pass, so clean text with umlauts costs one scan.
 */
function findCandidates(text: string): number[] {
  const { roles } = loadTables();
  const starts: number[] = [];
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80 || (roles[code]! & LEAD) === 0) continue;
    if ((roles[text.charCodeAt(index + 1)]! & CONTINUATION) !== 0) starts.push(index);
  }
  return starts;
}

/** Finds the garbled sequences of a text for one code page, left to right. */
function readAs(
  text: string,
  page: CodePageTable,
  starts: readonly number[] = findCandidates(text),
): Reading {
  const sequences: Sequence[] = [];
  let strong = 0;
  let weight = 0;
  let next = 0;
  for (const start of starts) {
    if (start < next) continue;
    const sequence = readSequence(text, start, page);
    if (!sequence) continue;
    sequences.push(sequence);
    if (sequence.strong) strong++;
    weight += sequence.weight;
    next = sequence.end;
  }
  return { page, sequences, strong, weight };
}

/** Reads one UTF-8 character re-encoded through the code page at `start`, or null. */
function readSequence(text: string, start: number, page: CodePageTable): Sequence | null {
  const leadChar = text.charCodeAt(start);
  const lead = page.encode[leadChar] ?? -1;
  let length: number;
  let codePoint: number;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    codePoint = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    codePoint = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    codePoint = lead & 0x07;
  } else {
    return null;
  }
  if (start + length > text.length) return null;
  let onlyAfterLetter = true;
  for (let index = 1; index < length; index++) {
    const char = text.charCodeAt(start + index);
    const byte = page.encode[char] ?? -1;
    if (byte < 0x80 || byte > 0xbf) return null;
    if (index === 1 && !isValidSecondByte(lead, byte)) return null;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (!AFTER_LETTER.has(char)) onlyAfterLetter = false;
  }
  if (!isPlausible(codePoint)) return null;
  return {
    start,
    end: start + length,
    decoded: String.fromCodePoint(codePoint),
    strong: STRONG_LEADS.has(leadChar) || !onlyAfterLetter,
    weight: weigh(codePoint),
  };
}

/** Rejects overlong forms, surrogates and code points above U+10FFFF (RFC 3629, section 4). */
function isValidSecondByte(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0;
  if (lead === 0xed) return byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90;
  if (lead === 0xf4) return byte <= 0x8f;
  return true;
}

/**
 * Whether a decoded character can be what the author wrote. Two-byte results are limited to
 * scripts that really get garbled (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, combining
 * accents of decomposed text): real `ß“`, `Ü”` or `CAFÉ®` would otherwise decode to NKo, Syriac
 * or IPA. Longer results only have to be assigned, non-private characters.
 */
function isPlausible(codePoint: number): boolean {
  if (codePoint < 0x800) {
    return (
      loadTables().pageChars.has(codePoint) ||
      (codePoint >= 0xa0 && codePoint <= 0x237) ||
      (codePoint >= 0x300 && codePoint <= 0x36f) ||
      (codePoint >= 0x370 && codePoint <= 0x58f && !isUnassigned(codePoint)) ||
      (codePoint >= 0x5d0 && codePoint <= 0x5f4 && !isUnassigned(codePoint)) ||
      (codePoint >= 0x600 && codePoint <= 0x6ff)
    );
  }
  return !/[\p{Cn}\p{Co}]/u.test(String.fromCodePoint(codePoint));
}

function isUnassigned(codePoint: number): boolean {
  return /\p{Cn}/u.test(String.fromCodePoint(codePoint));
}

/** Frequent letters and punctuation 3, other letters and non-Latin-1 characters 2, the rest 1. */
function weigh(codePoint: number): number {
  if (FREQUENT.has(codePoint)) return 3;
  if (codePoint >= 0x100 || /\p{L}/u.test(String.fromCodePoint(codePoint))) return 2;
  return 1;
}

/** Replaces every sequence of a reading by the character it decodes to. */
function applyReading(text: string, reading: Reading): string {
  const parts: string[] = [];
  let at = 0;
  for (const sequence of reading.sequences) {
    parts.push(text.slice(at, sequence.start), sequence.decoded);
    at = sequence.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
