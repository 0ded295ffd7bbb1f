import { parser, Strikethrough } from "@lezer/markdown";
import { inlineParser } from "../../src/markdown/parse-blocks.js";

/**
 * `inlineParser` jumps over plain text (`skipPlainText`); its elements must be exactly those of
 * lezer's own inline parser, which offers every character to every inline parser.
 */
const reference = parser.configure([Strikethrough]);

interface Element {
  type: number;
  from: number;
  to: number;
  children?: Element[];
}
const describeElements = (elements: Element[]): unknown =>
  elements.map((element) => [
    inlineParser.nodeSet.types[element.type]!.name,
    element.from,
    element.to,
    describeElements(element.children ?? []),
  ]);
const parseWith = (target: typeof inlineParser, text: string) =>
  describeElements(target.parseInline(text, 7));

const SAMPLES = [
  "**Aufgabe 1 für Prüfroutinen** – Skript in `scripts/step-1.sh` anlegen. <!-- nova: id=t1 -->",
  "Zeile mit hartem Umbruch  \nund weiter\\\nund `code` ~~weg~~ ~einzeln~ *a* _b_ __c__",
  'Link [text](https://example.com "t") und ![bild](a.png) und [ref] und [x] Option',
  'Entities &amp; &#228; &ndash; und \\* \\_ \\[ Escapes, <https://example.com> <a href="x">',
  "a  b   c    \n  d !x ![ ]] `` ` `` ``` text",
  "ende mit zwei Leerzeichen  ",
  "",
];

describe("inlineParser (skipping plain text)", () => {
  it.each(SAMPLES)("parses %j as lezer's own inline parser does", (text) => {
    expect(parseWith(inlineParser, text)).toEqual(parseWith(reference, text));
  });

  it("matches on random text built from the trigger characters and plain ones", () => {
    const alphabet = [
      "\\",
      "&",
      "`",
      "<",
      ">",
      "*",
      "_",
      "~",
      "[",
      "]",
      "(",
      ")",
      "!",
      " ",
      " ",
      "\n",
      "a",
      "ä",
      "#",
      ";",
      "-",
      "/",
    ];
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let sample = 0; sample < 500; sample++) {
      let text = "";
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(parseWith(inlineParser, text)).toEqual(parseWith(reference, text));
    }
  });
});
