import { afterAll, afterEach, beforeAll, beforeEach } from "@jest/globals";
import {
  createManualClock,
  FakeGitHub,
  type FakeRepo,
  type ManualClock,
  type SeedRepoOptions,
} from "../fake-github/index.js";
import { startNova, type TestNova, type TestNovaOptions } from "./start-nova.js";
import { startNovaServer, type NovaServer, type NovaServerOptions } from "./start-nova-server.js";

/** The repository every integration test starts from, unless its options say otherwise. */
export const WORLD_REPO = {
  owner: "acme",
  name: "dgx",
  installationId: 42,
  files: { "README.md": "# dgx\n" },
} satisfies SeedRepoOptions;

/** What the fake GitHub and Nova are during one test (or one file, with `once`). */
export interface NovaWorld<N> {
  readonly fake: FakeGitHub;
  /** The seeded repository (`acme/dgx`, installation 42 unless the options say otherwise). */
  readonly repo: FakeRepo;
  /** The fake's manual clock; only with the `clock` option. */
  readonly clock: ManualClock;
  /** Nova as the `nova` option started it; only with that option. */
  readonly nova: N;
  /**
   * Stops Nova and starts it again (a restart forgets what it kept in memory), as the `nova`
   * option does or as `starter` does (other options for the rest of the test).
   */
  restart(starter?: NovaStarter<N>): Promise<N>;
  /** `restart` for a test that starts Nova itself (its own options), stopped after the test. */
  start(starter: NovaStarter<N>): Promise<N>;
  /** The writes to the repository since a mark in the request log (see `listWritesSince`). */
  writesSince(mark: number): string[];
}

/**
 * Write requests (method + path without `/repos/{owner}/{name}`) since a mark in the fake's
 * request log; installation tokens are auth, not writes to the repository.
 */
export function listWritesSince(fake: FakeGitHub, repo: FakeRepo, mark: number): string[] {
  return fake.requests
    .slice(mark)
    .filter((request) => request.method !== "GET" && !request.path.startsWith("/app/"))
    .map((request) => `${request.method} ${request.path.replace(`/repos/${repo.fullName}`, "")}`);
}

/** How a world starts Nova once the repository is seeded, and how it stops it afterwards. */
export interface NovaStarter<N> {
  start(world: Omit<NovaWorld<unknown>, "nova">): Promise<N>;
  stop?(nova: N): Promise<void>;
}

export interface NovaWorldOptions<N> {
  /** What the seeded repository differs in from `WORLD_REPO` (files replace its files). */
  repo?: Partial<SeedRepoOptions>;
  /** The fake GitHub's start options besides the clock (e.g. `server: "ghes-3.19"`). */
  server?: "github.com" | "ghes-3.19";
  /** A manual clock for the fake, set back to this instant before each test. */
  clock?: string;
  /** How Nova starts after the seed (`inProcess`, `overHttp`); none when absent. */
  nova?: NovaStarter<N>;
  /** Set up once before the file's tests (shared state) instead of afresh before each test. */
  once?: boolean;
}

/**
 * The set-up of an integration test file, as jest hooks: the fake GitHub started before the
 * file and closed after it; before each test (or once, with `once`) the fake reset, the clock
 * set back, `acme/dgx` seeded and Nova started; after each test Nova stopped. Call it at the
 * top of a file or `describe`; read the world through the returned getters inside tests and
 * hooks (registered later hooks run after this set-up).
 */
export function useNovaWorld<N = never>(options: NovaWorldOptions<N> = {}): NovaWorld<N> {
  let fake: FakeGitHub | undefined;
  let clock: ManualClock | undefined;
  let repo: FakeRepo | undefined;
  let nova: { value: N; starter: NovaStarter<N> } | undefined;
  const start = async (starter: NovaStarter<N>) => {
    nova = { value: await starter.start(world), starter };
    return nova.value;
  };
  const tearDown = async () => {
    const started = nova;
    nova = undefined;
    await started?.starter.stop?.(started.value);
  };
  const setUp = async () => {
    fake!.reset();
    if (options.clock !== undefined) clock!.set(options.clock);
    repo = fake!.seedRepo({ ...WORLD_REPO, ...options.repo });
    if (options.nova) await start(options.nova);
  };
  const world: NovaWorld<N> = {
    get fake() {
      return fake ?? fail("fake");
    },
    get repo() {
      return repo ?? fail("repo");
    },
    get clock() {
      return clock ?? fail("clock");
    },
    get nova() {
      return nova ? nova.value : fail("nova");
    },
    async restart(starter = options.nova ?? fail("nova")) {
      await tearDown();
      return start(starter);
    },
    start: (starter) => world.restart(starter),
    writesSince: (mark) => listWritesSince(world.fake, world.repo, mark),
  };
  beforeAll(async () => {
    if (options.clock !== undefined) clock = createManualClock(options.clock);
    fake = await FakeGitHub.start({
      ...(clock ? { clock } : {}),
      ...(options.server ? { server: options.server } : {}),
    });
  });
  if (options.once) {
    beforeAll(setUp);
    afterAll(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }
  afterAll(() => fake?.close());
  return world;
}

function fail(what: string): never {
  throw new Error(`useNovaWorld: no ${what} (outside a test, or not asked for in its options)`);
}

/** Nova in a Probot instance in this process (`startNova`); options may read the world. */
export function inProcess(
  options: TestNovaOptions | ((world: Omit<NovaWorld<unknown>, "nova">) => TestNovaOptions) = {},
): NovaStarter<TestNova> {
  return {
    start: (world) =>
      startNova(world.fake, typeof options === "function" ? options(world) : options),
  };
}

/** Nova on Probot's own HTTP server (`startNovaServer`), stopped after each test. */
export function overHttp(options: NovaServerOptions = {}): NovaStarter<NovaServer> {
  return {
    start: (world) => startNovaServer(world.fake, options),
    stop: (nova) => nova.close(),
  };
}
