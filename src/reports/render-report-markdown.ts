import type { Renderer } from "../render/create-renderer.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import { say, type Language } from "../render/i18n.js";
import type { ProgressResult } from "./progress.js";
import { renderGantt, renderLaneGantt, type GanttLabels } from "./render-gantt.js";
import type { StepPlanResult } from "./step-plan.js";
import type { SummaryResult } from "./summary.js";

/** The gantt chart's words in `lang`. */
export function translateGanttLabels(lang: Language): GanttLabels {
  return {
    milestones: say(lang, "gantt.milestones"),
    delivery: say(lang, "gantt.delivery"),
    noRole: say(lang, "noRole"),
    axisFormat: say(lang, "gantt.axisFormat"),
    axisFormatMonth: say(lang, "gantt.axisFormatMonth"),
  };
}

/** The progress report as Markdown (`templates/<lang>/progress.hbs`). */
export function renderProgress(
  result: ProgressResult,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("progress", lang, result);
}

/**
 * The step plan as Markdown (`templates/<lang>/step-plan.hbs`): the overview gantt chart in a
 * ```` ```mermaid ```` fence, then each role folded in `<details>` with its own chart and table.
 */
export function renderStepPlan(
  result: StepPlanResult,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  const labels = translateGanttLabels(lang);
  return renderer.render("step-plan", lang, {
    ...result,
    gantt: renderGantt(result, labels),
    lanes: result.lanes.map((lane) => ({
      ...lane,
      chart: renderLaneGantt(result, lane, labels),
      critical: lane.tasks.some((task) => task.critical),
      atRisk: lane.tasks.some((task) => task.atRisk),
    })),
  });
}

/** The summary as Markdown (`templates/<lang>/summary.hbs`). */
export function renderSummary(
  result: SummaryResult,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("summary", lang, result);
}
