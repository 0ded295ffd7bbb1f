/**
 * `npm run bench:sync`: the GitHub requests a sync costs, through the real app against the fake
 * GitHub, for plans of 20, 200 and 1,000 tasks: a first sync, a no-op sync (the same push
 * redelivered) and a sync after 3 tasks were ticked, beside the lower bound.
 *
 * Lower bounds (section issues on, the default: one issue per section besides the tasks): no-op =
 * 1 config read + 1 checklist read + 1 tree read (the generated plans name `scripts/step-N.sh`;
 * read at the branch, `src/sync/find-existing-paths.ts`) + 1 issue page per 100 issues; first
 * sync = those with one (empty) issue page, the head's sha (bodies link the commit), one label
 * per section and the plan label, one issue per task and section, one sub-issue link per task,
 * and the check run (+ the app's login and the write-back pull request lookup, once per process);
 * 3 ticks = the no-op reads + the head's sha + the write-back pull request's proposals (the
 * checklist changed while issues disagree with it) + 3 re-reads before the state changes + 3
 * writes + the check run.
 *
 * The board table counts a board run's reads together: REST (a board run after a sync takes the
 * sync's checklist and issues, so it adds none) and GraphQL. Its no-op bound: the sync's no-op
 * reads + 1 project query + 1 item query per 100 items (tasks and sections).
 *
 * With 1,000 tasks the first sync exceeds `sync.maxWritesPerRun` (set to 1,000 here), so a
 * follow-up run finishes it: its reads, its check run, and one `already_exists` label request per
 * section whose issues the first run had not reached yet show up in that row.
 */
import type { Probot } from "probot";
import { listGraphqlCalls } from "../test/fake-github/graphql/index.js";
import { FakeGitHub } from "../test/fake-github/index.js";
import { startNova } from "../test/integration/start-nova.js";
import { generatePlan } from "./generate-plan.js";

const PLAN = "docs/dgx-spark-plan.md";
const CONFIG = ".github/nova.yml";
const SIZES = [20, 200, 1000];

interface Row {
  tasks: number;
  scenario: string;
  reads: number;
  writes: number;
  lowerBound: string;
}

const fake = await FakeGitHub.start();
const rows: Row[] = [];
const boardRows: Array<{
  tasks: number;
  scenario: string;
  restReads: number;
  queries: number;
  lowerBound: string;
  mutationRequests: number;
  mutations: number;
}> = [];
try {
  for (const tasks of SIZES) {
    fake.reset();
    // One section per 10 tasks, no dependencies: each change costs exactly its own write.
    const plan = generatePlan(tasks, 10, { dependencies: false, ticked: false });
    const sections = Math.ceil(tasks / 10);
    const pages = Math.ceil((tasks + sections) / 100);
    const repo = fake.seedRepo({
      owner: "acme",
      name: "dgx",
      installationId: 7,
      files: { [CONFIG]: "language: de\nsync:\n  maxWritesPerRun: 1000\n" },
    });
    const { probot, service } = await startNova(fake);

    const measure = async (scenario: string, lowerBound: string, act: () => Promise<void>) => {
      const mark = fake.requests.length;
      await act();
      await service.settled();
      // Installation tokens are auth (cached for an hour), not work the sync does.
      const requests = fake.requests
        .slice(mark)
        .filter((request) => !request.path.startsWith("/app/"));
      rows.push({
        tasks,
        scenario,
        reads: requests.filter((request) => request.method === "GET").length,
        writes: requests.filter((request) => request.method !== "GET").length,
        lowerBound,
      });
    };
    const receive = (payload: unknown, id: string) =>
      probot.receive({ id, name: "push", payload } as Parameters<Probot["receive"]>[0]);

    const first = repo.pushCommit({ files: { [PLAN]: plan } });
    await measure(
      "first sync",
      `5 reads (+ app login, write-back lookup) + ${sections + 1 + tasks + sections + tasks} writes + check run${tasks + sections + tasks + sections + 1 > 1000 ? " (2 runs)" : ""}`,
      () => receive(first, "first"),
    );
    await measure("no-op (redelivery)", `${3 + pages} reads, 0 writes`, () =>
      receive(first, "again"),
    );
    let ticked = plan;
    for (const i of [1, 5, 9])
      ticked = ticked.replace(`- [ ] **Aufgabe ${i} für`, `- [x] **Aufgabe ${i} für`);
    const change = repo.pushCommit({ files: { [PLAN]: ticked } });
    await measure(
      "3 tasks ticked",
      `${4 + pages} reads (+ write-back lookup, 3 re-reads before state changes), 3 writes + check run`,
      () => receive(change, "change"),
    );
    if (fake.violations.length > 0)
      throw new Error(
        `the fake saw requests GitHub would refuse: ${JSON.stringify(fake.violations)}`,
      );
  }

  // The board (docs/board.md) after the sync, same plans, `project` set: its GraphQL requests.
  for (const tasks of SIZES) {
    fake.reset();
    const plan = generatePlan(tasks, 10, { dependencies: false, ticked: false });
    const repo = fake.seedRepo({
      owner: "acme",
      name: "dgx",
      installationId: 7,
      ownerType: "Organization",
      files: {
        [CONFIG]:
          "sync:\n  maxWritesPerRun: 1000\nproject:\n  owner: acme\n  title: Board\n  create: true\n",
      },
    });
    const { probot, service, board } = await startNova(fake);
    const sections = Math.ceil(tasks / 10);
    const issuePages = Math.ceil((tasks + sections) / 100);
    const measure = async (scenario: string, lowerBound: string, act: () => Promise<void>) => {
      const mark = fake.requests.length;
      await act();
      await service.settled();
      await board.settled();
      const requests = fake.requests.slice(mark);
      const calls = listGraphqlCalls(requests);
      const mutations = calls.filter((call) => call.kind === "mutation");
      boardRows.push({
        tasks,
        scenario,
        // The sync's and the board's REST reads together (installation tokens left out).
        restReads: requests.filter(
          (request) => request.method === "GET" && !request.path.startsWith("/app/"),
        ).length,
        queries: calls.length - mutations.length,
        lowerBound,
        mutationRequests: mutations.length,
        mutations: mutations.reduce((sum, call) => sum + call.fields.length, 0),
      });
    };
    const receive = (payload: unknown, id: string) =>
      probot.receive({ id, name: "push", payload } as Parameters<Probot["receive"]>[0]);
    const first = repo.pushCommit({ files: { [PLAN]: plan } });
    await measure("first sync", "", () => receive(first, "first"));
    await measure(
      "no-op (redelivery)",
      `${3 + issuePages} REST + ${1 + issuePages} GraphQL = ${4 + 2 * issuePages} reads`,
      () => receive(first, "again"),
    );
    if (fake.violations.length > 0)
      throw new Error(
        `the fake saw requests GitHub would refuse: ${JSON.stringify(fake.violations)}`,
      );
  }
} finally {
  await fake.close();
}

console.log("sync benchmark: GitHub requests per run (through the real app and the fake GitHub)\n");
console.log(
  `${"tasks".padStart(6)}  ${"scenario".padEnd(20)} ${"reads".padStart(6)} ${"writes".padStart(7)}  lower bound`,
);
for (const row of rows) {
  console.log(
    `${String(row.tasks).padStart(6)}  ${row.scenario.padEnd(20)} ${String(row.reads).padStart(6)} ${String(row.writes).padStart(7)}  ${row.lowerBound}`,
  );
}

console.log(
  "\nboard benchmark: a sync with its board run, REST and GraphQL reads together (follow-ups",
  "included; at most 400 mutations per run, 50 per request; a project created by title, 5 fields",
  "per task)\n",
);
console.log(
  `${"tasks".padStart(6)}  ${"scenario".padEnd(20)} ${"REST".padStart(5)} ${"GraphQL".padStart(8)} ${"reads".padStart(6)} ${"mut. requests".padStart(14)} ${"mutations".padStart(10)}  lower bound`,
);
for (const row of boardRows) {
  console.log(
    `${String(row.tasks).padStart(6)}  ${row.scenario.padEnd(20)} ${String(row.restReads).padStart(5)} ${String(row.queries).padStart(8)} ${String(row.restReads + row.queries).padStart(6)} ${String(row.mutationRequests).padStart(14)} ${String(row.mutations).padStart(10)}  ${row.lowerBound}`,
  );
}
