import type { SyntaxNode } from "@lezer/common";
import { parseBlocks, parseTopLevelBlocks } from "../../src/markdown/parse-blocks.js";
import { createRandom } from "./create-random.js";

/**
 * `parseBlockChunks` parses a document in pieces, cut before ATX headings at column 0 that follow
 * a blank line; every node (name, from, to) must be the one a parse of the whole document has.
 * Documents are built from lines chosen to stress the cuts: headings, blank lines, fences (open,
 * closed, indented, inside lists and quotes), HTML blocks of every kind, lists, quotes, lazy
 * lines, indented code, setext underlines, CRLF.
 */
const LINES = [
  "## 1. Abschnitt",
  "# Titel",
  "###### tief",
  "#######  kein Titel",
  "#kein Titel",
  "",
  "",
  "   ",
  "\t",
  "- [ ] **Aufgabe** – Text `code` <!-- nova: id=a -->",
  "  - [x] Unteraufgabe",
  "    - [ ] tief",
  "1. [ ] nummeriert",
  "2) zwei",
  "> - [ ] zitiert",
  "> Notiz",
  "lazy Zeile",
  "    eingerückter Code",
  "```",
  "```js",
  "~~~",
  "  ```",
  "- ```",
  "> ```",
  "<!--",
  "-->",
  "<!-- ganz -->",
  "<pre>",
  "</pre>",
  "<script>",
  "</script>",
  "<?php",
  "?>",
  "<!DOCTYPE html>",
  "<![CDATA[",
  "]]>",
  "<div>",
  "</div>",
  "<span>",
  "---",
  "===",
  "Absatz mit Text",
  "[ref]: https://example.com",
  "## Überschrift\r",
  "\r",
  "- [ ] crlf\r",
];

function describeNode(node: SyntaxNode, into: string[]): string[] {
  into.push(`${node.name}:${node.from}-${node.to}`);
  for (let child = node.firstChild; child; child = child.nextSibling) describeNode(child, into);
  return into;
}

const describeWhole = (source: string) => {
  const into: string[] = [];
  for (let block = parseBlocks(source).topNode.firstChild; block; block = block.nextSibling)
    describeNode(block, into);
  return into;
};
const describeChunked = (source: string, minChunk: number) => {
  const into: string[] = [];
  for (const block of parseTopLevelBlocks(source, minChunk)) describeNode(block, into);
  return into;
};

/** The chunks a document was parsed in: each chunk's `Document` node starts where it was cut. */
const countChunks = (source: string, minChunk: number) =>
  new Set([...parseTopLevelBlocks(source, minChunk)].map((block) => block.parent!.from)).size;

describe("parseTopLevelBlocks", () => {
  it("gives the nodes of a whole-document parse for 3,000 random documents, cut wherever allowed", () => {
    const random = createRandom(14);
    let cuts = 0;
    for (let round = 0; round < 3000; round++) {
      const count = 1 + Math.floor(random() * 40);
      const lines: string[] = [];
      for (let i = 0; i < count; i++) lines.push(LINES[Math.floor(random() * LINES.length)]!);
      const source = lines.join("\n") + (random() < 0.8 ? "\n" : "");
      cuts += countChunks(source, 1) - 1;
      expect({ source, nodes: describeChunked(source, 1) }).toEqual({
        source,
        nodes: describeWhole(source),
      });
    }
    // The documents do get cut (the comparison is not between two whole parses).
    expect(cuts).toBeGreaterThan(500);
  });

  it("cuts the generated plan shape into pieces of at least the given size", () => {
    const sections = Array.from(
      { length: 20 },
      (_, index) =>
        `## ${index + 1}. Abschnitt\n\n${"- [ ] **Aufgabe** – Text `a/b.sh` <!-- nova: id=x -->\n".repeat(30)}`,
    );
    const source = `# Plan\n\nEinleitung.\n\n${sections.join("\n")}`;
    const starts = [...new Set([...parseTopLevelBlocks(source, 4096)].map((b) => b.parent!.from))];
    expect(starts.length).toBeGreaterThan(3);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(4096);
    expect(describeChunked(source, 4096)).toEqual(describeWhole(source));
  });

  it("parses the rest in one piece when the line at a cut is no heading (an open fence)", () => {
    const source = `# Plan\n\n\`\`\`\n\n## nicht getrennt\n\n- [ ] x\n\n## auch nicht\n`;
    expect(countChunks(source, 1)).toBe(1);
    expect(describeChunked(source, 1)).toEqual(describeWhole(source));
    expect([...parseTopLevelBlocks(source, 1)].map((block) => block.name)).toEqual([
      "ATXHeading1",
      "FencedCode",
    ]);
  });
});
