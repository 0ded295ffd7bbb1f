import type { Plan, Section, SectionRef, SourceSpan, Task } from "../../src/checklist/types.js";

/** A task as a test wants to write it; everything else gets a valid default. */
export interface TaskSpec {
  id: string;
  /** Defaults to the id. */
  title?: string;
  checked?: boolean;
  after?: string[];
  role?: string;
  estimateDays?: number;
  due?: string;
}

export interface SectionSpec {
  title: string;
  /** Defaults to the section's 1-based index; `null` for an unnumbered heading. */
  number?: number | null;
  tasks: TaskSpec[];
}

export interface PlanSpec {
  title?: string | null;
  /** Tasks before the first heading. */
  outside?: TaskSpec[];
  sections?: SectionSpec[];
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Builds a `Plan` per `src/checklist/types.ts` without the parser: the reports only read ids,
 * titles, checkboxes, sections, positions and metadata, so source spans are plausible
 * placeholders (one line per task) and `source` is a rough Markdown rendering.
 */
export function buildPlan(spec: PlanSpec): Plan {
  let line = 1;
  let offset = 0;
  const lines: string[] = [];
  const nextSpan = (text: string): SourceSpan => {
    lines.push(text);
    const start = { line, column: 1, offset };
    offset += text.length + 1;
    const end = { line, column: text.length + 1, offset: offset - 1 };
    line += 1;
    return { start, end };
  };
  if (spec.title !== null) nextSpan(`# ${spec.title ?? "Plan"}`);

  const tasks: Task[] = [];
  const makeTask = (taskSpec: TaskSpec, section: SectionRef | null, sectionIndex: number): Task => {
    const title = taskSpec.title ?? taskSpec.id;
    const box = taskSpec.checked ? "x" : " ";
    const span = nextSpan(`- [${box}] ${title}`);
    const task: Task = {
      id: taskSpec.id,
      idSource: "explicit",
      title,
      description: "",
      checked: taskSpec.checked ?? false,
      section,
      sectionIndex,
      position: tasks.length,
      line: span.start.line,
      span,
      checkboxOffset: span.start.offset + 3,
      paragraphEndOffset: span.end.offset,
      meta: {
        id: taskSpec.id,
        after: taskSpec.after ?? [],
        ...(taskSpec.role !== undefined ? { role: taskSpec.role } : {}),
        ...(taskSpec.estimateDays !== undefined ? { estimateDays: taskSpec.estimateDays } : {}),
        ...(taskSpec.due !== undefined ? { due: taskSpec.due } : {}),
      },
      metaComment: null,
      references: [],
      subtasks: [],
    };
    tasks.push(task);
    return task;
  };

  for (const taskSpec of spec.outside ?? []) makeTask(taskSpec, null, -1);

  const sections: Section[] = (spec.sections ?? []).map((sectionSpec, index) => {
    const number = sectionSpec.number === undefined ? index + 1 : sectionSpec.number;
    const heading = number === null ? sectionSpec.title : `${number}. ${sectionSpec.title}`;
    const span = nextSpan(`## ${heading}`);
    const ref: SectionRef = {
      number,
      title: sectionSpec.title,
      slug: slugify(sectionSpec.title),
    };
    return {
      ...ref,
      heading,
      line: span.start.line,
      tasks: sectionSpec.tasks.map((taskSpec) => makeTask(taskSpec, ref, index)),
    };
  });

  const source = `${lines.join("\n")}\n`;
  return {
    title: spec.title === null ? null : (spec.title ?? "Plan"),
    intro: "",
    sections,
    tasks,
    notes: [],
    issues: [],
    source,
    eol: "\n",
  };
}

/** Shorthand for a plan that is just sections of tasks. */
export function buildSectionsPlan(sections: Record<string, TaskSpec[]>): Plan {
  return buildPlan({
    sections: Object.entries(sections).map(([title, tasks]) => ({
      title,
      tasks,
    })),
  });
}
