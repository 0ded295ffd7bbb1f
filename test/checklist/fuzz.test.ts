import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { lintPlan } from "../../src/checklist/lint.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";

/** Markdown fragments that exercise every path of the parser, in any order and mix. */
const fragment = fc.oneof(
  fc.constantFrom(
    "# Titel\n",
    "## 1. Abschnitt\n",
    "## Ohne Nummer\n",
    "### Unter\n",
    "- [ ] ",
    "- [x] ",
    "  - [ ] ",
    "* [X] ",
    "1. [ ] ",
    "- ",
    "**fett** – ",
    "**",
    " - ",
    " — ",
    "`scripts/`",
    "`",
    "<!-- nova: id=a; after=b, c; estimate=2d -->",
    "<!-- nova: id=b; after=a -->",
    "<!-- nova: ;;=;x -->",
    "<!-- nova:",
    "-->",
    "> ",
    "```\n",
    "\n",
    "\r\n",
    "\t",
    "NÃ¤chste â€“ ğŸ’¡",
    "&amp; \\* ",
    "[link](x)",
    "| a | b |\n|---|---|\n",
  ),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

describe("parser and lint under fuzzed Markdown", () => {
  it("never throw, and every task points into the source", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const source = parts.join("");
        const plan = parsePlan(source);
        lintPlan(plan, { file: "plan.md", lang: "de" });
        for (const task of plan.tasks) {
          expect(task.checkboxOffset).toBeGreaterThanOrEqual(0);
          expect(task.checkboxOffset).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throw on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (source) => {
        lintPlan(parsePlan(source), { file: "plan.md", lang: "en" });
      }),
      { numRuns: 300 },
    );
  });
});
