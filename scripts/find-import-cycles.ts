/**
 * Finds import cycles among the repository's TypeScript modules (part of `npm run lint`):
 *
 *   tsx scripts/find-import-cycles.ts            # src/, packages/, bench/, scripts/, test/
 *   tsx scripts/find-import-cycles.ts src        # only these folders
 *
 * Every import counts, type-only ones included (`import type`, `export type ... from`,
 * `import("...")` in a type, a lazy `await import(...)`): a cycle of types still means two modules
 * that cannot be understood, moved or tested one without the other. The graph comes from the
 * TypeScript compiler's own import scanner (`ts.preProcessFile`), which reads one file at a time
 * without type checking, so the whole repository takes well under a second. Only relative imports
 * are followed; a package (`probot`, `@nova/protocol`) cannot be part of a cycle of this tree.
 * Exits 1 and prints each cycle when there is one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Module -> the modules it imports (repository-relative paths). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** What `npm run lint` checks: every folder of the repository's own TypeScript. */
export const DEFAULT_ROOTS = ["src", "packages", "bench", "scripts", "test"];
/** Build output, and fixtures (`test/fixtures/import-cycle` is a cycle on purpose). */
const SKIPPED_FOLDERS = new Set(["node_modules", "lib", "dist", "coverage", "fixtures"]);

/** The TypeScript files below `root` (folders of build output and fixtures left out). */
export function listTypeScriptFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  if (statSync(root).isFile()) return isTypeScript(root) ? [root] : [];
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) return [];
    return entry.isDirectory() || isTypeScript(entry.name)
      ? listTypeScriptFiles(join(root, entry.name))
      : [];
  });
}

function isTypeScript(name: string): boolean {
  return /\.[cm]?ts$/.test(name) && !/\.d\.[cm]?ts$/.test(name);
}

/** The module a relative specifier names: `./a.js` is `./a.ts` in the sources, `./dir` its index. */
function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const base = join(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.(c|m)?js$/, (_, kind: string | undefined) => `.${kind ?? ""}ts`),
    `${base}.ts`,
    join(base, "index.ts"),
  ];
  return candidates.find((candidate) => known.has(candidate));
}

/**
 * The import graph of `files`, each read with `readText`: every `import`, `export ... from`,
 * dynamic `import()` and type-position `import("...")`, type-only ones included.
 */
export function readImportGraph(
  files: readonly string[],
  readText: (file: string) => string,
): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readText(file), true, false);
    const targets = importedFiles
      .map((imported) => resolveSpecifier(file, imported.fileName, known))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles of `graph`: each strongly connected component with more than one module (or a
 * module that imports itself), as one path through it that returns to its start, e.g.
 * `[a, b, a]`. Tarjan's algorithm, iterative so a deep tree cannot overflow the stack.
 */
export function findImportCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfImport) components.push(component);
      }
    }
  }
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** A shortest path from the component's first module (by name) back to itself, inside it. */
function cyclePath(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let step = node; step !== start; step = previous.get(step)!) path.unshift(step);
        return [start, ...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

function main(argv: string[]): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const roots = argv.length > 0 ? argv : DEFAULT_ROOTS;
  const files = roots.flatMap((folder) => listTypeScriptFiles(join(root, folder)));
  const graph = readImportGraph(
    files.map((file) => relative(root, file)),
    (file) => readFileSync(join(root, file), "utf8"),
  );
  const cycles = findImportCycles(graph);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(" -> ")}`);
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s) among ${graph.size} modules`);
    return 1;
  }
  console.log(`no import cycles among ${graph.size} modules`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
