import { lintPlan, type LintProblem } from "../checklist/lint.js";
import type { Plan } from "../checklist/types.js";
import { formatCount } from "../render/format-values.js";
import type { CliOptions } from "./cli-args.js";
import { EXIT, type CliIo } from "./cli-io.js";
import type { Output } from "./output-mode.js";

/** `nova lint [--fix]`: every problem as `file:line:column: severity: message`. */
export async function runLint(
  plan: Plan,
  options: CliOptions,
  path: string,
  output: Output,
  io: CliIo,
): Promise<number> {
  const problems = lintPlan(plan, { file: options.checklist, lang: options.lang });
  if (options.fix) {
    const fixed = applyMojibakeFixes(plan.source, problems);
    if (fixed !== plan.source) await io.writeFile(path, fixed);
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  if (output.mode === "json") {
    io.stdout(
      `${JSON.stringify({ problems, errors, warnings: problems.length - errors, fixed: options.fix }, null, 2)}\n`,
    );
  } else {
    io.stdout(renderLintReport(problems, errors, options, output));
  }
  return errors > 0 ? EXIT.lintErrors : EXIT.ok;
}

/** Replaces each garbled line with its repair; every other byte, line endings included, stays. */
function applyMojibakeFixes(source: string, problems: readonly LintProblem[]): string {
  const fixes = new Map(
    problems
      .filter((p) => p.code === "mojibake" && p.fix !== undefined)
      .map((p) => [p.line, p.fix!]),
  );
  if (fixes.size === 0) return source;
  return source
    .split("\n")
    .map((line, index) => {
      const fix = fixes.get(index + 1);
      if (fix === undefined) return line;
      return line.endsWith("\r") ? `${fix}\r` : fix;
    })
    .join("\n");
}

/** The lint lines; in a terminal the locations are bold and the severities coloured. */
export function renderLintReport(
  problems: readonly LintProblem[],
  errors: number,
  options: CliOptions,
  { style }: Pick<Output, "style">,
): string {
  const en = options.lang === "en";
  const severity = (p: LintProblem) =>
    p.severity === "error"
      ? style.red(en ? "error" : "Fehler")
      : style.yellow(en ? "warning" : "Warnung");
  const lines = problems.map(
    (p) => `${style.bold(`${p.file}:${p.line}:${p.column}`)}: ${severity(p)}: ${p.message}`,
  );
  const warnings = problems.length - errors;
  if (problems.length === 0)
    lines.push(en ? `${options.checklist}: no problems.` : `${options.checklist}: keine Probleme.`);
  else
    lines.push(
      en
        ? `${formatCount(errors, "error", "errors", "en")}, ${formatCount(warnings, "warning", "warnings", "en")}.`
        : `${formatCount(errors, "Fehler", "Fehler", "de")}, ${formatCount(warnings, "Warnung", "Warnungen", "de")}.`,
    );
  if (options.fix)
    lines.push(en ? "Mojibake repaired in the file." : "Zeichensalat in der Datei repariert.");
  return `${lines.join("\n")}\n`;
}
