import type { UserRecord } from "./records.js";

/** Id ranges per kind, so an id in a failure message says what it is. */
export const ID_BASES = {
  repo: 100_000,
  user: 200_000,
  issue: 300_000,
  label: 400_000,
  comment: 500_000,
  reaction: 600_000,
  checkRun: 700_000,
  pull: 800_000,
  milestone: 900_000,
} as const;

export type IdKind = keyof typeof ID_BASES;

/** Which GitHub the fake plays (see `FakeState.server`). */
export type GitHubServer = "github.com" | "ghes-3.19";

/**
 * What a repository, its issues and the JSON renderers need from the fake around them: ids,
 * accounts, the clock, the base URL answers point at and which GitHub is played. `FakeState`
 * is the one implementation; naming only this keeps those modules below it, so the state can
 * hold the repositories without an import cycle.
 */
export interface RepoContext {
  /** `http://127.0.0.1:<port>`, read at render time (it is set when the server listens). */
  readonly baseUrl: string;
  readonly server: GitHubServer;
  /** The next id of a kind (deterministic: counts up from the kind's base). */
  nextId(kind: IdKind): number;
  /** The account with this login, created on first use (logins are case-insensitive). */
  user(login: string, type?: UserRecord["type"]): UserRecord;
  /** The current time in GitHub's format. */
  now(): string;
}
