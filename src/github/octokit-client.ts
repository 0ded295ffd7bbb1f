import type { Octokit as OctokitCore } from "@octokit/core";
import type { PaginateInterface } from "@octokit/plugin-paginate-rest";
import type { Api } from "@octokit/plugin-rest-endpoint-methods";

/**
 * The Octokit client the adapters of src/github work with: `@octokit/core` with the REST
 * methods (`octokit.rest.*`) and pagination. Probot's `ProbotOctokit` (a webhook's
 * `context.octokit`, `app.auth(id)`, the CLI's client from src/app/create-cli-octokit.ts) is one,
 * with throttling and retry on top; naming the plugins instead of Probot keeps Probot in src/app.
 */
export type Octokit = OctokitCore & Api & { paginate: PaginateInterface };

/** A class of such clients (Probot's `ProbotOctokit`, or one derived from it). */
export type OctokitClass = typeof OctokitCore & (new (...args: never[]) => Octokit);
