import type { Nodes } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseInvocation, type ParsedInvocation } from "./parse-arguments.js";

/** GitHub's limit for comments; acting on more than a few commands per comment is spam. */
export const MAX_COMMANDS_PER_COMMENT = 3;

/** A command line found in a comment. */
export interface FoundCommand {
  /** 1-based line in the comment. */
  line: number;
  /** What follows `/nova` on that line. */
  rest: string;
  invocation: ParsedInvocation;
}

export interface ParsedComment {
  /** The commands to act on, in order: at most `MAX_COMMANDS_PER_COMMENT`, duplicates dropped. */
  commands: FoundCommand[];
  /** Further command lines that were not acted on because of the cap. */
  overLimit: number;
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** `/nova` as a whole word at the start of the (masked) line, then the rest. */
const COMMAND_LINE = /^[ \t]*\/nova(?:[ \t]+(.*))?$/i;

/** Blocks whose content is not the writer speaking to Nova: quotes, code, raw HTML (comments). */
const SKIPPED_BLOCKS = new Set(["blockquote", "code", "html", "math", "yaml", "toml"]);

/** Inline parts that are blanked out before looking for command lines. */
const MASKED_INLINES = new Set(["html", "inlineCode", "inlineMath"]);

/**
 * Finds the `/nova <name> [args]` lines of a comment. A line counts when `/nova` is the first
 * thing on it and it is part of a paragraph or heading that the writer wrote as text: lines inside
 * fenced or indented code, block quotes (lazy continuation lines included, since GitHub renders
 * them quoted) and HTML comments or other raw HTML are ignored, and so is a `/nova` inside an
 * inline code span or an inline HTML comment that spans lines. A list item's first line starts
 * with its marker, so `- /nova help` is not a command. The Markdown is parsed with remark (GFM),
 * like GitHub parses it, rather than guessed with regular expressions. Pure; never throws.
 */
export function parseComment(body: string): ParsedComment {
  const source = body.replace(/\r\n?/g, "\n");
  const tree = processor.parse(source);
  const found: Array<{ line: number; rest: string }> = [];
  collectLines(tree, source, found);
  found.sort((a, b) => a.line - b.line);

  const commands: FoundCommand[] = [];
  const keys = new Set<string>();
  let overLimit = 0;
  for (const { line, rest } of found) {
    const invocation = parseInvocation(rest);
    const key = readInvocationKey(invocation, rest);
    if (keys.has(key)) continue;
    keys.add(key);
    if (commands.length >= MAX_COMMANDS_PER_COMMENT) {
      overLimit++;
      continue;
    }
    commands.push({ line, rest, invocation });
  }
  return { commands, overLimit };
}

/** Same command with the same flags = the same request; other lines are compared as written. */
function readInvocationKey(invocation: ParsedInvocation, rest: string): string {
  if (invocation.kind !== "command") return `raw:${rest.trim()}`;
  const flags = Object.entries(invocation.flags).sort(([a], [b]) => a.localeCompare(b));
  return `command:${invocation.command.name}:${JSON.stringify(flags)}`;
}

function collectLines(
  node: Nodes,
  source: string,
  found: Array<{ line: number; rest: string }>,
): void {
  if (SKIPPED_BLOCKS.has(node.type)) return;
  if (node.type === "paragraph" || node.type === "heading") {
    scanBlock(node, source, found);
    return;
  }
  if ("children" in node) for (const child of node.children) collectLines(child, source, found);
}

/** Looks for command lines in one paragraph or heading, with code spans and HTML blanked out. */
function scanBlock(
  node: Nodes,
  source: string,
  found: Array<{ line: number; rest: string }>,
): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const firstLine = node.position?.start.line;
  if (start === undefined || end === undefined || firstLine === undefined) return;
  // Offsets are UTF-16 code units; blank by code unit so astral characters keep their place.
  const units = source.slice(start, end).split("");
  for (const [from, to] of listMaskedRanges(node)) {
    for (let offset = Math.max(from, start); offset < Math.min(to, end); offset++) {
      if (units[offset - start] !== "\n") units[offset - start] = " ";
    }
  }
  // The block's first line may begin after a container's marker (`- `, `1. `): only blanks may
  // stand between the start of the source line and the block for `/nova` to start the line.
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const lead = source.slice(lineStart, start);
  const lines = units.join("").split("\n");
  lines.forEach((text, index) => {
    if (index === 0 && !/^[ \t]*$/.test(lead)) return;
    const match = COMMAND_LINE.exec(text.replace(/[ \t]+$/, ""));
    if (match) found.push({ line: firstLine + index, rest: match[1] ?? "" });
  });
}

/** Source ranges of the inline parts to blank: code spans and raw HTML (comments included). */
function listMaskedRanges(node: Nodes): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (current: Nodes) => {
    if (MASKED_INLINES.has(current.type)) {
      const from = current.position?.start.offset;
      const to = current.position?.end.offset;
      if (from !== undefined && to !== undefined) ranges.push([from, to]);
      return;
    }
    if ("children" in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return ranges;
}
