import type { Clock } from "./clock.js";
import { formatTimestamp } from "./clock.js";
import type { FakeRepo } from "./fake-repo.js";
import type { UserRecord } from "./records.js";

/** The GitHub App the fake plays. */
export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  owner: string;
}

export interface InstallationRecord {
  id: number;
  account: UserRecord;
}

/** A token the fake accepts, and whom it acts as. */
export type TokenRecord =
  | { kind: "installation"; installationId: number; expiresAt: string }
  | { kind: "user"; login: string };

/** Id ranges per kind, so an id in a failure message says what it is. */
const ID_BASES = {
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

/**
 * Everything the fake knows beyond single repositories: the app, installations, tokens, users,
 * id counters, the clock and the base URL answers point at. Repositories hold their own state.
 */
export class FakeState {
  readonly repos: FakeRepo[] = [];
  readonly installations = new Map<number, InstallationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  /** `http://127.0.0.1:<port>`, set when the server listens. */
  baseUrl = "";
  /**
   * Which GitHub the fake plays: api.github.com, or GitHub Enterprise Server 3.19, which has
   * issue dependencies and milestones but no sub-issues (no routes, no fields in issues).
   */
  server: "github.com" | "ghes-3.19" = "github.com";
  readonly #users = new Map<string, UserRecord>();
  readonly #ids = new Map<IdKind, number>();
  #tokenCount = 0;

  constructor(
    readonly clock: Clock,
    readonly app: AppInfo,
  ) {}

  /** The next id of a kind (deterministic: counts up from the kind's base). */
  nextId(kind: IdKind): number {
    const next = (this.#ids.get(kind) ?? ID_BASES[kind]) + 1;
    this.#ids.set(kind, next);
    return next;
  }

  /** The account with this login, created on first use (logins are case-insensitive). */
  user(login: string, type: UserRecord["type"] = "User"): UserRecord {
    const key = login.toLowerCase();
    let user = this.#users.get(key);
    if (user === undefined) {
      user = { login, id: this.nextId("user"), type: login.endsWith("[bot]") ? "Bot" : type };
      this.#users.set(key, user);
    }
    return user;
  }

  /** The app's bot account, `<slug>[bot]`, which installation tokens act as. */
  botUser(): UserRecord {
    return this.user(`${this.app.slug}[bot]`, "Bot");
  }

  /** The current time in GitHub's format. */
  now(): string {
    return formatTimestamp(this.clock.now());
  }

  /** Finds a repository by owner and name, case-insensitively as GitHub does. */
  findRepo(owner: string, name: string): FakeRepo | undefined {
    const fullName = `${owner}/${name}`.toLowerCase();
    return this.repos.find((repo) => repo.fullName.toLowerCase() === fullName);
  }

  /** Issues a fresh installation token; `expiresAt` says an hour from the fake's clock. */
  issueInstallationToken(installationId: number): { token: string; expiresAt: string } {
    this.#tokenCount += 1;
    const token = `ghs_fake${String(installationId)}x${String(this.#tokenCount).padStart(8, "0")}`;
    const expiresAt = formatTimestamp(new Date(this.clock.now().getTime() + 60 * 60 * 1000));
    this.tokens.set(token, { kind: "installation", installationId, expiresAt });
    return { token, expiresAt };
  }
}
