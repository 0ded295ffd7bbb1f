import type { ApplicationFunctionOptions, Probot } from "probot";

/**
 * Nova's Probot app entry: it wires webhook handlers and HTTP routes and holds no logic.
 *
 * `npm start` builds this file to `lib/index.js` and runs it with `probot run`, which reads the
 * standard Probot environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, …; see
 * docs/setup.md). Probot's own server already answers `GET /ping` with `PONG` and verifies webhook
 * signatures before any handler runs.
 *
 * Nothing is wired yet. Later issues add, each as a thin handler that calls one use-case:
 * - `push` to the default branch touching the checklist: sync tasks into issues and the board;
 * - `installation_repositories.added`: the first sync of a newly installed repository;
 * - `issues.closed` / `issues.reopened`: write the task state back into the checklist (bot PR);
 * - `issue_comment.created`: `/nova …` slash commands (progress, step plan, summary, …);
 * - `pull_request.closed`: notice merged bot pull requests;
 * - HTTP routes via `options.addHandler`: the runner upload endpoint, `/healthz`, `/metrics`.
 */
export default function nova(app: Probot, options: ApplicationFunctionOptions): void {
  app.log.info({ cwd: options.cwd }, "Nova loaded; no handlers are wired yet");
}
