/**
 * A task id as the checklist writes it (`id=` or a slug): lowercase letters and digits in
 * groups joined by single hyphens. A report's `target.task` must have this form; the app's
 * checklist parser uses the same pattern (src/checklist/slugify.ts re-exports it).
 */
export const TASK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
