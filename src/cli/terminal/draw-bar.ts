import { renderBar } from "../../render/render-bar.js";
import type { Style } from "../../render/ansi-style.js";

/** A progress bar, the done part green and the rest dim (the same bar the Markdown shows). */
export function drawBar(percent: number, style: Style, width = 20): string {
  const bar = renderBar(percent, width);
  const filled = bar.indexOf("░") < 0 ? bar.length : bar.indexOf("░");
  return style.green(bar.slice(0, filled)) + style.dim(bar.slice(filled));
}
