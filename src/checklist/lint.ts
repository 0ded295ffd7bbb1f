import type { Language } from "../render/i18n.js";
import { renderLintMessage, type LintFacts } from "./lint-messages.js";
import { detectMojibake } from "./repair-text.js";
import type { Plan, SourcePoint, Task } from "./types.js";

export type LintSeverity = "error" | "warning";

export type LintCode =
  | "mojibake"
  | "duplicate-id"
  | "unknown-dependency"
  | "dependency-cycle"
  | "task-without-title"
  | "meta-malformed"
  | "meta-unknown-key"
  | "task-outside-section"
  | "plan-limit";

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  severity: LintSeverity;
  code: LintCode;
  message: string;
  /** For mojibake: the whole line as it should read. */
  fix?: string;
}

const SEVERITY: Record<LintCode, LintSeverity> = {
  // Nova repairs mojibake when it reads the plan, so it does not block a sync.
  mojibake: "warning",
  "duplicate-id": "error",
  "unknown-dependency": "error",
  "dependency-cycle": "error",
  "task-without-title": "error",
  "meta-malformed": "error",
  "meta-unknown-key": "warning",
  "task-outside-section": "warning",
  // Over a limit the plan is read only in part (or not at all): never sync that.
  "plan-limit": "error",
};

export interface LintOptions {
  /** The file name shown in `file:line:column`. */
  file: string;
  lang: Language;
}

/**
 * Every problem of a plan, sorted by position, each with `file:line:column`, a severity and a
 * message in the requested language. Pure; never throws for a plan `parsePlan` returned.
 */
export function lintPlan(plan: Plan, options: LintOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (
    code: LintCode,
    point: Pick<SourcePoint, "line" | "column">,
    facts: LintFacts = {},
    fix?: string,
  ) =>
    problems.push({
      file: options.file,
      line: point.line,
      column: point.column,
      severity: SEVERITY[code],
      code,
      message: renderLintMessage(code, facts, options.lang),
      ...(fix !== undefined ? { fix } : {}),
    });

  lintMojibake(plan.source, report);
  for (const issue of plan.issues) {
    report(issue.code, issue.point, {
      ...(issue.key !== undefined ? { key: issue.key } : {}),
      ...(issue.value !== undefined ? { value: issue.value } : {}),
      ...(issue.rule !== undefined ? { rule: issue.rule } : {}),
      ...(issue.limit !== undefined ? { limit: issue.limit, amount: issue.found ?? 0 } : {}),
    });
  }
  const tasks = flattenTasks(plan.tasks);
  const firstById = new Map<string, Task>();
  for (const task of tasks) {
    const first = firstById.get(task.id);
    if (first) report("duplicate-id", task.span.start, { id: task.id, otherLine: first.line });
    else firstById.set(task.id, task);
  }
  for (const task of tasks) {
    for (const dependency of task.meta.after) {
      if (!firstById.has(dependency))
        report("unknown-dependency", metaPoint(task), { id: dependency });
    }
  }
  for (const cycle of findDependencyCycles(tasks)) {
    const first = firstById.get(cycle[0]!);
    if (first) report("dependency-cycle", metaPoint(first), { cycle: [...cycle, cycle[0]!] });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** All tasks including subtasks, depth first in document order. */
export function flattenTasks(tasks: readonly Task[]): Task[] {
  // Pushed into one array: `flatMap` with a spread built two arrays per task.
  const all: Task[] = [];
  const visit = (list: readonly Task[]) => {
    for (const task of list) {
      all.push(task);
      if (task.subtasks.length > 0) visit(task.subtasks);
    }
  };
  visit(tasks);
  return all;
}

/**
 * The dependency cycles among tasks: one cycle (a list of ids, in dependency order) per
 * strongly connected component with more than one task, or a task that depends on itself.
 * Iterative Tarjan, so a 10,000-task chain cannot overflow the stack; on integer node numbers
 * (ids numbered once, in plan order) rather than maps and sets of ids.
 */
export function findDependencyCycles(tasks: readonly Task[]): string[][] {
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const owners: Task[] = [];
  for (const task of tasks)
    if (!numbers.has(task.id)) {
      numbers.set(task.id, ids.length);
      ids.push(task.id);
      owners.push(task);
    }
  const count = ids.length;
  // Each node's dependencies as node numbers; unknown ids are reported separately.
  const edges: number[][] = [];
  for (const task of owners) {
    const targets: number[] = [];
    for (const id of task.meta.after) {
      const target = id === "" ? undefined : numbers.get(id);
      if (target !== undefined) targets.push(target);
    }
    edges.push(targets);
  }
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const workNode: number[] = [];
  const workNext: number[] = [];

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    workNode.push(root);
    workNext.push(0);
    index[root] = counter;
    low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (workNode.length > 0) {
      const top = workNode.length - 1;
      const node = workNode[top]!;
      const targets = edges[node]!;
      const next = workNext[top]!;
      if (next < targets.length) {
        workNext[top] = next + 1;
        const target = targets[next]!;
        if (index[target] === -1) {
          index[target] = counter;
          low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          workNode.push(target);
          workNext.push(0);
        } else if (onStack[target] === 1) {
          low[node] = Math.min(low[node]!, index[target]!);
        }
        continue;
      }
      workNode.pop();
      workNext.pop();
      if (workNode.length > 0) {
        const parent = workNode[workNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] !== index[node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      const selfLoop = component.length === 1 && targets.includes(node);
      if (component.length > 1 || selfLoop)
        cycles.push(orderCycle(component, edges).map((number) => ids[number]!));
    }
  }
  return cycles;
}

/**
 * Orders a component's nodes as a walk along dependency edges, starting from its first node in
 * the plan (the lowest number: nodes are numbered in plan order).
 */
function orderCycle(component: number[], edges: readonly number[][]): number[] {
  const members = new Set(component);
  let start = component[0]!;
  for (const node of component) if (node < start) start = node;
  const path = [start];
  const seen = new Set(path);
  let current = start;
  for (;;) {
    const next = edges[current]!.find(
      (node) => members.has(node) && (!seen.has(node) || node === start),
    );
    if (next === undefined || next === start) break;
    path.push(next);
    seen.add(next);
    current = next;
  }
  return path;
}

function metaPoint(task: Task): SourcePoint {
  return task.metaComment?.span.start ?? task.span.start;
}

/**
 * One warning per garbled line, pointing at the first garbled character, with the repaired line.
 * The code page is detected once for the whole file: a single line is often ambiguous
 * (`Ã¤` reads the same through Windows-1252 and Windows-1254), the file as a whole is not.
 */
function lintMojibake(
  source: string,
  report: (
    code: LintCode,
    point: { line: number; column: number },
    facts: LintFacts,
    fix?: string,
  ) => void,
): void {
  const finding = detectMojibake(source);
  if (!finding) return;
  // Repair never touches ASCII, so line breaks stay where they were.
  const fixedLines = finding.fixed.split("\n");
  source.split("\n").forEach((rawLine, index) => {
    const fixedLine = fixedLines[index] ?? rawLine;
    if (fixedLine === rawLine) return;
    const line = stripCr(rawLine);
    const fix = stripCr(fixedLine);
    const { found, fixed, column } = describeChange(line, fix);
    report(
      "mojibake",
      { line: index + 1, column },
      { found, fixed, codePages: finding.codePages },
      fix,
    );
  });
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** The smallest word-aligned region that differs between a line and its repair. */
function describeChange(
  line: string,
  fixed: string,
): { found: string; fixed: string; column: number } {
  let start = 0;
  while (start < line.length && line[start] === fixed[start]) start++;
  let endLine = line.length;
  let endFixed = fixed.length;
  while (endLine > start && endFixed > start && line[endLine - 1] === fixed[endFixed - 1]) {
    endLine--;
    endFixed--;
  }
  while (start > 0 && /\S/.test(line[start - 1]!)) start--;
  while (endLine < line.length && /\S/.test(line[endLine]!)) {
    endLine++;
    endFixed++;
  }
  const excerpt = (text: string, end: number) => {
    const part = text.slice(start, end);
    return part.length > 80 ? `${part.slice(0, 77)}…` : part;
  };
  return { found: excerpt(line, endLine), fixed: excerpt(fixed, endFixed), column: start + 1 };
}
