import { describe, expect, it } from "@jest/globals";
import { renderBar } from "../../src/render/render-bar.js";

describe("renderBar", () => {
  it("draws done and open cells", () => {
    expect(renderBar(0)).toBe("░".repeat(20));
    expect(renderBar(50)).toBe("█".repeat(10) + "░".repeat(10));
    expect(renderBar(100)).toBe("█".repeat(20));
    expect(renderBar(99)).toBe("█".repeat(19) + "░");
    expect(renderBar(33, 10)).toBe("███░░░░░░░");
  });

  it("clamps nonsense input", () => {
    expect(renderBar(150)).toBe("█".repeat(20));
    expect(renderBar(-5)).toBe("░".repeat(20));
    expect(renderBar(Number.NaN)).toBe("░".repeat(20));
    expect(() => renderBar(50, 0)).toThrow(RangeError);
  });
});
