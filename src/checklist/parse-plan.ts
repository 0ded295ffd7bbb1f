import type { SyntaxNode } from "@lezer/common";
import { findTaskBox } from "../markdown/find-task-box.js";
import {
  parseInlineNodes,
  extractCodeText,
  extractPlainText,
  decodeEntity,
  normalizeLabel,
  type InlineNode,
} from "../markdown/inline.js";
import { buildLineIndex, type LineIndex } from "../markdown/line-index.js";
import { parseBlocks, parseTopLevelBlocks } from "../markdown/parse-blocks.js";
import { isMetaComment, parseTaskMeta, splitMetaComment } from "./parse-task-meta.js";
import { measureLineNesting, PLAN_LIMITS, type PlanLimit } from "./plan-limits.js";
import { detectMojibake, repairText } from "./repair-text.js";
import { slugify } from "./slugify.js";
import type {
  MetaComment,
  Note,
  ParseIssue,
  Plan,
  Reference,
  Section,
  SectionRef,
  SourcePoint,
  SourceSpan,
  Task,
} from "./types.js";

/** Separators between a task's title and its description, tried in this order. */
const SEPARATORS = [" – ", " — ", " - "] as const;

/**
 * Parses a checklist plan with `@lezer/markdown` (CommonMark blocks) and GitHub's task rule
 * (`findTaskBox`, as cmark-gfm applies it), building the plan straight from lezer's tree. Never
 * throws on any string input: structural problems, limits included, are recorded in
 * `plan.issues` and reported by `lintPlan`. Time and memory are linear in the input (see
 * `PLAN_LIMITS`). Text fields are repaired from mojibake; positions refer to the original source.
 */
export function parsePlan(source: string): Plan {
  const lines = buildLineIndex(source);
  const finding = detectMojibake(source);
  const repair = finding
    ? (text: string) => repairText(text, { codePages: finding.codePages })
    : (text: string) => text;
  const state: ParseState = {
    source,
    lines,
    repair,
    sections: [],
    tasks: [],
    notes: [],
    issues: [],
    title: null,
    introStart: -1,
    introEnd: -1,
    taskCount: 0,
    limited: new Set(),
    definitions: new Set(),
  };
  const result = (): Plan => ({
    title: state.title,
    intro:
      state.introStart >= 0 && state.introEnd > state.introStart
        ? repair(source.slice(state.introStart, state.introEnd).trim())
        : "",
    sections: state.sections,
    tasks: state.tasks,
    notes: state.notes,
    issues: state.issues,
    source,
    eol: detectEol(source),
  });
  // Bounds checked before parsing: the parser's time would grow with them.
  if (source.length > PLAN_LIMITS.chars) {
    reportLimit(state, "chars", source.length, 0);
    return result();
  }
  const nesting = measureLineNesting(source);
  if (nesting.depth > PLAN_LIMITS.depth) {
    reportLimit(state, "depth", nesting.depth, nesting.offset);
    return result();
  }
  // Definitions (`[label]: url`) decide whether `[label]` is a link, also above them, so a plan
  // with definitions is parsed whole and they are read first; most plans have none and are
  // parsed in chunks (see `parseTopLevelBlocks`).
  if (source.includes("]:")) {
    const tree = parseBlocks(source);
    tree.iterate({
      enter(node) {
        if (node.name !== "LinkReference") return true;
        const label = node.node.getChild("LinkLabel");
        if (label)
          state.definitions.add(normalizeLabel(source.slice(label.from + 1, label.to - 1)));
        return false;
      },
    });
    for (let node = tree.topNode.firstChild; node; node = node.nextSibling) visitBlock(state, node);
  } else {
    for (const node of parseTopLevelBlocks(source, CHUNK_CHARS)) visitBlock(state, node);
  }
  return result();
}

/**
 * Characters per chunk of the block parse: small enough that a chunk's syntax tree dies young
 * (about 100 tasks), large enough that the per-parse cost does not show.
 */
const CHUNK_CHARS = 16_384;

interface ParseState {
  source: string;
  lines: LineIndex;
  /** Repairs a text field with the code pages found for the whole file. */
  repair: (text: string) => string;
  sections: Section[];
  tasks: Task[];
  notes: Note[];
  issues: ParseIssue[];
  title: string | null;
  /** Offsets of the intro: from the end of the H1 to the start of the first section. */
  introStart: number;
  introEnd: number;
  /** Tasks and subtasks read so far, for the task limit. */
  taskCount: number;
  /** Limits already reported (each once). */
  limited: Set<PlanLimit>;
  /** Normalized labels of the link reference definitions (`[label]: url`). */
  definitions: Set<string>;
}

function reportLimit(state: ParseState, limit: PlanLimit, found: number, offset: number): void {
  if (state.limited.has(limit)) return;
  state.limited.add(limit);
  state.issues.push({
    code: "plan-limit",
    point: state.lines.toPoint(offset),
    limit,
    found,
  });
}

function visitBlock(state: ParseState, node: SyntaxNode): void {
  const inSection = state.sections.length > 0;
  const level = headingLevel(node);
  if (level > 0) {
    visitHeading(state, node, level);
    return;
  }
  if (!inSection && state.introStart >= 0) state.introEnd = node.to;
  if (node.name === "BulletList" || node.name === "OrderedList") visitList(state, node, 1);
  else if (node.name === "Blockquote") visitNote(state, node);
}

function headingLevel(node: SyntaxNode): number {
  const atx = /^ATXHeading([1-6])$/.exec(node.name);
  if (atx) return Number(atx[1]);
  if (node.name === "SetextHeading1") return 1;
  if (node.name === "SetextHeading2") return 2;
  return 0;
}

/** The source range of a heading's text: without `#` marks or the setext underline. */
function headingContent(node: SyntaxNode): { from: number; to: number } {
  const marks = node.getChildren("HeaderMark");
  if (node.name.startsWith("Setext")) return { from: node.from, to: marks[0]?.from ?? node.to };
  const open = marks[0];
  const close = marks.length > 1 ? marks[marks.length - 1] : undefined;
  return { from: open ? open.to : node.from, to: close ? close.from : node.to };
}

function visitHeading(state: ParseState, node: SyntaxNode, level: number): void {
  if (level !== 1 && level !== 2) return; // deeper headings group tasks inside their section
  const { from, to } = headingContent(node);
  const text = state.repair(readLeafText(state, from, to).trim());
  if (level === 1) {
    if (state.title !== null || state.sections.length > 0) return;
    state.title = text;
    state.introStart = node.to;
    return;
  }
  // "1. Infrastruktur- & Setup-Automatisierung" → number 1; "Offene Fragen" → unnumbered.
  const numbered = /^(\d+)[.)]\s+(.+)$/.exec(text);
  const title = numbered?.[2]?.trim() ?? text;
  state.sections.push({
    number: numbered?.[1] ? Number(numbered[1]) : null,
    title,
    slug: slugify(title) || `section-${state.sections.length + 1}`,
    heading: text,
    line: state.lines.toPoint(node.from).line,
    tasks: [],
  });
}

/** Plain text of a leaf read with the inline bound; over it, the raw text and a lint error. */
function readLeafText(state: ParseState, from: number, to: number): string {
  const nodes = parseInlineNodes(state.source, from, to);
  if (nodes) return extractPlainText(state.source, nodes, from, to, state.definitions);
  reportLimit(state, "markup", countMarkup(state.source, from, to), from);
  return state.source.slice(from, to);
}

function countMarkup(source: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) if ("*_~[]`<".includes(source.charAt(at))) count++;
  return count;
}

function visitList(state: ParseState, list: SyntaxNode, depth: number): void {
  if (depth > PLAN_LIMITS.depth) {
    reportLimit(state, "depth", depth, list.from);
    return;
  }
  for (let item = list.firstChild; item; item = item.nextSibling) {
    if (item.name !== "ListItem") continue;
    const box = readTaskBox(state, item);
    if (!box) {
      // A plain bullet: tasks nested under it still count as top-level tasks.
      for (const child of listChildLists(item)) visitList(state, child, depth + 1);
      continue;
    }
    if (!countTask(state, item)) return;
    const sectionIndex = state.sections.length - 1;
    const section = state.sections[sectionIndex];
    const task = buildTask(
      state,
      item,
      box,
      section ? toSectionRef(section) : null,
      sectionIndex,
      depth,
    );
    task.position = state.tasks.length;
    state.tasks.push(task);
    section?.tasks.push(task);
    if (!section)
      state.issues.push({ code: "task-outside-section", point: task.span.start, taskId: task.id });
  }
}

/** Counts one more task; false (and a lint error, once) past the task limit. */
function countTask(state: ParseState, item: SyntaxNode): boolean {
  state.taskCount++;
  if (state.taskCount <= PLAN_LIMITS.tasks) return true;
  reportLimit(state, "tasks", state.taskCount, item.from);
  return false;
}

function listChildLists(item: SyntaxNode): SyntaxNode[] {
  const lists: SyntaxNode[] = [];
  for (let child = item.firstChild; child; child = child.nextSibling)
    if (child.name === "BulletList" || child.name === "OrderedList") lists.push(child);
  return lists;
}

interface ItemBox {
  offset: number;
  checked: boolean;
  /** The leaf holding the title (a paragraph, or a setext heading), or null. */
  leaf: SyntaxNode | null;
  /** Where the leaf's text ends (before a setext underline). */
  leafEnd: number;
  /** Offset of the item's list marker. */
  markFrom: number;
}

/** The item's checkbox by GitHub's rule (`findTaskBox`), or null for a plain item. */
function readTaskBox(state: ParseState, item: SyntaxNode): ItemBox | null {
  const mark = item.firstChild;
  if (!mark || mark.name !== "ListMark") return null;
  const first = mark.nextSibling;
  const leaf =
    first && (first.name === "Paragraph" || first.name.startsWith("SetextHeading")) ? first : null;
  const box = findTaskBox(state.source, state.lines, mark.from, mark.to, leaf ? leaf.from : -1);
  if (!box || !leaf) return null;
  const leafEnd = leaf.name === "Paragraph" ? leaf.to : headingContent(leaf).to;
  // Fields listed, not `...box`: object spread was a visible cost at 10,000 tasks.
  return { offset: box.offset, checked: box.checked, leaf, leafEnd, markFrom: mark.from };
}

function visitNote(state: ParseState, node: SyntaxNode): void {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.name !== "QuoteMark") children.push(child);
  if (children.length === 0) return;
  // The quote's content without the `>` markers: each child's source, joined by blank lines.
  const text = children
    .map((child) => stripQuoteMarkers(state.source.slice(child.from, child.to)))
    .join("\n\n");
  state.notes.push({
    text: state.repair(text.trim()),
    line: state.lines.toPoint(node.from).line,
    sectionIndex: state.sections.length - 1,
  });
}

/** A task's first paragraph split into parts: text runs (escapes decoded) and inline nodes. */
type Part =
  | { kind: "text"; value: string; from: number; to: number }
  | { kind: "node"; node: InlineNode; from: number; to: number };

function buildTask(
  state: ParseState,
  item: SyntaxNode,
  box: ItemBox,
  section: SectionRef | null,
  sectionIndex: number,
  depth: number,
  parentId?: string,
): Task {
  const { source } = state;
  const contentFrom = Math.min(box.offset + 3, box.leafEnd);
  // Trailing blanks are not text (CommonMark strips them from a paragraph's last line).
  const contentEnd = trimEnd(source, box.leafEnd, contentFrom);
  const nodes = parseInlineNodes(source, contentFrom, contentEnd);
  if (!nodes)
    reportLimit(state, "markup", countMarkup(source, contentFrom, contentEnd), contentFrom);
  const parts = splitParts(source, nodes ?? [], contentFrom, contentEnd);
  const metaPart = findMetaPart(source, parts);
  const metaComment = metaPart ? buildMetaComment(state, metaPart) : null;
  const { meta, problems } = parseTaskMeta(metaComment);
  const content = parts.filter((part) => part !== metaPart);
  const { title, description: cut } = splitTitle(source, content, state);
  const descriptionEnd = metaPart ? metaPart.from : contentEnd;
  const description = readDescription(source, cut, descriptionEnd, state.repair);
  const repairedTitle = state.repair(title);
  const slug = slugify(repairedTitle);
  // The item starts at its marker; lezer ends a CRLF line's block after the `\r`.
  const span = toSpan(
    state,
    box.markFrom,
    source.charAt(item.to - 1) === "\r" ? item.to - 1 : item.to,
  );
  const ownId = meta.id ?? (slug || `task-${span.start.line}`);
  const id = parentId && !meta.id ? `${parentId}-${ownId}` : ownId;

  for (const problem of problems) {
    state.issues.push({
      code: problem.kind === "unknown-key" ? "meta-unknown-key" : "meta-malformed",
      point: metaComment?.span.start ?? span.start,
      key: problem.key,
      ...(problem.value !== undefined ? { value: problem.value } : {}),
      ...(problem.rule ? { rule: problem.rule } : {}),
      taskId: id,
    });
  }
  if (repairedTitle === "")
    state.issues.push({ code: "task-without-title", point: span.start, taskId: id });

  const task: Task = {
    id,
    idSource: meta.id ? "explicit" : "slug",
    title: repairedTitle,
    description,
    checked: box.checked,
    section,
    sectionIndex,
    position: 0,
    line: span.start.line,
    span,
    checkboxOffset: box.offset + 1,
    paragraphEndOffset: source.charAt(box.leafEnd - 1) === "\r" ? box.leafEnd - 1 : box.leafEnd,
    meta,
    metaComment,
    references: collectReferences(source, content),
    subtasks: [],
  };
  // Set afterwards, not spread into the literal: a spread made every task a slower object.
  if (parentId) task.parentId = parentId;
  collectSubtasks(state, item, task, section, sectionIndex, depth + 1);
  return task;
}

/** Nested tasks, also those under plain bullets (GitHub shows them all as boxes). */
function collectSubtasks(
  state: ParseState,
  item: SyntaxNode,
  task: Task,
  section: SectionRef | null,
  sectionIndex: number,
  depth: number,
): void {
  for (const list of listChildLists(item)) {
    if (depth > PLAN_LIMITS.depth) {
      reportLimit(state, "depth", depth, list.from);
      return;
    }
    for (let sub = list.firstChild; sub; sub = sub.nextSibling) {
      if (sub.name !== "ListItem") continue;
      const box = readTaskBox(state, sub);
      if (!box) {
        collectSubtasks(state, sub, task, section, sectionIndex, depth + 1);
        continue;
      }
      if (!countTask(state, sub)) return;
      const subtask = buildTask(state, sub, box, section, sectionIndex, depth, task.id);
      subtask.position = task.subtasks.length;
      task.subtasks.push(subtask);
    }
  }
}

function trimEnd(source: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(source.charAt(at - 1))) at--;
  return at;
}

/** Top-level inline parts; text, escapes and character references merge into one text part. */
function splitParts(source: string, nodes: InlineNode[], from: number, to: number): Part[] {
  const parts: Part[] = [];
  let at = from;
  for (const node of nodes) {
    if (node.from > at) addText(parts, source.slice(at, node.from), at, node.from);
    if (node.name === "Escape")
      addText(parts, source.slice(node.from + 1, node.to), node.from, node.to);
    else if (node.name === "Entity")
      addText(parts, decodeEntity(source.slice(node.from, node.to)), node.from, node.to);
    else parts.push({ kind: "node", node, from: node.from, to: node.to });
    at = node.to;
  }
  if (to > at) addText(parts, source.slice(at, to), at, to);
  return parts;
}

/** Appends a text run, merged into the previous text part when they touch. */
function addText(parts: Part[], value: string, start: number, end: number): void {
  const last = parts[parts.length - 1];
  if (last?.kind === "text" && last.to === start) {
    last.value += value;
    last.to = end;
  } else if (end > start) {
    parts.push({ kind: "text", value, from: start, to: end });
  }
}

function partText(source: string, parts: Part[], definitions: ReadonlySet<string>): string {
  return parts
    .map((part) =>
      part.kind === "text"
        ? part.value
        : extractPlainText(source, [part.node], part.from, part.to, definitions),
    )
    .join("");
}

/** Where a description starts in the source, and how to drop the separator in front of it. */
interface DescriptionCut {
  from: number;
  /** `leading`: strip a leading separator; otherwise cut after the first occurrence of this separator. */
  cut: "leading" | (typeof SEPARATORS)[number];
}

/**
 * Title = the leading bold text, else the text before the first separator, else everything.
 * Separators are searched in REPAIRED text, so a mojibake dash (`â€“`) still separates.
 */
function splitTitle(
  source: string,
  content: Part[],
  state: Pick<ParseState, "repair" | "definitions">,
): { title: string; description: DescriptionCut | null } {
  const { repair, definitions } = state;
  const first = content.find((part) => !(part.kind === "text" && part.value.trim() === ""));
  if (!first) return { title: "", description: null };
  const last = content[content.length - 1]!;
  if (first.kind === "node" && first.node.name === "StrongEmphasis") {
    const rest = source.slice(first.to, last.to);
    const hasDescription = stripLeadingSeparator(repair(rest)) !== "";
    return {
      title: partText(source, [first], definitions).trim(),
      description: hasDescription ? { from: first.to, cut: "leading" } : null,
    };
  }
  // No bold lead: split at the first separator found in top-level text (never inside code).
  const titleParts: Part[] = [];
  for (const part of content) {
    if (part.kind === "text") {
      const value = repair(part.value);
      // The separator found first (no two start at the same place).
      let hit: { sep: (typeof SEPARATORS)[number]; at: number } | undefined;
      for (const sep of SEPARATORS) {
        const at = value.indexOf(sep);
        if (at >= 0 && (!hit || at < hit.at)) hit = { sep, at };
      }
      if (hit) {
        const title = partText(source, titleParts, definitions) + value.slice(0, hit.at);
        return {
          title: collapseLines(title).trim(),
          description: { from: part.from, cut: hit.sep },
        };
      }
    }
    titleParts.push(part);
  }
  return {
    title: collapseLines(partText(source, content, definitions)).trim(),
    description: null,
  };
}

/** The description's Markdown source, repaired, without the separator in front. */
function readDescription(
  source: string,
  cut: DescriptionCut | null,
  end: number,
  repair: (text: string) => string,
): string {
  if (!cut) return "";
  const text = repair(collapseLines(source.slice(cut.from, Math.max(cut.from, end))));
  if (cut.cut === "leading") return stripLeadingSeparator(text);
  const at = text.indexOf(cut.cut);
  return (at >= 0 ? text.slice(at + cut.cut.length) : text).trim();
}

const LEADING_SEPARATORS = "–—-:";

function stripLeadingSeparator(text: string): string {
  const trimmed = text.trimStart();
  // Each separator (`–`, `—`, `-`, `:`) is one character.
  return (
    LEADING_SEPARATORS.includes(trimmed.charAt(0)) && trimmed !== "" ? trimmed.slice(1) : trimmed
  ).trim();
}

/** The last inline HTML comment of the paragraph that is a `<!-- nova: … -->` comment. */
function findMetaPart(source: string, parts: Part[]): Part | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.kind !== "node") continue;
    const { name } = part.node;
    if (name !== "Comment" && name !== "HTMLTag") continue;
    if (isMetaComment(source.slice(part.from, part.to))) return part;
  }
  return null;
}

function buildMetaComment(state: ParseState, part: Part): MetaComment {
  const raw = state.source.slice(part.from, part.to);
  const { entries, malformed } = splitMetaComment(raw);
  return {
    span: toSpan(state, part.from, part.to),
    raw,
    entries: dedupeEntries(entries),
    malformed,
  };
}

/**
 * Duplicate keys keep the last value, in the place of the first. A comment has a handful of
 * entries, so a scan beats building a Map per task (visible at 10,000 tasks); a long hostile
 * comment still goes through a Map, so this stays linear.
 */
function dedupeEntries(
  entries: ReadonlyArray<{ key: string; value: string }>,
): MetaComment["entries"] {
  if (entries.length > 8) {
    const byKey = new Map(entries.map((entry) => [entry.key, entry.value]));
    return [...byKey].map(([key, value]) => ({ key, value }));
  }
  const result: MetaComment["entries"] = [];
  for (const { key, value } of entries) {
    let earlier: MetaComment["entries"][number] | undefined;
    for (const entry of result) if (entry.key === key) earlier = entry;
    if (earlier) earlier.value = value;
    else result.push({ key, value });
  }
  return result;
}

/** Inline-code spans: whitespace means a command line; otherwise a path-like token is a path. */
function collectReferences(source: string, content: Part[]): Reference[] {
  const references: Reference[] = [];
  for (const part of content)
    if (part.kind === "node") collectCodeSpans(source, [part.node], references);
  return references;
}

function collectCodeSpans(source: string, nodes: InlineNode[], references: Reference[]): void {
  for (const node of nodes) {
    if (node.name === "InlineCode") {
      const text = extractCodeText(source, node).trim();
      if (text === "") continue;
      const isPath = !/\s/.test(text) && (/[/\\]/.test(text) || /\.[A-Za-z0-9]{1,8}$/.test(text));
      references.push({ kind: isPath ? "path" : "command", text });
    } else {
      collectCodeSpans(source, node.children, references);
    }
  }
}

function collapseLines(text: string): string {
  // Most descriptions are one line: no regular expression to run then.
  if (!text.includes("\n")) return text.trim();
  return text.replace(/[ \t]*\r?\n[ \t]*/g, " ").trim();
}

function stripQuoteMarkers(text: string): string {
  return text.replace(/^[ \t]*>[ \t]?/gm, "");
}

function toSectionRef(section: Section): SectionRef {
  return { number: section.number, title: section.title, slug: section.slug };
}

function toSpan(state: ParseState, from: number, to: number): SourceSpan {
  const start: SourcePoint = state.lines.toPoint(from);
  return { start, end: state.lines.toPoint(to) };
}

/** The more common line ending; counted without `split`, which built an array of every line. */
function detectEol(source: string): "\n" | "\r\n" {
  let crlf = 0;
  let lf = 0;
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) {
    if (at > 0 && source.charCodeAt(at - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}
