import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Context, Probot } from "probot";

/**
 * Webhook deliveries built from GitHub's real example payloads (`@octokit/webhooks-examples`)
 * and signed like GitHub signs them.
 */

/** Every webhook name Probot routes: `push`, `issues`, `issues.closed`, … (a typo fails to compile). */
export type WebhookName = Extract<Parameters<Probot["on"]>[0], string>;

/** The payload type Probot hands a handler for this name. */
export type WebhookPayload<N extends WebhookName> = Context<N>["payload"];

/** The `X-GitHub-Event` header for a name: the part before the dot. */
export type WebhookEvent<N extends WebhookName> = N extends `${infer E}.${string}` ? E : N;

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

let examplesCache: ExampleGroup[] | undefined;

/** The examples package: a JSON array of `{ name, examples }` (4 MB, read once). */
function loadExampleGroups(): ExampleGroup[] {
  if (examplesCache === undefined) {
    // The package's entry is a JSON file; reading it avoids JSON-module import attributes,
    // which jest's ESM mode and `tsc` treat differently.
    const path = createRequire(import.meta.url).resolve("@octokit/webhooks-examples");
    examplesCache = JSON.parse(readFileSync(path, "utf8")) as ExampleGroup[];
  }
  return examplesCache;
}

/** Picks one example among several: by position, or the first the predicate accepts. */
export type ExampleSelector = number | ((payload: Record<string, unknown>) => boolean);

/**
 * A deep copy of a real example payload for `name`. For `event.action` names it is an example
 * with that action; where the package has none (it has no `issues.closed`), it is the event's
 * first example with `action` set, and the caller supplies the changed objects (see
 * {@link adjustWebhookPayload}'s `set`). Throws for an event without examples.
 */
export function loadWebhookExample<N extends WebhookName>(
  name: N,
  select: ExampleSelector = 0,
): WebhookPayload<N> {
  const [event, action] = name.split(".") as [string, string | undefined];
  const group = loadExampleGroups().find((candidate) => candidate.name === event);
  if (group === undefined || group.examples.length === 0) {
    throw new Error(`@octokit/webhooks-examples has no example for "${event}"`);
  }
  const withAction =
    action === undefined ? group.examples : group.examples.filter((e) => e.action === action);
  const candidates = withAction.length > 0 ? withAction : group.examples;
  const example =
    typeof select === "number" ? candidates[select] : candidates.find((e) => select(e));
  if (example === undefined) {
    throw new Error(`No example for "${name}" matches the selector`);
  }
  const payload = structuredClone(example);
  if (action !== undefined) payload.action = action;
  return payload;
}

/** An account as adjustments name it; missing fields keep the example's values. */
export interface WebhookAccount {
  login: string;
  id?: number;
  type?: "User" | "Bot" | "Organization";
}

/** A commit of a `push` payload. */
export interface WebhookCommit {
  id: string;
  tree_id: string;
  message: string;
  timestamp: string;
  author: { name: string; email: string; username?: string };
  committer: { name: string; email: string; username?: string };
  added: string[];
  removed: string[];
  modified: string[];
}

export interface WebhookAdjustments {
  /** Rename the example's repository (URLs follow). */
  owner?: string;
  repo?: string;
  /** Fields to set on `repository` after renaming (e.g. a fake repository's rendered JSON). */
  repository?: Record<string, unknown>;
  /** Sets `installation: { id, node_id }`. */
  installationId?: number;
  sender?: WebhookAccount | Record<string, unknown>;
  /** For `push`: the commits; `head_commit` becomes the last one (null when empty). */
  commits?: WebhookCommit[];
  /** Top-level fields to set last (`ref`, `before`, `after`, `issue`, `comment`, …). */
  set?: Record<string, unknown>;
}

/**
 * Adjusts a payload to a test's world: repository owner/name (every URL of the example's
 * repository is rewritten too), installation id, sender, push commits and any top-level field.
 * Returns a new object; the input is not changed.
 */
export function adjustWebhookPayload<P extends object>(
  payload: P,
  adjustments: WebhookAdjustments,
): P {
  let result = structuredClone(payload) as Record<string, unknown>;
  const repository = result.repository as Record<string, unknown> | undefined;
  if (
    repository !== undefined &&
    (adjustments.owner !== undefined || adjustments.repo !== undefined)
  ) {
    const oldFullName = String(repository.full_name);
    const [oldOwner = "", oldName = ""] = oldFullName.split("/");
    const owner = adjustments.owner ?? oldOwner;
    const name = adjustments.repo ?? oldName;
    // Every URL of the repository anywhere in the payload (`/o/r`, and `:o/r` in ssh_url).
    const pattern = new RegExp(`([/:])${escapeRegExp(oldFullName)}(?=[/.?#{"]|$)`, "g");
    result = JSON.parse(JSON.stringify(result).replace(pattern, `$1${owner}/${name}`)) as Record<
      string,
      unknown
    >;
    const renamed = result.repository as Record<string, unknown>;
    renamed.name = name;
    renamed.full_name = `${owner}/${name}`;
    const repoOwner = renamed.owner as Record<string, unknown>;
    renameAccount(repoOwner, owner);
    if ("name" in repoOwner) repoOwner.name = owner;
  }
  if (adjustments.repository !== undefined) {
    result.repository = { ...(result.repository as object), ...adjustments.repository };
  }
  if (adjustments.installationId !== undefined) {
    result.installation = {
      id: adjustments.installationId,
      node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${adjustments.installationId}`,
    };
  }
  if (adjustments.sender !== undefined) {
    const sender = { ...(result.sender as Record<string, unknown>) };
    if (typeof adjustments.sender.login === "string")
      renameAccount(sender, adjustments.sender.login);
    result.sender = { ...sender, ...adjustments.sender };
  }
  if (adjustments.commits !== undefined) {
    result.commits = adjustments.commits.map((commit) => ({
      ...commit,
      distinct: true,
      url: `https://github.com/${fullNameOf(result)}/commit/${commit.id}`,
    }));
    const commits = result.commits as unknown[];
    result.head_commit = commits.at(-1) ?? null;
  }
  Object.assign(result, adjustments.set ?? {});
  return result as P;
}

/** {@link loadWebhookExample} followed by {@link adjustWebhookPayload}. */
export function createWebhookPayload<N extends WebhookName>(
  name: N,
  adjustments: WebhookAdjustments,
  select: ExampleSelector = 0,
): WebhookPayload<N> {
  return adjustWebhookPayload(loadWebhookExample(name, select), adjustments);
}

/** GitHub's `X-Hub-Signature-256` value for a body. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * POSTs a payload to a webhook endpoint the way GitHub delivers it: JSON body, `X-GitHub-Event`
 * (the event part of `name`), `X-GitHub-Delivery` and `X-Hub-Signature-256` (HMAC-SHA256 of the
 * exact body with the secret). Returns the response status.
 * See https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
 */
export async function deliverWebhook<N extends WebhookName>(
  url: string,
  secret: string,
  name: N,
  payload: WebhookPayload<N> | Record<string, unknown>,
  options: { id?: string } = {},
): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/fake",
      "x-github-event": name.split(".")[0] ?? name,
      "x-github-delivery": options.id ?? "00000000-0000-4000-8000-000000000000",
      "x-hub-signature-256": signWebhookBody(body, secret),
    },
    body,
  });
  // Drain the body so the connection can be reused or closed.
  await response.arrayBuffer();
  return response.status;
}

/** Sets an account's login and rewrites its own URLs (`…/users/<login>…`) to match. */
function renameAccount(account: Record<string, unknown>, login: string): void {
  const old = account.login;
  if (typeof old !== "string" || old === login) return;
  const pattern = new RegExp(`/${escapeRegExp(old)}(?=[/?{]|$)`, "g");
  for (const [key, value] of Object.entries(account)) {
    if (key.endsWith("url") && typeof value === "string")
      account[key] = value.replace(pattern, `/${login}`);
  }
  account.login = login;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function fullNameOf(payload: Record<string, unknown>): string {
  const repository = payload.repository as { full_name?: string } | undefined;
  return repository?.full_name ?? "unknown/unknown";
}
