import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  CODE_PAGES,
  detectMojibake,
  repairText,
  type CodePage,
} from "../../src/checklist/repair-text.js";
import { loadChecklist } from "../fixtures/load-fixture.js";

/**
 * Bytes 0x80-0x9F of windows-1252 as the WHATWG index defines them
 * (https://encoding.spec.whatwg.org/index-windows-1252.txt); the five undefined bytes are C1
 * controls. Spelled out here because Node 20.18.3+ decodes this row as Latin-1
 * (https://github.com/nodejs/node/issues/60888), and the helper must garble the way Windows does.
 */
const WINDOWS_1252_80_TO_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Makes mojibake the way it happens: encode as UTF-8, then decode the bytes through a code page. */
function garbleText(text: string, codePage: CodePage): string {
  const bytes = Buffer.from(text, "utf8");
  // True ISO-8859-1 (Python's latin-1, Node's Buffer); TextDecoder would read the label as windows-1252.
  if (codePage === "iso-8859-1") return bytes.toString("latin1");
  if (codePage === "windows-1252") {
    return [...bytes]
      .map((byte) =>
        String.fromCharCode(
          byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_TO_9F[byte - 0x80]! : byte,
        ),
      )
      .join("");
  }
  return new TextDecoder(codePage).decode(bytes);
}

/**
 * "Real text" is what people type into a plan: tokens separated by a space or a line break,
 * each one of
 * - a word of German, English, French and Spanish letters (a-z, A-Z, äöüÄÖÜß, é, ñ, Á),
 * - a number, a standalone symbol (– — → € … & % 💡 🚀), a CJK word,
 * - a word in German, English or French quotes („Wort“, “word”, »Wort«), a word followed by an
 *   ellipsis, ASCII punctuation, or both, a compound joined by an en dash (Nord–Süd).
 * Characters from the code pages' 0x80-0xBF range therefore touch a letter only where real text
 * puts them (closing quotes, ellipses, dashes), and never the way mojibake does (`Ã¤`). This is
 * deliberately adversarial: `„Ä“`, `»Maß«` or `Café…“` re-encode to valid UTF-8 in windows-1252.
 */
const LETTERS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüÄÖÜßéñÁ"];
const word = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(""));
const cjkWord = fc
  .array(fc.constantFrom(..."中文日本語漢字計画検証"), {
    minLength: 1,
    maxLength: 4,
  })
  .map((c) => c.join(""));
const symbol = fc.constantFrom("–", "—", "→", "€", "…", "&", "%", "💡", "🚀");
const quoted = fc
  .tuple(word, fc.constantFrom(["„", "“"], ["“", "”"], ["»", "«"], ["‚", "‘"]))
  .map(([text, [open, close]]) => `${open}${text}${close}`);
const punctuated = fc
  .tuple(
    fc.oneof(word, quoted),
    fc.constantFrom("", "…"),
    fc.constantFrom("", ".", ",", ";", ":", "!", "?"),
  )
  .map(([text, ellipsis, mark]) => `${text}${ellipsis}${mark}`);
const compound = fc.tuple(word, word).map(([left, right]) => `${left}–${right}`);
const token = fc.oneof(
  { arbitrary: word, weight: 5 },
  { arbitrary: fc.nat({ max: 100_000 }).map(String), weight: 1 },
  { arbitrary: symbol, weight: 1 },
  { arbitrary: cjkWord, weight: 1 },
  { arbitrary: punctuated, weight: 3 },
  { arbitrary: compound, weight: 1 },
);
const realText = fc
  .array(fc.tuple(token, fc.constantFrom(" ", " ", " ", "\n")), {
    minLength: 1,
    maxLength: 30,
  })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(""));

/**
 * Real text with at least one unambiguous character. A text whose only non-ASCII letters are
 * `Ä` and `Ö` garbles through windows-1250 to `Ă„`/`Ă–`: a Romanian capital and a closing
 * quote, which real text can contain, so the repair rightly leaves a lone one alone. Any of
 * these words garbles to an unambiguous sequence (`Ã¤`, `â€“`, `ðŸ’¡`, …) in every code page.
 * No other constraint is needed: the helper decodes like WHATWG, which maps every byte to a
 * character (the undefined ones to C1 controls), so every garbling is reversible.
 */
const realTextWithEvidence = fc
  .tuple(fc.constantFrom("Nächste", "Prüfroutinen", "Gegenmaßnahmen", "–", "💡"), realText)
  .map(([evidence, text]) => `${evidence} ${text}`);

describe("repairText on correct text", () => {
  it("returns real text unchanged", () => {
    fc.assert(
      fc.property(realText, (text) => {
        expect(detectMojibake(text)).toBeNull();
        expect(repairText(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    "der Buchstabe „Ä“ im Alphabet",
    "»Maß« und „Fuß“",
    "1 Maß\u00A0Bier",
    "CAFÉ® und „Café…“",
    "JOÃO und São Paulo",
    "Ærø, Łódź, Kraków, naïve, façade, Señor",
    "Ελληνικά, Привет мир, עברית, العربية, 日本語, 한국어",
    "Grüße – Jürgen — Straße, Größe, Übersicht, ÄÖÜ äöü ß ẞ",
    "Preis: 5 € → 7 € „Angebot“ ‚kurz‘ “quoted” ‘single’ «guillemets» ‹x›",
    "💡 Hinweis 🚀 Start 👨‍👩‍👧 Familie 🇩🇪",
    "x² + y³ = 10 °C ± 0,5 µm · ½ © ® ™ §",
  ])("leaves %s unchanged", (text) => {
    expect(detectMojibake(text)).toBeNull();
    expect(repairText(text)).toBe(text);
  });

  it("returns plain ASCII as it is", () => {
    const text = "- [ ] **Setup** -- run `nova sync` <!-- nova: id=setup -->\r\n";
    expect(repairText(text)).toBe(text);
    expect(detectMojibake(text)).toBeNull();
  });
});

describe("repairText on mojibake", () => {
  it.each(CODE_PAGES)("undoes one garbling through %s", (codePage) => {
    fc.assert(
      fc.property(realTextWithEvidence, (text) => {
        const garbled = garbleText(text, codePage);
        expect(garbled).not.toBe(text);
        expect(repairText(garbled)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it.each(CODE_PAGES)("undoes two garblings through %s", (codePage) => {
    fc.assert(
      fc.property(realTextWithEvidence, (text) => {
        const finding = detectMojibake(garbleText(garbleText(text, codePage), codePage));
        expect(finding?.fixed).toBe(text);
        expect(finding?.codePages).toHaveLength(2);
      }),
      { numRuns: 100 },
    );
  });

  it("undoes three garblings, outermost code page first", () => {
    const text = "Nächste Schritte – Prüfung 💡";
    const once = garbleText(text, "windows-1254");
    const thrice = garbleText(garbleText(once, "windows-1252"), "windows-1252");
    expect(detectMojibake(thrice)).toEqual({
      fixed: text,
      codePages: ["windows-1252", "windows-1252", "windows-1254"],
    });
  });

  it.each<[string, string]>([
    ["NÃ¤chste", "Nächste"],
    ["â€“", "–"],
    ["GegenmaÃŸnahmen", "Gegenmaßnahmen"],
    ["ğŸ’¡", "💡"],
    ["Ãœberhitzung", "Überhitzung"],
    ["Code-Ã„nderungen", "Code-Änderungen"],
    ["Ã¼berprÃ¼fen", "überprüfen"],
  ])("repairs %s from the fixture to %s", (garbled, fixed) => {
    expect(repairText(garbled)).toBe(fixed);
  });

  it("names the code page that explains the text", () => {
    expect(detectMojibake("NĂ¤chste")).toEqual({
      fixed: "Nächste",
      codePages: ["windows-1250"],
    });
    expect(detectMojibake("MaÃ\u009F")).toEqual({
      fixed: "Maß",
      codePages: ["iso-8859-1"],
    });
    // "Ã€" also reads as "À" in windows-1252; "ä" is the far likelier letter inside a word.
    expect(detectMojibake("NÃ€chste")).toEqual({
      fixed: "Nächste",
      codePages: ["iso-8859-15"],
    });
    expect(detectMojibake("ðŸš€ Start")).toEqual({
      fixed: "🚀 Start",
      codePages: ["windows-1252"],
    });
  });

  it("repairs garbled runs next to characters the code page cannot encode", () => {
    expect(repairText("NÃ¤chste → 🚀 Schritte →Ã¼ber✓Ã¤")).toBe("Nächste → 🚀 Schritte →über✓ä");
  });

  it("keeps real text that sits beside garbled text", () => {
    // "ß“" and "Ü”" re-encode to valid UTF-8 too (NKo and Syriac letters), "à…«" to an overlong
    // form of "Ż": none of them is what anyone wrote.
    expect(repairText("NÃ¤chste Schritte: „Fuß“, „Ü”, »Maß«, »voilà…«, CAFÉ® – Ã¼ber")).toBe(
      "Nächste Schritte: „Fuß“, „Ü”, »Maß«, »voilà…«, CAFÉ® – über",
    );
  });

  it("repairs the bytes windows-1252 leaves undefined when they were kept as C1 controls", () => {
    expect(repairText("Ã\u0081rea, Ã\u008Dndice")).toBe("Área, Índice");
  });

  it("leaves bytes a decoder replaced or dropped, and repairs the rest", () => {
    // Python's cp1252 with errors="replace" turns 0x81 into U+FFFD; the "Á" is gone for good.
    expect(repairText("Ã\uFFFDrea NÃ¤chste")).toBe("Ã\uFFFDrea Nächste");
  });

  it("repairs an ambiguous sequence only with evidence", () => {
    // "Ä…" could be a real "Ä" followed by an ellipsis; "Ã³" cannot be real text.
    expect(detectMojibake("PrzeglÄ…d")).toBeNull();
    expect(repairText("PrzeglÄ…d kÃ³d")).toBe("Przegląd kód");
    expect(repairText("PrzeglÄ…d", { codePages: ["windows-1252"] })).toBe("Przegląd");
  });

  it("uses the document's code pages for a field when given", () => {
    const line = "Remote-Zugriff dokumentieren â€“ SSH";
    expect(detectMojibake(line, { codePages: ["windows-1254"] })).toEqual({
      fixed: "Remote-Zugriff dokumentieren – SSH",
      codePages: ["windows-1254"],
    });
    expect(detectMojibake("Remote-Zugriff – SSH", { codePages: ["windows-1254"] })).toBeNull();
  });
});

describe("the team's plan", () => {
  const asReceived = loadChecklist("as-received");
  const bundled = loadChecklist("bundled");

  it("repairs the plan as received into the bundled plan, byte for byte", () => {
    expect(repairText(asReceived)).toBe(bundled);
  });

  it("was garbled once, through windows-1254", () => {
    expect(detectMojibake(asReceived)?.codePages).toEqual(["windows-1254"]);
    // Only the emoji tells: its lead byte F0 reads "ğ" in windows-1254 and "ð" in windows-1252.
    const withoutEmoji = asReceived.replace("ğŸ’¡", "");
    expect(detectMojibake(withoutEmoji)?.codePages).toEqual(["windows-1252"]);
    expect(garbleText(bundled, "windows-1254")).toBe(asReceived);
  });

  it("leaves every line of the repaired plan unchanged", () => {
    for (const line of bundled.split("\n")) {
      expect(detectMojibake(line)).toBeNull();
    }
    expect(repairText(bundled)).toBe(bundled);
  });

  it("passes over 1.3 MB of clean text in well under 50 ms", () => {
    const large = bundled.repeat(Math.ceil(1_300_000 / bundled.length));
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      expect(repairText(large)).toBe(large);
      fastest = Math.min(fastest, performance.now() - started);
    }
    expect(fastest).toBeLessThan(50);
  });
});
