import type { Blockquote, Heading, List, ListItem, PhrasingContent, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Point as UnistPoint, Position } from "unist";
import { isMetaComment, parseTaskMeta, splitMetaComment } from "./parse-task-meta.js";
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

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses a checklist plan. Never throws on any string input: structural problems are recorded
 * in `plan.issues` and reported by `lintPlan`. Text fields are repaired from mojibake; positions
 * always refer to the original `source`.
 */
export function parsePlan(source: string): Plan {
  const tree = processor.parse(source);
  // Detect once for the whole file: short fields alone are often ambiguous, and a file without
  // mojibake must not have any field "repaired".
  const finding = detectMojibake(source);
  const repair = finding
    ? (text: string) => repairText(text, { codePages: finding.codePages })
    : (text: string) => text;
  const state: ParseState = {
    source,
    repair,
    sections: [],
    tasks: [],
    notes: [],
    issues: [],
    title: null,
    introStart: -1,
    introEnd: -1,
  };
  for (const node of tree.children) visitBlock(state, node);

  const intro =
    state.introStart >= 0 && state.introEnd > state.introStart
      ? repair(source.slice(state.introStart, state.introEnd).trim())
      : "";
  return {
    title: state.title,
    intro,
    sections: state.sections,
    tasks: state.tasks,
    notes: state.notes,
    issues: state.issues,
    source,
    eol: detectEol(source),
  };
}

interface ParseState {
  source: string;
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
}

function visitBlock(state: ParseState, node: RootContent): void {
  const inSection = state.sections.length > 0;
  if (node.type === "heading") {
    visitHeading(state, node);
    return;
  }
  if (!inSection && state.introStart >= 0) state.introEnd = endOffset(node);
  if (node.type === "list") visitList(state, node);
  else if (node.type === "blockquote") visitNote(state, node);
}

function visitHeading(state: ParseState, node: Heading): void {
  if (node.depth === 1 && state.title === null && state.sections.length === 0) {
    state.title = state.repair(plainText(node.children).trim());
    state.introStart = endOffset(node);
    return;
  }
  if (node.depth !== 2) return; // deeper headings group tasks inside their section
  const heading = state.repair(plainText(node.children).trim());
  // "1. Infrastruktur- & Setup-Automatisierung" → number 1; "Offene Fragen" → unnumbered.
  const numbered = /^(\d+)[.)]\s+(.+)$/.exec(heading);
  const title = numbered?.[2]?.trim() ?? heading;
  state.sections.push({
    number: numbered?.[1] ? Number(numbered[1]) : null,
    title,
    slug: slugify(title) || `section-${state.sections.length + 1}`,
    heading,
    line: node.position?.start.line ?? 0,
    tasks: [],
  });
}

function visitList(state: ParseState, list: List): void {
  for (const item of list.children) {
    if (item.checked === null || item.checked === undefined) {
      // A plain bullet: tasks nested under it still count as top-level tasks.
      for (const child of item.children) if (child.type === "list") visitList(state, child);
      continue;
    }
    const sectionIndex = state.sections.length - 1;
    const section = state.sections[sectionIndex];
    const task = buildTask(state, item, section ? toSectionRef(section) : null, sectionIndex);
    task.position = state.tasks.length;
    state.tasks.push(task);
    section?.tasks.push(task);
    if (!section)
      state.issues.push({ code: "task-outside-section", point: task.span.start, taskId: task.id });
  }
}

function visitNote(state: ParseState, node: Blockquote): void {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first || !last) return;
  // The quote's content without the `>` markers: each child's source, joined by blank lines.
  const text = node.children
    .map((child) => stripQuoteMarkers(state.source.slice(startOffset(child), endOffset(child))))
    .join("\n\n");
  state.notes.push({
    text: state.repair(text.trim()),
    line: node.position?.start.line ?? 0,
    sectionIndex: state.sections.length - 1,
  });
}

function buildTask(
  state: ParseState,
  item: ListItem,
  section: SectionRef | null,
  sectionIndex: number,
  parentId?: string,
): Task {
  const { source } = state;
  const itemStart = startOffset(item);
  const paragraph = item.children[0]?.type === "paragraph" ? item.children[0] : null;
  const inline = paragraph?.children ?? [];
  const metaNode = findMetaNode(inline);
  const metaComment = metaNode ? buildMetaComment(metaNode.value, metaNode.position) : null;
  const { meta, problems } = parseTaskMeta(metaComment);
  const content = inline.filter((node) => node !== metaNode);
  const { title, description: cut } = splitTitle(source, content, state.repair);
  const descriptionEnd = metaNode
    ? startOffset(metaNode)
    : paragraph
      ? endOffset(paragraph)
      : itemStart;
  const description = readDescription(source, cut, descriptionEnd, state.repair);
  const repairedTitle = state.repair(title);
  const slug = slugify(repairedTitle);
  const ownId = meta.id ?? (slug || `task-${item.position?.start.line ?? 0}`);
  const id = parentId && !meta.id ? `${parentId}-${ownId}` : ownId;

  const span = toSpan(item.position);
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
    checked: item.checked === true,
    section,
    sectionIndex,
    position: 0,
    line: span.start.line,
    span,
    checkboxOffset: findCheckboxOffset(
      source,
      itemStart,
      paragraph ? startOffset(paragraph) : endOffset(item),
    ),
    paragraphEndOffset: paragraph ? endOffset(paragraph) : endOffset(item),
    meta,
    metaComment,
    references: collectReferences(content),
    subtasks: [],
    ...(parentId ? { parentId } : {}),
  };
  for (const child of item.children) {
    if (child.type !== "list") continue;
    for (const sub of child.children) {
      if (sub.checked === null || sub.checked === undefined) continue;
      const subtask = buildTask(state, sub, section, sectionIndex, id);
      subtask.position = task.subtasks.length;
      task.subtasks.push(subtask);
    }
  }
  return task;
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
  content: PhrasingContent[],
  repair: (text: string) => string,
): { title: string; description: DescriptionCut | null } {
  const first = content.find((node) => !(node.type === "text" && node.value.trim() === ""));
  if (!first) return { title: "", description: null };
  const last = content[content.length - 1]!;
  if (first.type === "strong") {
    const rest = source.slice(endOffset(first), endOffset(last));
    const hasDescription = stripLeadingSeparator(repair(rest)) !== "";
    return {
      title: plainText(first.children).trim(),
      description: hasDescription ? { from: endOffset(first), cut: "leading" } : null,
    };
  }
  // No bold lead: split at the first separator found in top-level text (never inside code).
  const titleParts: PhrasingContent[] = [];
  for (const node of content) {
    if (node.type === "text") {
      const value = repair(node.value);
      const hit = SEPARATORS.map((sep) => ({ sep, at: value.indexOf(sep) }))
        .filter((candidate) => candidate.at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      if (hit) {
        const title = plainText(titleParts) + value.slice(0, hit.at);
        return {
          title: collapseLines(title).trim(),
          description: { from: startOffset(node), cut: hit.sep },
        };
      }
    }
    titleParts.push(node);
  }
  return { title: collapseLines(plainText(content)).trim(), description: null };
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

function stripLeadingSeparator(text: string): string {
  const trimmed = text.trimStart();
  const separator = ["–", "—", "-", ":"].find((sep) => trimmed.startsWith(sep));
  return (separator ? trimmed.slice(separator.length) : trimmed).trim();
}

function findMetaNode(inline: PhrasingContent[]): (PhrasingContent & { type: "html" }) | null {
  for (let i = inline.length - 1; i >= 0; i--) {
    const node = inline[i]!;
    if (node.type === "html" && isMetaComment(node.value)) return node;
  }
  return null;
}

function buildMetaComment(raw: string, position: Position | undefined): MetaComment {
  const { entries, malformed } = splitMetaComment(raw);
  // Duplicate keys keep the last value.
  const byKey = new Map(entries.map((entry) => [entry.key, entry.value]));
  return {
    span: toSpan(position),
    raw,
    entries: [...byKey].map(([key, value]) => ({ key, value })),
    malformed,
  };
}

/** Inline-code spans: whitespace means a command line; otherwise a path-like token is a path. */
function collectReferences(content: PhrasingContent[]): Reference[] {
  const references: Reference[] = [];
  const visit = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === "inlineCode") {
        const text = node.value.trim();
        if (text === "") continue;
        const isPath = !/\s/.test(text) && (/[/\\]/.test(text) || /\.[A-Za-z0-9]{1,8}$/.test(text));
        references.push({ kind: isPath ? "path" : "command", text });
      } else if ("children" in node) {
        visit(node.children);
      }
    }
  };
  visit(content);
  return references;
}

/** Finds `[` between the list marker and the paragraph; the checkbox character follows it. */
function findCheckboxOffset(source: string, from: number, to: number): number {
  const at = source.indexOf("[", from);
  return at >= 0 && at < Math.max(to, from + 8) ? at + 1 : from;
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((node) => mdastToString(node)).join("");
}

function collapseLines(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, " ").trim();
}

function stripQuoteMarkers(text: string): string {
  return text.replace(/^[ \t]*>[ \t]?/gm, "");
}

function toSectionRef(section: Section): SectionRef {
  return { number: section.number, title: section.title, slug: section.slug };
}

function toPoint(point: UnistPoint | undefined): SourcePoint {
  return { line: point?.line ?? 1, column: point?.column ?? 1, offset: point?.offset ?? 0 };
}

function toSpan(position: Position | undefined): SourceSpan {
  return { start: toPoint(position?.start), end: toPoint(position?.end) };
}

function startOffset(node: { position?: Position | undefined }): number {
  return node.position?.start.offset ?? 0;
}

function endOffset(node: { position?: Position | undefined }): number {
  return node.position?.end.offset ?? 0;
}

function detectEol(source: string): "\n" | "\r\n" {
  const crlf = source.split("\r\n").length - 1;
  const lf = source.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}
