/**
 * What a checklist may hold. A plan comes from anyone who can open a pull request, so every
 * dimension that drives the parser's time or memory is bounded, and a plan over a bound gets a
 * lint error that names it (docs/checklist-format.md, "Limits").
 */
export const PLAN_LIMITS = {
  /** Characters (UTF-16 code units) of the whole file: about 4 MB, 2.3 times the 10,000-task benchmark plan. */
  chars: 4_000_000,
  /** Tasks, subtasks included. */
  tasks: 20_000,
  /** Nested block quotes and list items around any line. */
  depth: 32,
} as const;

/** How long a plan from a pull request may take to parse before the preview gives up on it. */
export const PLAN_PARSE_BUDGET_MS = 15_000;

export type PlanLimit = keyof typeof PLAN_LIMITS | "markup";

/**
 * The deepest nesting that one line's own markers open (`> > - - x`: 4), found by a linear scan
 * before parsing. Nesting across lines needs indentation (two columns or more per level), so the
 * file-size bound bounds it; the parser's walk checks that depth as well.
 */
export function measureLineNesting(source: string): { depth: number; offset: number } {
  let deepest = { depth: 0, offset: 0 };
  let lineStart = 0;
  while (lineStart <= source.length) {
    let at = lineStart;
    let depth = 0;
    for (;;) {
      while (source.charAt(at) === " " || source.charAt(at) === "\t") at++;
      const char = source.charAt(at);
      if (char === ">") {
        at++;
        depth++;
        continue;
      }
      // A bullet (`-`, `+`, `*`) then a blank, a line break or the end; or 1-9 digits and `.`/`)`
      // then the same. Bullets and other lines are told by character codes (no slice, no match).
      const code = source.charCodeAt(at);
      if (code === 45 || code === 43 || code === 42) {
        if (!endsMarker(source, at + 1)) break;
        at++;
        depth++;
        continue;
      }
      if (!(code >= 48 && code <= 57)) break;
      const marker = /^\d{1,9}[.)](?=[ \t\r\n]|$)/.exec(source.slice(at, at + 11));
      if (!marker) break;
      at += marker[0].length;
      depth++;
    }
    if (depth > deepest.depth) deepest = { depth, offset: lineStart };
    const next = source.indexOf("\n", lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return deepest;
}

/** Whether a list marker may end before `at`: a blank, a line break or the end follows. */
function endsMarker(source: string, at: number): boolean {
  if (at >= source.length) return true;
  const code = source.charCodeAt(at);
  return code === 32 || code === 9 || code === 13 || code === 10;
}
