/**
 * The model of a checklist plan. Everything Nova does (sync, board, commands, reports, write-back)
 * reads this model; only `parse-plan.ts` builds it.
 *
 * Positions are 1-based lines and columns plus 0-based UTF-16 offsets into the ORIGINAL source,
 * so write-back edits can touch exactly the bytes they mean even when text fields were repaired.
 */

import type { SourcePoint } from "../markdown/line-index.js";

/** Where a point in the source is; defined with the line index that computes it. */
export type { SourcePoint };

export interface SourceSpan {
  start: SourcePoint;
  end: SourcePoint;
}

/** An inline-code reference in a task: a repository path or a command line. */
export interface Reference {
  kind: "path" | "command";
  text: string;
}

/** A trailing `<!-- nova: key=value; ... -->` comment, parsed leniently (lint reports problems). */
export interface MetaComment {
  /** Span of the whole comment in the source. */
  span: SourceSpan;
  /** The raw comment text, `<!--` to `-->`. */
  raw: string;
  /** Entries in source order; values trimmed. Duplicate keys keep the last value. */
  entries: Array<{ key: string; value: string }>;
  /** Parts that are not `key=value` (for lint). */
  malformed: string[];
}

/** Task metadata after validation; invalid values are dropped here and reported by lint. */
export interface TaskMeta {
  id?: string;
  after: string[];
  role?: string;
  /** Estimate in working days (`2d`, `4h` = 0.5 d at 8 h a day, `1w` = 5 d). */
  estimateDays?: number;
  /** Due date, `YYYY-MM-DD`. */
  due?: string;
  /** GitHub login without the `@`. */
  owner?: string;
}

export interface SectionRef {
  /** The number of a numbered heading (`## 1. Infrastruktur…` → 1), else null. */
  number: number | null;
  title: string;
  slug: string;
}

export interface Task {
  /** Stable id: explicit `id=` wins, else the German-aware slug of the title. */
  id: string;
  idSource: "explicit" | "slug";
  /** Plain-text title (repaired). Empty when the item has no text: lint reports it. */
  title: string;
  /** Markdown source of the description (repaired), without the separator and the meta comment. */
  description: string;
  checked: boolean;
  /** The section the task is in, or null for a task before the first `##` heading. */
  section: SectionRef | null;
  /** Index of the section in `Plan.sections`, or -1. */
  sectionIndex: number;
  /** 0-based position among all top-level tasks of the plan, in document order. */
  position: number;
  /** 1-based line of the list item marker. */
  line: number;
  /** Span of the whole list item. */
  span: SourceSpan;
  /** Offset of the character between `[` and `]` (a space or `x`/`X`). */
  checkboxOffset: number;
  /** Offset where an appended meta comment would go: the end of the item's first paragraph. */
  paragraphEndOffset: number;
  meta: TaskMeta;
  metaComment: MetaComment | null;
  references: Reference[];
  /** Nested task items. They belong to their parent (not separate tasks for sync and progress). */
  subtasks: Task[];
  /** Id of the parent task for a subtask. */
  parentId?: string;
}

export interface Section extends SectionRef {
  /** The heading text exactly as written (repaired), e.g. `1. Infrastruktur- & Setup-Automatisierung`. */
  heading: string;
  line: number;
  /** Top-level tasks of this section, in order. */
  tasks: Task[];
}

/** A block quote, e.g. the plan's `> 💡 **Hinweis:** …`. */
export interface Note {
  /** Markdown source of the quote's content (repaired), without the `>` markers. */
  text: string;
  line: number;
  /** Index of the section the note is in, or -1 before the first section. */
  sectionIndex: number;
}

/** A structural problem noticed while parsing (lint turns these into messages). */
export interface ParseIssue {
  code:
    | "task-outside-section"
    | "task-without-title"
    | "meta-malformed"
    | "meta-unknown-key"
    | "plan-limit";
  point: SourcePoint;
  /** For metadata problems: the key (or the whole part when it is not `key=value`). */
  key?: string;
  value?: string;
  /** For malformed metadata: which rule the value broke. */
  rule?: "id" | "after" | "estimate" | "due" | "owner" | "empty" | "syntax";
  taskId?: string;
  /** For `plan-limit`: which limit (`docs/checklist-format.md`, "Limits") and what was found. */
  limit?: "chars" | "tasks" | "depth" | "markup" | "time";
  found?: number;
}

export interface Plan {
  /** The H1 text (repaired), or null when the file has none. */
  title: string | null;
  /** Markdown source between the H1 and the first section (repaired). */
  intro: string;
  sections: Section[];
  /** All top-level tasks in document order (also outside sections). Subtasks live on their parent. */
  tasks: Task[];
  notes: Note[];
  /** Problems found while building the model. */
  issues: ParseIssue[];
  /** The source as given (never modified). */
  source: string;
  /** The dominant line ending of the source, used when inserting text. */
  eol: "\n" | "\r\n";
}
