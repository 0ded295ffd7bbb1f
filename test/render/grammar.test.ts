import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { renderNote } from "../../src/commands/render-command-replies.js";

const TEMPLATES = new URL("../../templates/", import.meta.url);

describe("singular and plural in bot messages", () => {
  it("no template writes a plural in parentheses such as error(s) or Warnung(en)", () => {
    for (const lang of ["de", "en"]) {
      for (const name of readdirSync(new URL(`${lang}/`, TEMPLATES))) {
        const text = readFileSync(new URL(`${lang}/${name}`, TEMPLATES), "utf8");
        expect({
          file: `${lang}/${name}`,
          hits: text.match(/\p{L}\((?:s|e|en|n)\)/gu) ?? [],
        }).toEqual({
          file: `${lang}/${name}`,
          hits: [],
        });
      }
    }
  });

  it("the note about skipped commands agrees with its number", () => {
    expect(renderNote({ truncated: false, overLimit: 1 }, "de")).toContain(
      "1 weiterer Befehl wurde übergangen.",
    );
    expect(renderNote({ truncated: false, overLimit: 2 }, "de")).toContain(
      "2 weitere Befehle wurden übergangen.",
    );
    expect(renderNote({ truncated: false, overLimit: 1 }, "en")).toContain("1 more was skipped.");
    expect(renderNote({ truncated: false, overLimit: 3 }, "en")).toContain("3 more were skipped.");
  });
});
