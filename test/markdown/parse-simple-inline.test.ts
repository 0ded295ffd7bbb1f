import { parseLezerInline, type InlineNode } from "../../src/markdown/inline.js";
import { parseSimpleInline } from "../../src/markdown/parse-simple-inline.js";
import { createRandom } from "./create-random.js";

/**
 * The fast path must give lezer's nodes exactly whenever it answers. Strings are built from
 * pieces around every rule it follows (strong pairs and their flanking, code spans and backtick
 * runs, comments and autolinks, entities, hard breaks, `![`) and pieces it leaves to lezer.
 */
const PIECES = [
  "**",
  "*",
  "***",
  "`",
  "``",
  "<!--",
  "-->",
  "->",
  "<!-- nova: id=t1; after=t0 -->",
  "<!-->",
  "<",
  ">",
  "<b>",
  "<?x?>",
  "x@example.com>",
  "https://example.com>",
  "&amp;",
  "&#228;",
  "&x",
  "&",
  ";",
  "_",
  "~",
  "[",
  "]",
  "!",
  "![",
  "\\",
  "  ",
  " ",
  " ",
  " ",
  "\n",
  "  \n",
  "\r\n",
  "a",
  "Wort",
  "Ü",
  "ß",
  "–",
  ".",
  ",",
  "(",
  ")",
  "\u00a0",
  "\t",
  "😀",
  "**Fett**",
  "`scripts/a.sh`",
];

const describeNodes = (nodes: InlineNode[]): unknown =>
  nodes.map((node) => [node.name, node.from, node.to, describeNodes(node.children)]);

describe("parseSimpleInline", () => {
  it("answers like lezer (or not at all) on 200,000 random strings", () => {
    const random = createRandom(7);
    let answered = 0;
    for (let round = 0; round < 200_000; round++) {
      const count = 1 + Math.floor(random() * 12);
      let text = "";
      for (let i = 0; i < count; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      // Positions inside a larger source, as in a plan.
      const source = `- [ ] ${text}\nmore`;
      const from = 6;
      const to = from + text.length;
      const simple = parseSimpleInline(source, from, to);
      if (!simple) continue;
      answered++;
      const expected = describeNodes(parseLezerInline(source, from, to));
      if (JSON.stringify(describeNodes(simple)) !== JSON.stringify(expected))
        expect({ text, nodes: describeNodes(simple) }).toEqual({ text, nodes: expected });
    }
    // It does answer for a good share (the comparison is not vacuous).
    expect(answered).toBeGreaterThan(20_000);
  });

  it("answers for a task title of the plan's shape, with lezer's nodes", () => {
    const title =
      "**Aufgabe 7 für Prüfroutinen** – Skript in `scripts/step-7.sh` anlegen &amp; prüfen. <!-- nova: id=t7; after=t6 -->";
    const simple = parseSimpleInline(title, 0, title.length);
    expect(simple).not.toBeNull();
    expect(describeNodes(simple!)).toEqual(describeNodes(parseLezerInline(title, 0, title.length)));
    expect(simple!.map((node) => node.name)).toEqual([
      "StrongEmphasis",
      "InlineCode",
      "Entity",
      "Comment",
    ]);
  });

  it("leaves links, escapes, underscores and nested emphasis to lezer", () => {
    for (const text of ["[a](b)", "a\\*b", "a_b_", "**a *b* c**", "***a***", "``a``", "<b>x</b>"])
      expect(parseSimpleInline(text, 0, text.length)).toBeNull();
  });
});
