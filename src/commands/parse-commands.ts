import type { Tree } from "@lezer/common";
import { measureLineNesting, PLAN_LIMITS } from "../checklist/plan-limits.js";
import { parseInlineNodes, type InlineNode } from "../markdown/inline.js";
import { buildLineIndex, type LineIndex } from "../markdown/line-index.js";
import { parseBlocks } from "../markdown/parse-blocks.js";
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

/** `/nova` as a whole word at the start of the (masked) line, then the rest. */
const COMMAND_LINE = /^[ \t]*\/nova(?:[ \t]+(.*))?$/i;

/** Blocks whose content is not the writer speaking to Nova: quotes, code, raw HTML (comments). */
const SKIPPED_BLOCKS = new Set([
  "Blockquote",
  "FencedCode",
  "CodeBlock",
  "HTMLBlock",
  "CommentBlock",
  "ProcessingInstructionBlock",
  "LinkReference",
]);

/** Inline parts that are blanked out before looking for command lines. */
const MASKED_INLINES = new Set(["InlineCode", "HTMLTag", "Comment", "ProcessingInstruction"]);

/**
 * Finds the `/nova <name> [args]` lines of a comment. A line counts when `/nova` is the first
 * thing on it and it is part of a paragraph or heading that the writer wrote as text: lines inside
 * fenced or indented code, block quotes (lazy continuation lines included, since GitHub renders
 * them quoted) and HTML comments or other raw HTML are ignored, and so is a `/nova` inside an
 * inline code span or an inline HTML comment that spans lines. A list item's first line starts
 * with its marker, so `- /nova help` is not a command. The Markdown is parsed with the checklist's
 * parser (`@lezer/markdown`, CommonMark as GitHub's cmark-gfm parses it) rather than guessed with
 * regular expressions. A comment nested deeper than the checklist's depth limit, or a paragraph
 * with more inline markup than `MAX_INLINE_MARKUP`, yields no commands (linear time on any
 * input). Pure; never throws.
 */
export function parseComment(body: string): ParsedComment {
  const source = body.replace(/\r\n?/g, "\n");
  const found: Array<{ line: number; rest: string }> = [];
  if (measureLineNesting(source).depth <= PLAN_LIMITS.depth)
    collectLines(parseBlocks(source), source, found);
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
  tree: Tree,
  source: string,
  found: Array<{ line: number; rest: string }>,
): void {
  const lines = buildLineIndex(source);
  // An iterative walk: a deeply nested comment cannot overflow the stack.
  tree.iterate({
    enter(node) {
      if (SKIPPED_BLOCKS.has(node.name)) return false;
      if (node.name === "Paragraph" || /^(ATX|Setext)Heading\d$/.test(node.name)) {
        scanBlock(node.from, node.to, source, lines, found);
        return false;
      }
      return true;
    },
  });
}

/** Looks for command lines in one paragraph or heading, with code spans and HTML blanked out. */
function scanBlock(
  start: number,
  end: number,
  source: string,
  lines: LineIndex,
  found: Array<{ line: number; rest: string }>,
): void {
  const firstLine = lines.toPoint(start).line;
  const nodes = parseInlineNodes(source, start, end);
  // Too much markup to parse inline in linear time: not a comment to take commands from.
  if (!nodes) return;
  // Offsets are UTF-16 code units; blank by code unit so astral characters keep their place.
  const units = source.slice(start, end).split("");
  for (const [from, to] of listMaskedRanges(nodes)) {
    for (let offset = Math.max(from, start); offset < Math.min(to, end); offset++) {
      if (units[offset - start] !== "\n") units[offset - start] = " ";
    }
  }
  // The block's first line may begin after a container's marker (`- `, `1. `): only blanks may
  // stand between the start of the source line and the block for `/nova` to start the line.
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const lead = source.slice(lineStart, start);
  const blockLines = units.join("").split("\n");
  blockLines.forEach((text, index) => {
    if (index === 0 && !/^[ \t]*$/.test(lead)) return;
    const match = COMMAND_LINE.exec(text.replace(/[ \t]+$/, ""));
    if (match) found.push({ line: firstLine + index, rest: match[1] ?? "" });
  });
}

/** Source ranges of the inline parts to blank: code spans and raw HTML (comments included). */
function listMaskedRanges(nodes: InlineNode[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (current: InlineNode[]) => {
    for (const node of current) {
      if (MASKED_INLINES.has(node.name)) ranges.push([node.from, node.to]);
      else visit(node.children);
    }
  };
  visit(nodes);
  return ranges;
}
