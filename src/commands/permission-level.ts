import { PERMISSION_LEVELS, type PermissionLevel } from "../config/schema.js";
import type { CollaboratorPermission } from "../github/vocabulary.js";

const isPermissionLevel = (value: unknown): value is PermissionLevel =>
  typeof value === "string" && (PERMISSION_LEVELS as readonly string[]).includes(value);

/**
 * The account's level on Nova's scale none < read < triage < write < maintain < admin.
 *
 * `role_name` is the precise role; the legacy `permission` folds `maintain` into `write` and
 * `triage` into `read`, so it is only the fallback, for custom repository roles: their
 * `role_name` is the custom name and `permission` the base role they inherit from, a safe lower
 * bound. Anything unrecognised is `none` (fail closed).
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
export function resolvePermissionLevel(answer: CollaboratorPermission): PermissionLevel {
  const role = answer.roleName?.toLowerCase();
  if (isPermissionLevel(role)) return role;
  const legacy = answer.permission.toLowerCase();
  return isPermissionLevel(legacy) ? legacy : "none";
}

/** Whether `actual` is at least `required`. */
export function meetsPermission(actual: PermissionLevel, required: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(required);
}
