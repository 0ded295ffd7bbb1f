import { describe, expect, it } from "@jest/globals";
import { parseClosingReferences } from "../../src/board/closing-references.js";

describe("parseClosingReferences", () => {
  it("finds GitHub's closing keywords for this repository's issues", () => {
    const body = [
      "Closes #12, fixes: #13",
      "Resolved acme/dgx#14 and resolves ACME/DGX#14 again",
      "fix https://github.com/acme/dgx/issues/15",
      "Closes other/repo#16, mentions #17, Closes#18",
      "`prefix` closes #19x and foo/closes #20",
    ].join("\n");
    expect(parseClosingReferences(body, "acme/dgx")).toEqual([12, 13, 14, 15]);
  });

  it("has nothing to say about an empty body", () => {
    expect(parseClosingReferences(null, "acme/dgx")).toEqual([]);
    expect(parseClosingReferences("", "acme/dgx")).toEqual([]);
  });
});
