import { describe, expect, it } from "@jest/globals";
import { parseTaskMeta, splitMetaComment } from "../../src/checklist/parse-task-meta.js";

/**
 * `splitMetaComment` reads parts by offsets; entries, offsets (what write-back edits replace),
 * malformed parts and the parsed metadata are pinned here, including blanks of every kind, an
 * upper-case prefix and keys, empty values and parts without a key.
 */
describe("splitMetaComment and parseTaskMeta", () => {
  it("splits a plan's comment, with each value's offsets", () => {
    const raw = "<!-- nova: id=t1; after=t0, t2; role=Rolle 1; estimate=2d -->";
    const split = splitMetaComment(raw);
    expect(split).toEqual({
      entries: [
        { key: "id", value: "t1", valueStart: 14, valueEnd: 16 },
        { key: "after", value: "t0, t2", valueStart: 24, valueEnd: 30 },
        { key: "role", value: "Rolle 1", valueStart: 37, valueEnd: 44 },
        { key: "estimate", value: "2d", valueStart: 55, valueEnd: 57 },
      ],
      malformed: [],
      bodyStart: 11,
    });
    for (const entry of split.entries)
      expect(raw.slice(entry.valueStart, entry.valueEnd)).toBe(entry.value);
    expect(parseTaskMeta(split)).toEqual({
      meta: { after: ["t0", "t2"], id: "t1", role: "Rolle 1", estimateDays: 2 },
      problems: [],
    });
  });

  it("reads upper case, empty values (at the part's end), parts without a key and blanks", () => {
    const split = splitMetaComment(
      "<!--NOVA:ID=a;;  AFTER = b ; =x; bad ; role=   ;due=2026-02-30-->",
    );
    expect(split).toEqual({
      entries: [
        { key: "id", value: "a", valueStart: 12, valueEnd: 13 },
        { key: "after", value: "b", valueStart: 25, valueEnd: 26 },
        { key: "role", value: "", valueStart: 47, valueEnd: 47 },
        { key: "due", value: "2026-02-30", valueStart: 52, valueEnd: 62 },
      ],
      malformed: ["=x", "bad"],
      bodyStart: 9,
    });
    expect(parseTaskMeta(split)).toEqual({
      meta: { after: ["b"], id: "a" },
      problems: [
        { kind: "malformed", key: "=x", rule: "syntax" },
        { kind: "malformed", key: "bad", rule: "syntax" },
        { kind: "malformed", key: "role", value: "", rule: "empty" },
        { kind: "malformed", key: "due", value: "2026-02-30", rule: "due" },
      ],
    });
    const blanks = splitMetaComment("<!-- nova:\tid=x; owner=@me ;\u00a0unknown = 1\u00a0-->");
    expect(blanks.entries).toEqual([
      { key: "id", value: "x", valueStart: 14, valueEnd: 15 },
      { key: "owner", value: "@me", valueStart: 23, valueEnd: 26 },
      { key: "unknown", value: "1", valueStart: 39, valueEnd: 40 },
    ]);
    expect(parseTaskMeta(blanks).meta).toEqual({ after: [], id: "x", owner: "me" });
  });
});
