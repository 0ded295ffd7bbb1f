/**
 * The protocol's string patterns, without zod: the app's offline CLI and checklist parser import
 * them as `@nova/protocol/patterns`, so they do not load the report schema (zod) just for these.
 */

/**
 * A task id as the checklist writes it (`id=` or a slug): lowercase letters and digits in
 * groups joined by single hyphens. A report's `target.task` must have this form; the app's
 * checklist parser uses the same pattern (src/checklist/slugify.ts re-exports it).
 */
export const TASK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "owner/repo" as GitHub spells repository names. */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
