import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import {
  escapeHtmlText,
  escapeMarkdown,
  ZERO_WIDTH_JOINER,
} from "../../src/render/escape-markdown.js";

const parser = unified().use(remarkParse).use(remarkGfm);

/** The node types GitHub-flavoured Markdown makes of `markdown`, and its plain text. */
function readMarkdown(markdown: string): { types: string[]; text: string } {
  const tree = parser.parse(markdown);
  const types: string[] = [];
  let text = "";
  const walk = (node: Root | RootContent) => {
    types.push(node.type);
    if (node.type === "text") text += node.value;
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { types: [...new Set(types)], text };
}

/** GitHub pings `@login` and links `#123` in the text it renders (after Markdown parsing). */
const MENTION = /(?:^|[^\w`])@[a-z0-9]/i;
const ISSUE_REF = /#\d/;

function expectInert(input: string, shownAs = input) {
  const escaped = escapeMarkdown(input);
  const { types, text } = readMarkdown(escaped);
  expect(types).toEqual(["root", "paragraph", "text"]);
  expect(text.replaceAll(ZERO_WIDTH_JOINER, "")).toBe(shownAs);
  expect(text).not.toMatch(MENTION);
  expect(text).not.toMatch(ISSUE_REF);
}

describe("escapeMarkdown", () => {
  it("does not ping an @mention", () => {
    expectInert("Frag @alice und @org/team");
    expect(escapeMarkdown("@alice")).toBe(`@${ZERO_WIDTH_JOINER}alice`);
  });

  it("does not link issue references", () => {
    expectInert("Siehe #12 und nova/app#7");
    expectInert("GH-42 ist erledigt");
    expect(escapeMarkdown("gh-42")).toBe(`gh${ZERO_WIDTH_JOINER}-42`);
  });

  it("shows HTML as text", () => {
    expectInert("<script>alert(1)</script>");
    expectInert("a &amp; b < c &#35;1 &#x40;x");
    expect(escapeMarkdown("<b>")).toBe("&lt;b>");
    expect(escapeMarkdown("Setup & Betrieb: A -> B")).toBe("Setup & Betrieb: A -> B");
  });

  it("shows emphasis, code, links and images literally", () => {
    expectInert("*bold* _em_ **strong** ~~gone~~");
    expectInert("[link](x) ![bild](y.png) `code`");
    expectInert("$x^2$ und | Tabelle |");
    expectInert("C:\\Pfad\\*");
  });

  it("does not start a block", () => {
    expectInert("# Überschrift");
    expectInert("- Punkt");
    expectInert("+ Punkt");
    expectInert("1. Schritt");
    expectInert("2) Schritt");
    expectInert("> Zitat");
    expectInert("```js");
    // A list item's text can hold a block too: "- 1. x" would nest an ordered list.
    const { types } = readMarkdown(`- ${escapeMarkdown("1. Schritt")}`);
    expect(types).toEqual(["root", "list", "listItem", "paragraph", "text"]);
  });

  it("collapses newlines so a title cannot end a table row", () => {
    expect(escapeMarkdown("Zeile 1\r\n\r\n  Zeile 2\u2028Zeile 3 ")).toBe(
      "Zeile 1 Zeile 2 Zeile 3",
    );
    const row = `| ${escapeMarkdown("a | b\n| c")} |`;
    const table = readMarkdown(`| Titel |\n| --- |\n${row}\n`);
    expect(table.text).toBe("Titela | b | c");
  });

  it("removes bidirectional overrides and control characters", () => {
    // An RTL override would show "gnp.exe" as "exe.png" (Trojan Source, CVE-2021-42574).
    expect(escapeMarkdown("bild\u202Egnp.exe")).toBe("bildgnp.exe");
    expect(escapeMarkdown("a\u200Fb\u2066c\u2069d\u061Ce\u0000f\u001Bg")).toBe("abcdefg");
    // Removed before the other rules, so a control cannot hide an entity or a mention.
    expect(escapeMarkdown("&\u0000#64;x @\u202Ealice")).toBe(
      `\\&#${ZERO_WIDTH_JOINER}64;x @${ZERO_WIDTH_JOINER}alice`,
    );
  });

  it("shows forged Nova markers and fences as text", () => {
    expectInert("<!-- nova:task id=x -->");
    expectInert("</details>");
    expectInert("```");
    expectInert("~~~");
    expectInert("&#64;x");
    // cmark-gfm links an e-mail address whose domain starts with a dot (found by the property below).
    expectInert("a@.a");
  });

  it("keeps ordinary German text readable", () => {
    expect(escapeMarkdown("Größe prüfen (DGX Spark), 2. Runde")).toBe(
      "Größe prüfen (DGX Spark), 2. Runde",
    );
    expect(escapeMarkdown(null)).toBe("");
    expect(escapeMarkdown(42)).toBe("42");
  });

  it("renders any text as itself, without markup, mentions or references", () => {
    const unit = fc.constantFrom(..."abcXYZ019 äöüß@#*_`~[]()<>&\\|$!-+=.:/\n\t>{}'\"".split(""));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (input) => {
        const shownAs = input.replace(/\s+/g, " ").trim();
        const escaped = escapeMarkdown(input);
        const { types, text } = readMarkdown(escaped);
        if (shownAs === "") {
          expect(types).toEqual(["root"]);
          return;
        }
        expect(types).toEqual(["root", "paragraph", "text"]);
        expect(text.replaceAll(ZERO_WIDTH_JOINER, "")).toBe(shownAs);
        expect(text).not.toMatch(MENTION);
        expect(text).not.toMatch(ISSUE_REF);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeHtmlText", () => {
  it("writes entities, not backslashes, for raw HTML such as a <summary> line", () => {
    expect(escapeHtmlText('Setup & <b>Betrieb</b> "x"')).toBe(
      "Setup &amp; &lt;b&gt;Betrieb&lt;/b&gt; &quot;x&quot;",
    );
    expect(escapeHtmlText("a_b *c*")).toBe("a_b *c*");
  });

  it("keeps mentions and issue references from pinging or linking", () => {
    expect(escapeHtmlText("@alice #12 GH-3")).toBe(
      `@${ZERO_WIDTH_JOINER}alice #${ZERO_WIDTH_JOINER}12 GH${ZERO_WIDTH_JOINER}-3`,
    );
  });

  it("collapses whitespace and drops invisible controls", () => {
    expect(escapeHtmlText(" a\n\u202Eb ")).toBe("a b");
    expect(escapeHtmlText(null)).toBe("");
  });
});
