import { lintPlan, type LintProblem } from "../checklist/lint.js";
import type { Plan } from "../checklist/types.js";
import { formatNumber } from "../render/format-values.js";
import type { CliOptions } from "./cli-args.js";
import { EXIT, type CliIo } from "./cli-io.js";
import type { Output } from "./output-mode.js";
import { say } from "../render/i18n.js";

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
  const { lang } = options;
  const severity = (p: LintProblem) =>
    p.severity === "error"
      ? style.red(say(lang, "cli.lint.error"))
      : style.yellow(say(lang, "cli.lint.warning"));
  const lines = problems.map(
    (p) => `${style.bold(`${p.file}:${p.line}:${p.column}`)}: ${severity(p)}: ${p.message}`,
  );
  const warnings = problems.length - errors;
  if (problems.length === 0)
    lines.push(say(lang, "cli.lint.clean", { checklist: options.checklist }));
  else
    lines.push(
      say(lang, "cli.lint.counts", {
        errors: say(lang, "cli.lint.errors", {
          count: errors,
          number: formatNumber(errors, lang),
        }),
        warnings: say(lang, "cli.lint.warnings", {
          count: warnings,
          number: formatNumber(warnings, lang),
        }),
      }),
    );
  if (options.fix) lines.push(say(lang, "cli.lint.fixed"));
  return `${lines.join("\n")}\n`;
}
