import { existsSync, readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { GFM, parser as commonmark } from "@lezer/markdown";

/**
 * Every relative link in the README and the docs points at a file or folder that exists in the
 * repository: a link that 404s on GitHub is what a first reader clicks. Links are found with the
 * Markdown parser Nova uses (so links inside code are not links), plus `src`/`href` in raw HTML
 * such as the README's `<img>` tags. Anchors (`#…`) are not checked.
 */
const ROOT = new URL("../../", import.meta.url);
const markdown = commonmark.configure(GFM);

/** The link targets written in `text`, in order. */
export function findLinkTargets(text: string): string[] {
  const targets: string[] = [];
  markdown.parse(text).iterate({
    enter(node) {
      if (node.name === "URL" && node.node.parent?.name !== "Autolink") {
        targets.push(text.slice(node.from, node.to).replace(/^<|>$/g, ""));
      } else if (node.name === "HTMLBlock" || node.name === "HTMLTag") {
        const html = text.slice(node.from, node.to);
        for (const match of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)) {
          targets.push(match[1]!);
        }
      }
    },
  });
  return targets;
}

/** A target inside the repository: not a URL with a scheme, not only an anchor. */
function isRelative(target: string): boolean {
  return target !== "" && !target.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** The relative targets in `file` (a path from the repository root) that name nothing there. */
export function findBrokenLinks(file: string, text: string, exists: (path: string) => boolean) {
  return findLinkTargets(text)
    .filter(isRelative)
    .filter((target) => {
      const path = decodeURIComponent(target.replace(/[#?].*$/, ""));
      const resolved = path.startsWith("/")
        ? posix.normalize(path.slice(1))
        : posix.join(posix.dirname(file), path);
      return resolved.startsWith("..") || !exists(resolved);
    })
    .map((target) => `${file}: ${target}`);
}

const inRepository = (path: string) => existsSync(new URL(path, ROOT));

function listMarkdown(folder: string): string[] {
  return readdirSync(fileURLToPath(new URL(folder, ROOT)), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && !/(?:^|\/)node_modules\//.test(name))
    .map((name) => `${folder}/${name}`);
}

const FILES = [
  "README.md",
  ...listMarkdown("docs"),
  ...["packages/protocol/README.md", "packages/runner/README.md"].filter(inRepository),
];

describe("relative links in the README and docs/", () => {
  it("finds links in Markdown and in HTML, not in code", () => {
    const text = [
      "See [the CLI](docs/cli.md#exit-codes) and [ref][r], <https://example.com>.",
      "",
      '<img src="docs/images/board.png" alt="">',
      "",
      "`[not](a-link.md)`",
      "",
      "```md",
      "[also not](code.md)",
      "```",
      "",
      "[r]: <docs/sync.md>",
    ].join("\n");
    expect(findLinkTargets(text)).toEqual([
      "docs/cli.md#exit-codes",
      "docs/images/board.png",
      "docs/sync.md",
    ]);
  });

  it("reports a link to a missing file, relative to the linking file", () => {
    const text =
      "[ok](cli.md) [gone](no-such-file.md) [up](../README.md) [web](https://x.test/a.md)";
    expect(findBrokenLinks("docs/index.md", text, inRepository)).toEqual([
      "docs/index.md: no-such-file.md",
    ]);
    expect(findBrokenLinks("docs/index.md", "[out](../../etc/passwd)", inRepository)).toEqual([
      "docs/index.md: ../../etc/passwd",
    ]);
  });

  it("checks the README, every page under docs/ and the packages' READMEs", () => {
    expect(FILES).toEqual(expect.arrayContaining(["README.md", "docs/cli.md", "docs/sync.md"]));
    expect(FILES.length).toBeGreaterThan(15);
    const readme = readFileSync(new URL("README.md", ROOT), "utf8");
    expect(findLinkTargets(readme).filter(isRelative).length).toBeGreaterThan(10);
  });

  it.each(FILES)("%s has no broken relative link", (file) => {
    const text = readFileSync(new URL(file, ROOT), "utf8");
    expect(findBrokenLinks(file, text, inRepository)).toEqual([]);
  });
});
