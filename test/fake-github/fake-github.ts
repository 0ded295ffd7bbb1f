import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "./clock.js";
import { createManualClock } from "./clock.js";
import type { FailRule } from "./fail-injection.js";
import { FailureInjector } from "./fail-injection.js";
import type { SeedRepoOptions } from "./fake-repo.js";
import { FakeRepo } from "./fake-repo.js";
import type { AppInfo } from "./records.js";
import { FakeState } from "./fake-state.js";
import { GitHubError } from "./github-error.js";
import { answerGraphql } from "./graphql/answer-graphql.js";
import type { FakeResponse, HandlerContext } from "./handlers/handler-context.js";
import { APP_JWT_OPERATIONS, HANDLERS } from "./handlers/index.js";
import { SUB_ISSUE_OPERATIONS } from "./handlers/relations.js";
import { createRouteMatcher } from "./match-route.js";
import { loadOperationsFixture } from "./openapi-fixture.js";
import type { Actor } from "./records.js";
import type { RecordedRequest, Violation, ViolationKind } from "./recorded-request.js";
import { createRequestValidator } from "./validate-request.js";

export interface FakeGitHubOptions {
  /** Default: a manual clock at 2025-01-06T09:00:00Z (see `createManualClock`). */
  clock?: Clock;
  /** Default: `{ id: 1, slug: "nova-test", name: "Nova Test", owner: "nova-org" }`. */
  app?: Partial<AppInfo>;
  /**
   * Count body fields and query parameters the description does not know as violations
   * (default true). GitHub ignores them silently, which hides typos.
   */
  rejectUnknownFields?: boolean;
  /**
   * Which GitHub to play (default `github.com`). `ghes-3.19` has no sub-issues: their routes
   * answer 404 (as a server without them does; not a violation) and issues carry no
   * `parent_issue_url`/`sub_issues_summary`. Dependencies and milestones exist on both.
   */
  server?: "github.com" | "ghes-3.19";
}

/** GitHub down (`setOutage`): a status for every request, or requests held unanswered. */
export type Outage = { status: number; path?: RegExp } | { hang: true; path?: RegExp };

const DOWN_MESSAGES: Record<number, string> = {
  500: "Internal Server Error",
  502: "Server Error",
  503: "Service Unavailable",
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The app the fake plays by default; its bot is `nova-test[bot]`. */
export const DEFAULT_APP: AppInfo = {
  id: 1,
  slug: "nova-test",
  name: "Nova Test",
  owner: "nova-org",
};

const operationsFixture = loadOperationsFixture();
const matchRoute = createRouteMatcher(operationsFixture.operations);

/**
 * A fake GitHub REST API on 127.0.0.1 for integration tests: it keeps state in memory, answers
 * the operations in `test/fixtures/github/openapi-operations.json` like GitHub, and validates
 * every request against that excerpt of GitHub's OpenAPI description. Anything GitHub would
 * reject (unknown route, wrong method, a body or parameter the schema refuses, no credentials)
 * is answered with an error *and* recorded in {@link violations}, so a test can demand
 * `expect(fake.violations).toEqual([])` even when the app swallowed the error.
 */
export class FakeGitHub {
  /** Requests GitHub's description would refuse; empty in a passing test. */
  readonly violations: Violation[] = [];
  /** Every request, in order. */
  readonly requests: RecordedRequest[] = [];
  #state: FakeState;
  readonly #failures = new FailureInjector();
  /** Rules for requests that get no answer at all (`hangNext`). */
  readonly #hangs: { method?: string; path?: RegExp; remaining: number }[] = [];
  /** Responses held open by a hang, ended on `reset()`/`close()`. */
  readonly #held = new Set<ServerResponse>();
  /** The request count at which `revokeInstallationTokens({ afterRequests })` takes effect. */
  #revokeAt: number | undefined;
  #latencyMs = 0;
  #waiting = 0;
  #mostWaiting = 0;
  #outage: Outage | null = null;
  /** Resolves the requests held by a `hang` outage (they are then answered normally). */
  #release: Array<() => void> = [];
  readonly #validate: ReturnType<typeof createRequestValidator>;

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>`: pass it to Probot/Octokit as `baseUrl`. */
    readonly url: string,
    private readonly options: FakeGitHubOptions,
  ) {
    this.#state = this.#createState();
    this.#validate = createRequestValidator(operationsFixture.operations, {
      rejectUnknownFields: options.rejectUnknownFields ?? true,
    });
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    // Requests arrive only after `listen` resolved, when `fake` below is initialised.
    const server = createServer((request, response) => {
      // A client that hangs up mid-body is not the test's concern; drop the connection.
      fake.#handle(request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, options);
    return fake;
  }

  /** The fake's state (app, installations, tokens, repositories), for helpers and assertions. */
  get state(): FakeState {
    return this.#state;
  }

  /** The app's bot login, `<slug>[bot]`. */
  get botLogin(): string {
    return this.#state.botUser().login;
  }

  /** Creates a repository (and its installation when new) and returns it. */
  seedRepo(options: SeedRepoOptions): FakeRepo {
    if (this.#state.findRepo(options.owner, options.name) !== undefined) {
      throw new Error(`Repository ${options.owner}/${options.name} is already seeded`);
    }
    const repo = new FakeRepo(this.#state, options);
    this.#state.repos.push(repo);
    this.addInstallation(repo.installationId, options.owner, options.ownerType ?? "User");
    return repo;
  }

  /** A seeded repository by `owner/name`; throws when there is none. */
  repo(fullName: string): FakeRepo {
    const [owner = "", name = ""] = fullName.split("/");
    const repo = this.#state.findRepo(owner, name);
    if (repo === undefined) throw new Error(`No repository ${fullName} in the fake`);
    return repo;
  }

  /** Registers an installation of the app on an account (no-op when it exists). */
  addInstallation(id: number, account: string, type: "User" | "Organization" = "User"): void {
    if (!this.#state.installations.has(id)) {
      this.#state.installations.set(id, { id, account: this.#state.user(account, type) });
    }
  }

  /** Makes `Authorization: token <token>` act as `login` (a person using a PAT or OAuth token). */
  addUserToken(token: string, login: string): void {
    this.#state.user(login);
    this.#state.tokens.set(token, { kind: "user", login });
  }

  /** An installation token for tests that call the fake directly (as Probot would get one). */
  createInstallationToken(installationId: number): string {
    return this.#state.issueInstallationToken(installationId).token;
  }

  /** Non-GET requests, in order: what the app wrote. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== "GET");
  }

  /**
   * Makes the next matching request(s) fail with `status` (and `headers`/`body`) instead of being
   * handled; the request is still validated and recorded. See `secondaryRateLimit()`.
   */
  failNext(rule: FailRule): void {
    this.#failures.add(rule);
  }

  /**
   * Answers every request only after `ms` (0: at once), as a distant GitHub does. Concurrent
   * work then really overlaps: two replicas both read before either writes, which is how races
   * between them show. `reset()` sets it back to 0.
   */
  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }

  /**
   * The most requests that were held by the latency at the same time since the last `reset()`:
   * 2 after two concurrent requests means they waited together, not one after the other.
   */
  get mostConcurrentWaits(): number {
    return this.#mostWaiting;
  }

  /**
   * GitHub is down until `setOutage(null)`: every request (or those matching `path`) is answered
   * `{ status }` (e.g. 503), or with `{ hang: true }` held unanswered and answered normally only
   * when the outage ends (`close()` drops them). Recorded requests answered by the outage have
   * `injected: true`. `reset()` ends it.
   */
  setOutage(outage: Outage | null): void {
    this.#outage = outage;
    if (outage === null || !("hang" in outage)) {
      const held = this.#release;
      this.#release = [];
      for (const release of held) release();
    }
  }

  /** Requests a `hang` outage is holding right now. */
  heldRequests(): number {
    return this.#release.length;
  }

  /**
   * The next matching request(s) get no answer: the fake reads the request, records it (status
   * 0) and holds the connection open until the client gives up, `reset()` or `close()`. A
   * GitHub that hangs, for the clients' time limits.
   */
  hangNext(rule: { method?: string; path?: RegExp; times?: number } = {}): void {
    this.#hangs.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /**
   * Revokes every installation token issued so far (with `afterRequests`: once that many more
   * requests arrived, i.e. in the middle of a run): requests with them answer 401 "Bad
   * credentials", as GitHub does after a token was revoked; new tokens work.
   */
  revokeInstallationTokens(options: { afterRequests?: number } = {}): void {
    if (options.afterRequests !== undefined && options.afterRequests > 0) {
      this.#revokeAt = this.requests.length + options.afterRequests;
      return;
    }
    for (const [token, record] of this.#state.tokens) {
      if (record.kind === "installation") this.#state.tokens.delete(token);
    }
  }

  /** Injected failures that have not happened yet. */
  pendingFailures(): FailRule[] {
    return this.#failures.pending();
  }

  /** Throws a readable error listing the violations, if there are any. */
  assertNoViolations(): void {
    if (this.violations.length > 0) {
      const lines = this.violations.map((v) => `- [${v.kind}] ${v.method} ${v.path}: ${v.message}`);
      throw new Error(
        `The fake GitHub saw ${this.violations.length} violation(s):\n${lines.join("\n")}`,
      );
    }
  }

  /** Forgets everything (repositories, tokens, logs, violations, injected failures); keeps the port. */
  reset(): void {
    this.#state = this.#createState();
    this.violations.length = 0;
    this.requests.length = 0;
    this.#failures.clear();
    this.#latencyMs = 0;
    this.#mostWaiting = 0;
    this.setOutage(null);
    this.#hangs.length = 0;
    this.#revokeAt = undefined;
    this.#releaseHeld();
  }

  /** Stops the server (open keep-alive connections included). */
  async close(): Promise<void> {
    this.#release = [];
    this.#releaseHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  #createState(): FakeState {
    const state = new FakeState(this.options.clock ?? createManualClock(), {
      ...DEFAULT_APP,
      ...this.options.app,
    });
    state.baseUrl = this.url;
    state.server = this.options.server ?? "github.com";
    return state;
  }

  #releaseHeld(): void {
    for (const response of this.#held) response.destroy();
    this.#held.clear();
  }

  #takeHang(method: string, path: string): boolean {
    const index = this.#hangs.findIndex(
      (rule) =>
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (rule.path === undefined || ((rule.path.lastIndex = 0), rule.path.test(path))),
    );
    if (index < 0) return false;
    const rule = this.#hangs[index]!;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#hangs.splice(index, 1);
    return true;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    if (this.#latencyMs > 0) {
      this.#waiting += 1;
      this.#mostWaiting = Math.max(this.#mostWaiting, this.#waiting);
      try {
        await sleep(this.#latencyMs);
      } finally {
        this.#waiting -= 1;
      }
    }
    const url = new URL(request.url ?? "/", this.url);
    // GitHub Enterprise Server's paths (Probot's GHE_HOST): the REST API under /api/v3 and
    // GraphQL at /api/graphql, so a child process running `src/main.ts` can use the fake.
    if (url.pathname.startsWith("/api/v3/")) url.pathname = url.pathname.slice("/api/v3".length);
    if (url.pathname === "/api/graphql") url.pathname = "/graphql";
    const method = (request.method ?? "GET").toUpperCase();
    const path = safeDecode(url.pathname);
    if (this.#revokeAt !== undefined && this.requests.length >= this.#revokeAt) {
      this.#revokeAt = undefined;
      this.revokeInstallationTokens();
    }
    if (this.#takeHang(method, path)) {
      this.requests.push({
        method,
        path,
        query: url.search.replace(/^\?/, ""),
        body: undefined,
        status: 0,
        actor: null,
        injected: true,
      });
      this.#held.add(response);
      response.on("close", () => this.#held.delete(response));
      return;
    }
    let outage = this.#outage;
    while (outage !== null && (outage.path === undefined || outage.path.test(path))) {
      if (!("hang" in outage)) {
        this.requests.push({
          method,
          path,
          query: url.search.replace(/^\?/, ""),
          body: undefined,
          status: outage.status,
          actor: null,
          injected: true,
        });
        send(response, errorResponse(outage.status, DOWN_MESSAGES[outage.status] ?? "Outage"));
        return;
      }
      await new Promise<void>((resolve) => this.#release.push(resolve));
      outage = this.#outage;
    }
    const record: RecordedRequest = {
      method,
      path,
      query: url.search.replace(/^\?/, ""),
      body: undefined,
      status: 0,
      actor: null,
      injected: false,
    };
    this.requests.push(record);
    const violate = (kind: ViolationKind, message: string): void => {
      this.violations.push({
        kind,
        method,
        path,
        ...(record.operationId === undefined ? {} : { operationId: record.operationId }),
        message,
      });
    };
    let answer: FakeResponse;
    try {
      answer = this.#answer(request, url, method, raw, record, violate);
    } catch (error) {
      violate(
        "fake-error",
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      answer = errorResponse(500, "Fake GitHub error");
    }
    record.status = answer.status;
    send(response, answer);
  }

  #answer(
    request: IncomingMessage,
    url: URL,
    method: string,
    raw: Buffer,
    record: RecordedRequest,
    violate: (kind: ViolationKind, message: string) => void,
  ): FakeResponse {
    if (url.pathname === "/graphql") {
      return answerGraphql({
        state: this.#state,
        method,
        raw,
        record,
        violate,
        authenticate: () => this.#authenticate(request.headers.authorization, "graphql"),
        takeFailure: () => this.#failures.take(method, record.path),
      });
    }
    const described = `${method} ${record.path}`;
    const match = matchRoute(method, url.pathname);
    if ("kind" in match) {
      const message =
        match.kind === "wrong-method"
          ? `${described}: the fixture has this path only for ${match.allowed.join(", ")}`
          : `${described} is not an operation in test/fixtures/github/openapi-operations.json ` +
            `(add its operationId to scripts/extract-openapi.ts if Nova needs it)`;
      violate(match.kind === "wrong-method" ? "wrong-method" : "unknown-route", message);
      return errorResponse(404, `Not Found (fake GitHub: ${message})`);
    }
    record.operationId = match.operationId;
    if (this.#state.server === "ghes-3.19" && SUB_ISSUE_OPERATIONS.has(match.operationId)) {
      return errorResponse(404, "Not Found");
    }

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        violate("invalid-json", "the body is not JSON");
        return errorResponse(400, "Problems parsing JSON");
      }
    }
    record.body = body;

    const auth = this.#authenticate(request.headers.authorization, match.operationId);
    record.actor = auth.actor === undefined ? null : actorLogin(auth.actor);
    if (auth.violation !== undefined) violate(auth.violation.kind, auth.violation.message);
    if (auth.actor === undefined || auth.error !== undefined) {
      return (auth.error ?? new GitHubError(401, "Bad credentials")).toResponse();
    }

    const { params, problems } = this.#validate(match.operationId, {
      pathParams: match.pathParams,
      query: url.searchParams,
      body,
    });
    if (problems.length > 0) {
      violate("invalid-request", problems.join("; "));
      return errorResponse(422, `Invalid request.\n\n${problems.join("\n")}`);
    }

    const injected = this.#failures.take(method, record.path);
    if (injected !== undefined) {
      record.injected = true;
      return injected;
    }

    try {
      const context: HandlerContext = {
        state: this.#state,
        params,
        body,
        actor: auth.actor,
        url,
        accept: request.headers.accept ?? "",
        repo: this.#resolveRepo(params, auth.actor),
      };
      const handler = HANDLERS[match.operationId];
      if (handler === undefined) {
        violate("fake-error", `the fake has no handler for ${match.operationId}`);
        return errorResponse(501, `Not implemented by the fake: ${match.operationId}`);
      }
      return handler(context);
    } catch (error) {
      if (error instanceof GitHubError) return error.toResponse();
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      violate("fake-error", message);
      return errorResponse(500, `Fake GitHub error: ${message}`);
    }
  }

  /**
   * Who the request acts as. The app's JWT (any `Bearer a.b.c`; signatures are not checked) is
   * for `/app…` operations only; installation and user tokens for everything else. A request
   * without credentials, or with the wrong kind, is a violation as well as a 401.
   */
  #authenticate(
    header: string | undefined,
    operationId: string,
  ): {
    actor?: Actor;
    error?: GitHubError;
    violation?: { kind: ViolationKind; message: string };
  } {
    const needsJwt = APP_JWT_OPERATIONS.has(operationId);
    if (header === undefined || header.trim() === "") {
      return {
        error: new GitHubError(401, "Requires authentication"),
        violation: { kind: "unauthenticated", message: "no Authorization header" },
      };
    }
    const [scheme = "", credential = ""] = header.trim().split(/\s+/, 2);
    const isJwt = /^bearer$/i.test(scheme) && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(credential);
    if (isJwt !== needsJwt) {
      const message = needsJwt
        ? `${operationId} needs the app's JWT, not an installation or user token`
        : `${operationId} needs an installation or user token, not the app's JWT`;
      return {
        actor: isJwt ? { kind: "app" } : undefined,
        error: new GitHubError(401, "A JSON web token could not be decoded"),
        violation: { kind: "wrong-credentials", message },
      };
    }
    if (isJwt) return { actor: { kind: "app" } };
    if (!/^(token|bearer)$/i.test(scheme)) {
      return { error: new GitHubError(401, "Bad credentials") };
    }
    const token = this.#state.tokens.get(credential);
    if (token === undefined) return { error: new GitHubError(401, "Bad credentials") };
    if (token.kind === "user") {
      return { actor: { kind: "user", user: this.#state.user(token.login) } };
    }
    // Installation tokens do not expire here: Probot caches them by real time, while a test's
    // clock may be moved hours ahead.
    return {
      actor: {
        kind: "installation",
        installationId: token.installationId,
        user: this.#state.botUser(),
      },
    };
  }

  /** The repository of `/repos/{owner}/{repo}` routes; 404 when it is not visible to the caller. */
  #resolveRepo(params: Record<string, unknown>, actor: Actor): FakeRepo | undefined {
    if (typeof params.owner !== "string" || typeof params.repo !== "string") return undefined;
    const repo = this.#state.findRepo(params.owner, params.repo);
    // An installation sees only its own repositories; GitHub answers 404 for the rest.
    if (
      repo === undefined ||
      (actor.kind === "installation" && repo.installationId !== actor.installationId)
    ) {
      throw new GitHubError(404, "Not Found");
    }
    return repo;
  }
}

function actorLogin(actor: Actor): string {
  return actor.kind === "app" ? "app" : actor.user.login;
}

function errorResponse(status: number, message: string): FakeResponse {
  return new GitHubError(status, message).toResponse();
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Constant headers GitHub sends; Octokit's throttling plugin reads the rate-limit ones.
const COMMON_HEADERS = {
  "x-github-api-version-selected": "2022-11-28",
  "x-ratelimit-limit": "5000",
  "x-ratelimit-remaining": "4999",
  "x-ratelimit-reset": "1893456000",
  "x-ratelimit-resource": "core",
};

function send(response: ServerResponse, answer: FakeResponse): void {
  const headers: Record<string, string> = { ...COMMON_HEADERS, ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const isBytes = Buffer.isBuffer(answer.body);
  const payload = isBytes
    ? (answer.body as Buffer)
    : Buffer.from(JSON.stringify(answer.body), "utf8");
  response
    .writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      ...headers,
      "content-length": String(payload.length),
    })
    .end(payload);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
