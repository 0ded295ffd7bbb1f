// The terminal renderers, one module to load when a command prints for a terminal.
export { renderProgressText } from "./render-progress-text.js";
export { renderStepPlanText } from "./render-step-plan-text.js";
export { renderSummaryText } from "./render-summary-text.js";
export { renderSyncPlanText } from "./render-sync-plan-text.js";
