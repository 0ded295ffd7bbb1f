import type { Language } from "../checklist/lint-messages.js";
import type { Plan, Task } from "../checklist/types.js";

/** GitHub rejects label names over 50 characters. */
const MAX_LABEL_LENGTH = 50;

/** Stable section-label colours: picked by a hash of the slug, so a new section never recolours others. */
const PALETTE = [
  "1D76DB",
  "0E8A16",
  "FBCA04",
  "D93F0B",
  "5319E7",
  "006B75",
  "B60205",
  "C2E0C6",
  "BFD4F2",
  "F9D0C4",
];

/** The plan label itself carries NVIDIA green. */
const PLAN_LABEL_COLOR = "76B900";

export interface DesiredLabel {
  name: string;
  color: string;
  description: string;
}

export interface DesiredIssue {
  taskId: string;
  title: string;
  labels: string[];
  state: "open" | "closed";
  /** The checklist line, for links and messages. */
  line: number;
}

export interface DesiredState {
  labels: DesiredLabel[];
  issues: DesiredIssue[];
}

export interface DesiredStateOptions {
  /** Label prefix, `dgx` by default. */
  prefix: string;
  lang: Language;
}

const DESCRIPTIONS: Record<Language, { plan: string; section: (title: string) => string }> = {
  de: {
    plan: "Aufgabe aus dem DGX-Spark-Plan (von Nova verwaltet)",
    section: (title) => `Bereich: ${title}`,
  },
  en: {
    plan: "Task from the DGX Spark plan (managed by Nova)",
    section: (title) => `Area: ${title}`,
  },
};

/**
 * What the repository should hold for a plan: one label for the plan, one per section, and
 * one issue per top-level task (ticked → closed). Pure; the sync planner compares it with
 * what it observed on GitHub.
 */
export function buildDesiredState(plan: Plan, options: DesiredStateOptions): DesiredState {
  const text = DESCRIPTIONS[options.lang];
  const labels: DesiredLabel[] = [
    { name: options.prefix, color: PLAN_LABEL_COLOR, description: text.plan },
    ...plan.sections.map((section) => ({
      name: sectionLabelName(options.prefix, section.slug),
      color: pickColor(section.slug),
      description: truncate(text.section(section.title), 100),
    })),
  ];
  const issues = plan.tasks.map((task) => buildDesiredIssue(task, options.prefix));
  return { labels: dedupeByName(labels), issues };
}

/** `<prefix>/<section-slug>`, cut at a hyphen to fit GitHub's 50-character limit. */
export function sectionLabelName(prefix: string, slug: string): string {
  const name = `${prefix}/${slug}`;
  if (name.length <= MAX_LABEL_LENGTH) return name;
  const cut = name.slice(0, MAX_LABEL_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > prefix.length + 1 ? cut.slice(0, lastHyphen) : cut;
}

function buildDesiredIssue(task: Task, prefix: string): DesiredIssue {
  return {
    taskId: task.id,
    title: task.title,
    labels: task.section ? [prefix, sectionLabelName(prefix, task.section.slug)] : [prefix],
    state: task.checked ? "closed" : "open",
    line: task.line,
  };
}

function pickColor(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Two sections may slug alike; GitHub label names are case-insensitive and unique. */
function dedupeByName(labels: DesiredLabel[]): DesiredLabel[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
