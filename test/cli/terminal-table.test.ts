import { describe, expect, it } from "@jest/globals";
import { createStyle, decideColours } from "../../src/render/ansi-style.js";
import { renderTable } from "../../src/cli/terminal/render-table.js";
import { measureWidth, truncateText } from "../../src/cli/terminal/text-width.js";

const plain = createStyle(false);

describe("measureWidth", () => {
  it("counts umlauts as one column, combining marks and colour codes as none, CJK and emoji as two", () => {
    expect(measureWidth("Brücke")).toBe(6);
    expect(measureWidth("Bru\u0308cke")).toBe(6);
    expect(measureWidth("\u001b[1mfett\u001b[22m")).toBe(4);
    expect(measureWidth("日本")).toBe(4);
    expect(measureWidth("🚀 ok")).toBe(5);
  });
});

describe("truncateText", () => {
  it("cuts to the width with an ellipsis and leaves short text alone", () => {
    expect(truncateText("Container-Orchestrierung", 10)).toBe("Container…");
    expect(measureWidth(truncateText("日本語のテキスト", 7))).toBeLessThanOrEqual(7);
    expect(truncateText("kurz", 10)).toBe("kurz");
  });
});

describe("renderTable", () => {
  const columns = [
    { header: "Nr", align: "right" as const },
    { header: "Titel", flexible: true },
    { header: "Rolle", flexible: true },
  ];
  const rows = [
    ["1", "Ein sehr langer Titel, der nicht passt", "Infrastruktur"],
    ["12", "Kurz", "KI-Stack & Modellbereitstellung"],
  ];

  it("aligns columns two spaces apart under a rule, numbers right-aligned", () => {
    const lines = renderTable(columns, rows, plain);
    expect(lines[0]).toBe(`Nr  Titel${" ".repeat(33)}  Rolle`);
    expect(lines[1]).toMatch(/^─{2} {2}─{38} {2}─{31}$/);
    expect(lines[2]).toBe(" 1  Ein sehr langer Titel, der nicht passt  Infrastruktur");
    expect(lines[3]!.startsWith("12  Kurz")).toBe(true);
  });

  it("shrinks the widest flexible column first to fit the width", () => {
    const lines = renderTable(columns, rows, plain, 60);
    for (const line of lines) expect(measureWidth(line)).toBeLessThanOrEqual(60);
    // 2 + 38 + 31 + gaps = 75 must lose 15: the title gives 7 until both are 31 wide, then
    // both give 4, ending at 27 each.
    expect(lines[2]).toBe(" 1  Ein sehr langer Titel, der…  Infrastruktur");
    expect(lines[3]).toBe(`12  Kurz${" ".repeat(23)}  KI-Stack & Modellbereitste…`);
  });

  it("prints span rows as they are, outside the columns", () => {
    const lines = renderTable(columns, [{ span: "Abschnitt 1" }, ...rows], plain);
    expect(lines[2]).toBe("Abschnitt 1");
  });
});

describe("decideColours", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, true, true],
  ])("env %j, terminal %s → %s", (env, isTTY, expected) => {
    expect(decideColours(env, isTTY)).toBe(expected);
  });
});
