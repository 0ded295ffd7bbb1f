import type { Clock } from "./clock.js";
import { formatTimestamp } from "./clock.js";
import type { FakeRepo } from "./fake-repo.js";
import type { AppInfo, InstallationRecord, UserRecord } from "./records.js";
import type { GitHubServer, IdKind, RepoContext } from "./repo-context.js";
import { ID_BASES } from "./repo-context.js";

/** A token the fake accepts, and whom it acts as. */
export type TokenRecord =
  | { kind: "installation"; installationId: number; expiresAt: string }
  | { kind: "user"; login: string };

/**
 * Everything the fake knows beyond single repositories: the app, installations, tokens, users,
 * id counters, the clock and the base URL answers point at. Repositories hold their own state.
 */
export class FakeState implements RepoContext {
  readonly repos: FakeRepo[] = [];
  readonly installations = new Map<number, InstallationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  /** `http://127.0.0.1:<port>`, set when the server listens. */
  baseUrl = "";
  /**
   * Which GitHub the fake plays: api.github.com, or GitHub Enterprise Server 3.19, which has
   * issue dependencies and milestones but no sub-issues (no routes, no fields in issues).
   */
  server: GitHubServer = "github.com";
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
