import { appHandlers } from "./apps.js";
import { checkHandlers } from "./checks.js";
import { commentHandlers } from "./comments.js";
import { gitHandlers } from "./git.js";
import type { Handler } from "./handler-context.js";
import { issueHandlers } from "./issues.js";
import { pullHandlers } from "./pulls.js";
import { relationHandlers } from "./relations.js";
import { repoHandlers } from "./repos.js";

/** Every operation the fake answers, by `operationId` (a test checks it covers the fixture). */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...appHandlers,
  ...repoHandlers,
  ...gitHandlers,
  ...issueHandlers,
  ...commentHandlers,
  ...checkHandlers,
  ...pullHandlers,
  ...relationHandlers,
};

/** Operations that need the app's JWT rather than an installation or user token. */
export const APP_JWT_OPERATIONS: ReadonlySet<string> = new Set([
  "apps/get-authenticated",
  "apps/list-installations",
  "apps/create-installation-access-token",
  "apps/get-repo-installation",
]);
