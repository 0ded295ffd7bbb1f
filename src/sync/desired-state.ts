import { normalizeReferencePath } from "./find-existing-paths.js";
import type { Plan, Reference, Section, Task } from "../checklist/types.js";
import { say, type Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import { renderIssueBody } from "./render-issue-body.js";
import {
  renderSectionMarker,
  renderSyncedMarker,
  renderTaskMarker,
} from "../github/hidden-markers.js";

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

/** GitHub's limits on sub-issues: 100 per parent, 8 levels (section, task, 6 nested levels). */
const MAX_SUB_ISSUES = 100;
const MAX_NESTED_DEPTH = 6;

/** The plan label itself carries NVIDIA green. */
const PLAN_LABEL_COLOR = "76B900";
const BLOCKED_LABEL_COLOR = "E99695";

export interface DesiredLabel {
  name: string;
  color: string;
  description: string;
}

export interface DesiredIssue {
  /** The task id; for a section's issue its key, `section:<slug>` (see `sectionKey`). */
  taskId: string;
  /** A task's issue, or a section's (no box in the checklist: never a write-back proposal). */
  kind: "task" | "section";
  /** The milestone's number when Nova manages one (`delivery:`); undefined leaves it alone. */
  milestone?: number | undefined;
  title: string;
  body: string;
  /** The labels Nova manages on this issue (all start with the prefix). */
  labels: string[];
  state: "open" | "closed";
  /** The checklist line, for links and messages. */
  line: number;
  /** Section slug, for matching renamed tasks. */
  sectionSlug: string | null;
  description: string;
  /** Ids of the tasks this one depends on (to create dependencies first). */
  after: string[];
  /** `owner=@login`: assigned when the issue's body does not name this owner yet. */
  owner?: string | undefined;
}

export interface DesiredState {
  labels: DesiredLabel[];
  issues: DesiredIssue[];
  /** Each section issue's sub-issues (task keys), in plan order. */
  subIssues: Array<{ parent: string; children: string[] }>;
  /** Each task's "blocked by" issues (task keys), from `after=`. */
  blockedBy: Array<{ key: string; blockers: string[] }>;
}

/** What the repository's GitHub offers and how the plan maps onto it. */
export interface StructureSettings {
  /** One issue per section, its tasks as sub-issues (`sync.sectionIssues`). */
  sectionIssues: boolean;
  /** The server has issue dependencies: `after=` is "blocked by", not the `/blocked` label. */
  dependencies: boolean;
  /** The delivery milestone's number, when there is one. */
  milestone: number | null;
}

/** The key of a section's issue among task ids (task ids never contain a colon). */
export function sectionKey(slug: string): string {
  return `section:${slug}`;
}

/** What the sync needs from the configuration. */
export interface SyncSettings {
  /** Label prefix, `dgx` by default. */
  prefix: string;
  lang: Language;
  labelColor?: string;
  sectionColors?: Readonly<Record<string, string>>;
  /** Overrides of label descriptions; `section` may use `{title}`. */
  labelDescriptions?: { plan?: string | undefined; section?: string | undefined };
}

/** Where the checklist lives, for links in issue bodies. */
export interface RepoLinks {
  /** The repository's web address, e.g. `https://github.com/acme/dgx` (GHE hosts differ). */
  htmlUrl: string;
  defaultBranch: string;
  checklistPath: string;
  /** The commit the checklist was read at (permalinks to its lines). */
  sha: string;
  /**
   * The referenced paths that exist at `sha` (`findExistingPaths`); a path not in it is shown as
   * code, not linked. Absent: every path is linked (nothing was read).
   */
  existingPaths?: ReadonlySet<string>;
}

/** What GitHub already knows that changes the desired state. */
export interface KnownIssues {
  /** Issue number per task id. */
  numbers: ReadonlyMap<string, number>;
  /** Task ids whose issue is closed (a dependency closed on GitHub no longer blocks). */
  closed: ReadonlySet<string>;
}

const NO_ISSUES: KnownIssues = { numbers: new Map(), closed: new Set() };

/**
 * What the repository should hold for a plan: one label for the plan, one per section, a
 * `<prefix>/blocked` label while any task waits for an open dependency, and one issue per
 * top-level task (ticked → closed). With `structure.sectionIssues`, also one per section and one
 * per nested task, linked as sub-issues (section → task → nested task). Pure; the sync planner
 * compares it with what it observed.
 */
export function buildDesiredState(
  plan: Plan,
  settings: SyncSettings,
  links: RepoLinks,
  known: KnownIssues = NO_ISSUES,
  structure: StructureSettings = { sectionIssues: false, dependencies: false, milestone: null },
): DesiredState {
  const { lang } = settings;
  const planDescription = settings.labelDescriptions?.plan ?? say(lang, "sync.label.plan");
  // The default keeps its `{title}` for the section's title, like a configured description.
  const sectionDescription =
    settings.labelDescriptions?.section ?? say(lang, "sync.label.section", { title: "{title}" });
  const labels: DesiredLabel[] = [
    {
      name: settings.prefix,
      color: settings.labelColor ?? PLAN_LABEL_COLOR,
      description: truncate(planDescription, 100),
    },
    // A section without tasks has no issue to carry its label.
    ...plan.sections
      .filter((section) => section.tasks.length > 0)
      .map((section) => ({
        name: sectionLabelName(settings.prefix, section.slug),
        color: settings.sectionColors?.[section.slug] ?? pickColor(section.slug),
        description: truncate(sectionDescription.replace("{title}", section.title), 100),
      })),
  ];
  // With GitHub's structure, nested tasks have issues of their own (sub-issues of their parent
  // task's issue); without it they stay checkboxes in their parent's body, as before.
  const tasks = structure.sectionIssues ? listIssueTasks(plan.tasks) : plan.tasks;
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const isDone = (id: string) => byId.get(id)?.checked === true || known.closed.has(id);
  const blockedLabel = `${settings.prefix}/blocked`;
  const issues = tasks.map((task) => {
    const blocked = !task.checked && task.meta.after.some((id) => byId.has(id) && !isDone(id));
    const issue = buildDesiredIssue(task, settings, links, byId, known);
    // Where GitHub has dependencies, "blocked by" shows it natively; the label is the fallback.
    if (blocked && !structure.dependencies) issue.labels.push(blockedLabel);
    return issue;
  });
  const subIssues: DesiredState["subIssues"] = [];
  if (structure.sectionIssues) {
    // Section issues first: created before their tasks, they read in plan order on GitHub.
    const sectionIssues = plan.sections
      .filter((section) => section.tasks.length > 0)
      .map((section) => buildSectionIssue(plan, section, settings, links));
    issues.unshift(...sectionIssues);
    for (const section of plan.sections) {
      if (section.tasks.length === 0) continue;
      subIssues.push({
        parent: sectionKey(section.slug),
        children: section.tasks.map((task) => task.id).slice(0, MAX_SUB_ISSUES),
      });
    }
    // A nested task is a sub-issue of its parent task's issue (tasks has parents before children).
    for (const task of tasks) {
      const children = task.subtasks.filter((sub) => byId.has(sub.id));
      if (children.length === 0) continue;
      subIssues.push({
        parent: task.id,
        children: children.map((sub) => sub.id).slice(0, MAX_SUB_ISSUES),
      });
    }
  }
  if (structure.milestone !== null) {
    for (const issue of issues) issue.milestone = structure.milestone;
  }
  const blockedBy = structure.dependencies
    ? tasks
        .map((task) => ({
          key: task.id,
          blockers: dedupeIds(task.meta.after.filter((id) => byId.has(id) && id !== task.id)),
        }))
        .filter((entry) => entry.blockers.length > 0)
    : [];
  if (issues.some((issue) => issue.labels.includes(blockedLabel))) {
    labels.push({
      name: blockedLabel,
      color: BLOCKED_LABEL_COLOR,
      description: say(lang, "sync.label.blocked"),
    });
  }
  return { labels: dedupeByName(labels), issues, subIssues, blockedBy };
}

/**
 * Every task that gets an issue, parents before their nested tasks (document order). GitHub
 * nests sub-issues at most 8 levels deep: the section's issue, the task's, then 6 levels of
 * nested tasks; a task nested deeper stays a checkbox in its parent's body.
 */
export function listIssueTasks(tasks: readonly Task[], depth = 0): Task[] {
  return tasks.flatMap((task) => [
    task,
    ...(depth < MAX_NESTED_DEPTH ? listIssueTasks(task.subtasks, depth + 1) : []),
  ]);
}

function dedupeIds(ids: string[]): string[] {
  return [...new Set(ids)];
}

/**
 * A section's issue: the heading as title, the section's notes as intro, its own marker, Nova's
 * labels of the section; closed when every task is done (it has no box of its own).
 */
function buildSectionIssue(
  plan: Plan,
  section: Section,
  settings: SyncSettings,
  links: RepoLinks,
): DesiredIssue {
  const index = plan.sections.indexOf(section);
  const intro = plan.notes
    .filter((note) => note.sectionIndex === index)
    .map((note) => note.text.trim())
    .join("\n\n");
  const done = section.tasks.every((task) => task.checked);
  const body = readSharedRenderer().render("section-issue-body", settings.lang, {
    intro,
    taskCount: section.tasks.length,
    checklistPath: links.checklistPath,
    lineUrl: `${links.htmlUrl}/blob/${links.sha}/${encodePath(links.checklistPath)}#L${section.line}`,
    marker: renderSectionMarker(
      section.slug,
      section.tasks.map((task) => task.id),
    ),
    synced: renderSyncedMarker({ checked: done, removed: false }),
  });
  return {
    taskId: sectionKey(section.slug),
    kind: "section",
    title: section.heading,
    body,
    labels: [settings.prefix, sectionLabelName(settings.prefix, section.slug)],
    state: done ? "closed" : "open",
    line: section.line,
    sectionSlug: section.slug,
    description: intro,
    after: [],
  };
}

/** `<prefix>/<section-slug>`, cut at a hyphen to fit GitHub's 50-character limit. */
export function sectionLabelName(prefix: string, slug: string): string {
  const name = `${prefix}/${slug}`;
  if (name.length <= MAX_LABEL_LENGTH) return name;
  const cut = name.slice(0, MAX_LABEL_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > prefix.length + 1 ? cut.slice(0, lastHyphen) : cut;
}

function buildDesiredIssue(
  task: Task,
  settings: SyncSettings,
  links: RepoLinks,
  byId: ReadonlyMap<string, Task>,
  known: KnownIssues,
): DesiredIssue {
  const body = renderIssueBody(
    {
      description: task.description,
      subtasks: task.subtasks.map((sub) => ({ title: sub.title, checked: sub.checked })),
      section: task.section ? sectionHeading(task) : null,
      dependencies: task.meta.after
        .filter((id) => byId.has(id))
        .map((id) => ({ title: byId.get(id)!.title, number: known.numbers.get(id) ?? null })),
      references: task.references.map((reference) => ({
        text: reference.text,
        url: referenceUrl(reference, links),
      })),
      role: task.meta.role ?? null,
      estimate: task.meta.estimateDays ?? null,
      due: task.meta.due ?? null,
      owner: task.meta.owner ?? null,
      checklistPath: links.checklistPath,
      line: task.line,
      lineUrl: `${links.htmlUrl}/blob/${links.sha}/${encodePath(links.checklistPath)}#L${task.line}`,
      marker: renderTaskMarker(task.id),
      synced: renderSyncedMarker({ checked: task.checked, removed: false }),
    },
    settings.lang,
  );
  return {
    taskId: task.id,
    kind: "task",
    title: task.title,
    body,
    labels: task.section
      ? [settings.prefix, sectionLabelName(settings.prefix, task.section.slug)]
      : [settings.prefix],
    state: task.checked ? "closed" : "open",
    line: task.line,
    sectionSlug: task.section?.slug ?? null,
    description: task.description,
    after: task.meta.after,
    ...(task.meta.owner ? { owner: task.meta.owner } : {}),
  };
}

function sectionHeading(task: Task): string {
  const section = task.section!;
  return section.number === null ? section.title : `${section.number}. ${section.title}`;
}

/**
 * Paths that exist link to the default branch (a directory as `tree/`, a file as `blob/`);
 * missing paths and commands do not link.
 */
function referenceUrl(reference: Reference, links: RepoLinks): string | null {
  if (reference.kind !== "path") return null;
  const path = normalizeReferencePath(reference.text);
  if (path === null) return null;
  if (links.existingPaths && !links.existingPaths.has(path)) return null;
  const kind = reference.text.endsWith("/") ? "tree" : "blob";
  return `${links.htmlUrl}/${kind}/${encodePath(links.defaultBranch)}/${encodePath(path)}`;
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
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
