import type { FakeRepo } from "../fake-repo.js";
import type { FakeState } from "../fake-state.js";
import { GitHubError, notFound } from "../github-error.js";
import type { Page } from "../paginate.js";
import type { Actor, UserRecord } from "../records.js";

/** Everything a handler gets for one validated, authenticated request. */
export interface HandlerContext {
  state: FakeState;
  /** Path and query parameters, coerced to their schema types. */
  params: Record<string, unknown>;
  /** The parsed JSON body (already valid against the operation's schema), or undefined. */
  body: unknown;
  actor: Actor;
  /** The absolute request URL (pagination links are built from it). */
  url: URL;
  /** The `Accept` header, for media types such as `application/vnd.github.raw`. */
  accept: string;
  /** The repository for `/repos/{owner}/{repo}/…` routes, already checked for access. */
  repo: FakeRepo | undefined;
}

/** An answer: status, JSON body (or a string for raw media types) and extra headers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (context: HandlerContext) => FakeResponse;

/** A JSON answer. */
export function reply(
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): FakeResponse {
  return { status, body, ...(headers === undefined ? {} : { headers }) };
}

/** A 200 answer with one page of a list and its `Link` header. */
export function replyPage(page: Page<unknown>): FakeResponse {
  return reply(200, page.items, page.link === undefined ? undefined : { link: page.link });
}

/** The repository of a `/repos/{owner}/{repo}` route. */
export function requireRepo(context: HandlerContext): FakeRepo {
  if (context.repo === undefined) throw notFound();
  return context.repo;
}

/** The account the request acts as: the app's bot for installation tokens, or the user. */
export function actingUser(context: HandlerContext): UserRecord {
  if (context.actor.kind === "app") {
    throw new GitHubError(403, "A JSON web token cannot act as a user");
  }
  return context.actor.user;
}

/** A path or query parameter the schema declares as integer. */
export function intParam(context: HandlerContext, name: string): number {
  const value = context.params[name];
  if (typeof value !== "number") throw notFound();
  return value;
}

/** A path or query parameter as a string (undefined when absent). */
export function stringParam(context: HandlerContext, name: string): string | undefined {
  const value = context.params[name];
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

/** The request body as an object of known shape (validated against the schema before). */
export function bodyOf<T>(context: HandlerContext): T {
  return (context.body ?? {}) as T;
}

/** Base64 as GitHub writes it in contents and blobs: wrapped at 60 characters with `\n`. */
export function toGitHubBase64(content: Buffer): string {
  const flat = content.toString("base64");
  const lines = flat.match(/.{1,60}/g) ?? [];
  return lines.map((line) => `${line}\n`).join("");
}
