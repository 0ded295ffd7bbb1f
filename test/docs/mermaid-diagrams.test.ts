import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { useMermaid } from "../reports/mermaid-check.js";

/** Every ```mermaid block in the docs, so a diagram that GitHub would not render fails here. */
const DOCS = new URL("../../docs/", import.meta.url);
const blocks = readdirSync(fileURLToPath(DOCS), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".md"))
  .flatMap((file) =>
    [...readFileSync(new URL(file, DOCS), "utf8").matchAll(/```mermaid\n([\s\S]*?)```/g)].map(
      (match, index) => ({ name: `${file} #${index + 1}`, text: match[1]! }),
    ),
  );

const mermaid = useMermaid();

describe("Mermaid diagrams in docs/", () => {
  it("finds the architecture and bridge diagrams", () => {
    expect(blocks.map((block) => block.name)).toEqual(
      expect.arrayContaining(["architecture.md #1", "automation-bridge.md #1"]),
    );
  });

  it.each(blocks.map((block) => [block.name, block.text]))("%s parses", async (_name, text) => {
    await expect(mermaid.parse(text)).resolves.toBeUndefined();
  });
});
