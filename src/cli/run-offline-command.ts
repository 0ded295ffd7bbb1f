import { resolve } from "node:path";
import { parsePlan } from "../checklist/parse-plan.js";
import { computeProgress } from "../reports/progress.js";
import { computeStepPlan } from "../reports/step-plan.js";
import { computeSummary } from "../reports/summary.js";
import { formatDateInZone, resolveDelivery } from "../reports/working-days.js";
import type { CliOptions } from "./cli-args.js";
import { EXIT, type CliIo } from "./cli-io.js";
import { listTasks, toTaskJson } from "./list-tasks.js";
import { decideOutput } from "./output-mode.js";
import { renderTasksMarkdown, renderTasksText } from "./render-tasks.js";
import { runLint } from "./run-lint.js";

/**
 * The commands that work on a checklist file alone: read, parse, compute, print. The Markdown
 * renderers (handlebars, templates) and the terminal ones are loaded only for the format asked.
 */
export async function runOfflineCommand(
  options: CliOptions & {
    command: "lint" | "progress" | "step-plan" | "summary" | "plan" | "tasks";
  },
  io: CliIo,
): Promise<number> {
  const path = resolve(io.cwd, options.checklist);
  const plan = parsePlan(await io.readFile(path));
  const output = decideOutput(options, io);
  const { lang } = options;
  const print = async (
    value: unknown,
    markdown: (md: typeof import("../reports/render-report-markdown.js")) => string,
    text: (terminal: typeof import("./terminal/render-reports-text.js")) => string,
  ): Promise<number> => {
    if (output.mode === "json") io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    else if (output.mode === "md")
      io.stdout(ensureNewline(markdown(await import("../reports/render-report-markdown.js"))));
    else io.stdout(ensureNewline(text(await import("./terminal/render-reports-text.js"))));
    return EXIT.ok;
  };

  switch (options.command) {
    case "lint":
      return runLint(plan, options, path, output, io);
    case "tasks": {
      const rows = listTasks(plan);
      if (output.mode === "json") io.stdout(`${JSON.stringify(toTaskJson(rows), null, 2)}\n`);
      else if (output.mode === "md") io.stdout(renderTasksMarkdown(rows, lang));
      else io.stdout(renderTasksText(rows, lang, output.style, output.width));
      return EXIT.ok;
    }
    case "progress": {
      const result = computeProgress(plan);
      return print(
        result,
        (md) => md.renderProgress(result, lang),
        (t) => t.renderProgressText(result, lang, output.style, output.width),
      );
    }
    case "step-plan": {
      const result = computeStepPlan(plan, {
        ...datesFor(options, io),
        ...(options.role ? { role: options.role } : {}),
      });
      return print(
        result,
        (md) => md.renderStepPlan(result, lang),
        (t) => t.renderStepPlanText(result, lang, output.style, output.width),
      );
    }
    case "summary": {
      const result = computeSummary(plan, { ...datesFor(options, io), limit: options.limit });
      return print(
        result,
        (md) => md.renderSummary(result, lang),
        (t) => t.renderSummaryText(result, lang, output.style),
      );
    }
    case "plan": {
      const { planFirstSync } = await import("./plan-first-sync.js");
      const { renderSyncPlan } = await import("../sync/first-sync-preview.js");
      const result = planFirstSync(plan, options);
      return print(
        result,
        () => renderSyncPlan(result, lang),
        (t) => t.renderSyncPlanText(result, lang, output.style, output.width),
      );
    }
  }
}

function datesFor(options: CliOptions, io: CliIo): { today: string; delivery: string } {
  // The CLI reads no configuration: its "today" is the team's, in Europe/Berlin.
  const today = options.today ?? formatDateInZone(io.now().getTime(), "Europe/Berlin");
  return { today, delivery: resolveDelivery(today, options.delivery) };
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
