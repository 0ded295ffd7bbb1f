/**
 * The Projects (v2) board through the real Probot app against the fake GitHub, whose GraphQL
 * endpoint validates every query and mutation against GitHub's published schema and executes
 * it against its project state.
 */
import { describe, expect, it } from "@jest/globals";
import type { SyncRepositoryResult } from "../../src/sync/sync-repository.js";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import {
  createWebhookPayload,
  secondaryRateLimit,
  type WebhookName,
  type WebhookPayload,
} from "../fake-github/index.js";
import {
  listGraphqlCalls,
  listMutationCalls,
  projectStoreOf,
  type FakeProject,
  type ProjectStore,
} from "../fake-github/graphql/index.js";
import { renderRepository } from "../fake-github/render.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { inProcess, useNovaWorld } from "./use-nova-world.js";

const PLAN = "docs/dgx-spark-plan.md";
const CONFIG = ".github/nova.yml";
const bundled = loadChecklist("bundled");
/** The fake's clock: Monday 2025-01-06, 09:00 UTC; Nova's "today" for `Ziel`. */
const NOW = Date.parse("2025-01-06T09:00:00Z");

/** Every section has a role, so each task gets all five fields. */
const ROLES = `roles:
  DevOps:
    sections: [1, 5]
  ML:
    sections: [2, 3]
  Agenten:
    sections: [4]
  Betrieb:
    sections: [6]
`;
const BY_TITLE = `project:\n  owner: acme\n  title: DGX Spark Vorbereitung\n  create: true\n${ROLES}`;

const world = useNovaWorld({
  repo: { ownerType: "Organization" },
  nova: inProcess({ now: () => NOW }),
});
/** The fake's Projects (v2) state (one per reset). */
const store = (): ProjectStore => projectStoreOf(world.fake.state);
const receive = (name: WebhookName, payload: unknown) =>
  world.nova.deliver(name, payload as WebhookPayload<typeof name>);

/** Pushes the plan and a config; waits for the sync and the board run after it. */
async function push(config: string, plan = bundled): Promise<void> {
  await receive("push", world.repo.pushCommit({ files: { [PLAN]: plan, [CONFIG]: config } }));
}

/** The task issues by title. */
function taskIssue(title: string): number {
  const issue = (
    world.repo.issues() as Array<{ number: number; title: string; body: string }>
  ).find((candidate) => candidate.title === title && parseTaskMarker(candidate.body) !== null);
  if (!issue) throw new Error(`no task issue ${title}`);
  return issue.number;
}

function values(project: FakeProject, number: number) {
  const item = store().itemOf(project, world.repo, number);
  if (!item) throw new Error(`#${number} is not on the board`);
  return store().readValues(project, item);
}

function onlyProject(): FakeProject {
  expect(store().projects).toHaveLength(1);
  return store().projects[0]!;
}

describe("the Projects (v2) board", () => {
  it("creates the board from nothing and places the 20 bundled tasks with all fields in few batched requests", async () => {
    await push(BY_TITLE);
    expect(world.fake.violations).toEqual([]);
    const project = onlyProject();
    expect(project).toMatchObject({
      owner: "acme",
      title: "DGX Spark Vorbereitung",
      closed: false,
    });
    expect(project.repositoryIds).toEqual([`R_fake${world.repo.id}`]);
    expect(project.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(["Status", "Bereich", "Reihenfolge", "Rolle", "Ziel"]),
    );
    expect(
      store()
        .field(project, "Bereich")
        .options.map((option) => option.name),
    ).toEqual([
      "Infrastruktur- & Setup-Automatisierung",
      "KI-Stack & Modellbereitstellung",
      "Daten- & Wissensbasis vorbereiten",
      "Orchestrierung & Agenten-Workflows",
      "Monitoring, Reporting & Kommunikation",
      "Operative Vorbereitung",
    ]);
    expect(project.items).toHaveLength(26); // 20 tasks and 6 section issues
    const first = taskIssue("DGX Setup Playbook erstellen");
    expect(values(project, first)).toEqual({
      Status: "Todo",
      Bereich: "Infrastruktur- & Setup-Automatisierung",
      Reihenfolge: 1,
      Rolle: "DevOps",
      Ziel: "2025-01-06",
    });
    // Tasks have every field; section issues Bereich and Status only (Reihenfolge empty).
    const shapes = project.items.map((item) =>
      Object.keys(store().readValues(project, item)).sort().join(","),
    );
    expect(
      shapes.filter((shape) => shape === "Bereich,Reihenfolge,Rolle,Status,Ziel"),
    ).toHaveLength(20);
    expect(shapes.filter((shape) => shape === "Bereich,Status")).toHaveLength(6);

    const calls = listGraphqlCalls(world.fake.requests);
    const mutations = calls.filter((call) => call.kind === "mutation");
    // The project, then fields + 26 items in one request, then 112 values (100 for tasks, 12
    // for sections) in batches of 50.
    expect(mutations.map((call) => call.fields.length)).toEqual([1, 30, 50, 50, 12]);
    expect(mutations[0]!.fields).toEqual(["createProjectV2"]);
    expect(new Set(mutations[1]!.fields)).toEqual(
      new Set(["createProjectV2Field", "addProjectV2ItemById"]),
    );
    // Reads: the project by title, one page of items, the issues' node ids; all before the writes.
    const firstWrite = calls.findIndex((call) => call.kind === "mutation");
    expect(calls.slice(0, firstWrite).map((call) => call.name)).toEqual(["NovaProjectByTitle"]);
    expect(calls.filter((call) => call.kind === "query").map((call) => call.name)).toEqual([
      "NovaProjectByTitle",
      "NovaBoardItems",
      "NovaBoardIssues",
    ]);
    expect(world.nova.board.lastStatus("acme/dgx")).toMatchObject({
      kind: "synced",
      created: true,
      summary: { itemsAdded: 26, valuesWritten: 112, mutationRequests: 4, mutations: 142 },
    });
  });

  it("a second run with nothing changed reads the board and makes no mutation", async () => {
    await push(BY_TITLE);
    const mark = world.fake.requests.length;
    await push(BY_TITLE, `${bundled}\n`);
    expect(world.fake.violations).toEqual([]);
    expect(listMutationCalls(world.fake.requests.slice(mark))).toEqual([]);
    expect(listGraphqlCalls(world.fake.requests.slice(mark)).map((call) => call.name)).toEqual([
      "NovaProjectByTitle",
      "NovaBoardItems",
    ]);
    expect(world.nova.board.describeBoard("acme/dgx", "de")).toContain(
      "aktuell (26 Aufgaben unverändert)",
    );
    // The board works from what the sync read: one checklist read, one issue listing in all.
    const reads = world.fake.requests
      .slice(mark)
      .filter((request) => request.method === "GET" && !request.path.startsWith("/app"))
      .map((request) => request.path.replace("/repos/acme/dgx", ""));
    expect(reads.filter((path) => path === `/contents/${PLAN}`)).toHaveLength(1);
    expect(reads.filter((path) => path === "/issues")).toHaveLength(1);
  });

  it("an issue closed by a person: exactly one field update (Status → Done)", async () => {
    await push(BY_TITLE);
    const project = onlyProject();
    // The last task of its lane (section 6): closing it moves no other task's Ziel.
    const closed = taskIssue("Risikoanalyse dokumentieren");
    const mark = world.fake.requests.length;
    await receive("issues", world.repo.closeIssue(closed));
    expect(world.fake.violations).toEqual([]);
    const mutations = listMutationCalls(world.fake.requests.slice(mark));
    expect(mutations.map((call) => call.fields)).toEqual([["updateProjectV2ItemFieldValue"]]);
    expect(values(project, closed).Status).toBe("Done");
  });

  it("a sync's issue listing older than an issue event is set aside: the board lists the issues itself", async () => {
    await push(BY_TITLE);
    const project = onlyProject();
    const target = {
      octokit: await world.nova.probot.auth(42),
      repo: { owner: "acme", repo: "dgx" },
    };
    // A sync's result, its board run held back (as if queued) behind the event below.
    let stale: SyncRepositoryResult | undefined;
    await world.nova.sync.requestSync({
      ...target,
      reason: "reconcile",
      onResult: (result) => {
        stale = result;
      },
    });
    await world.nova.board.settled();
    expect(stale?.status).toBe("synced");
    const assigned = taskIssue("Risikoanalyse dokumentieren");
    await receive("issues", world.repo.assignIssue(assigned, "alice"));
    expect(values(project, assigned).Status).toBe("In Progress");
    const mark = world.fake.requests.length;
    await world.nova.board.afterSync(target, stale!);
    await world.nova.board.settled();
    // Its listing predates the assignment: the run read the issues again and changed nothing.
    expect(listMutationCalls(world.fake.requests.slice(mark))).toEqual([]);
    expect(values(project, assigned).Status).toBe("In Progress");
    expect(
      world.fake.requests
        .slice(mark)
        .filter((request) => request.method === "GET" && request.path === "/repos/acme/dgx/issues"),
    ).toHaveLength(1);
    expect(world.fake.violations).toEqual([]);
  });

  it("an assignment or an open pull request that closes a task moves it to In Progress", async () => {
    await push(BY_TITLE);
    const project = onlyProject();
    const assigned = taskIssue("Risikoanalyse dokumentieren");
    await receive("issues", world.repo.assignIssue(assigned, "alice"));
    expect(values(project, assigned).Status).toBe("In Progress");

    const fixed = taskIssue("Onboarding-Paket aktualisieren");
    world.repo.pushCommit({ branch: "risk", files: { "risk.md": "# Risiken\n" } });
    const pull = world.repo.openPull({
      title: "Risiken",
      head: "risk",
      body: `Closes #${fixed}`,
      user: world.fake.state.user("alice"),
    });
    const [rendered] = world.repo.pulls().filter((candidate) => candidate.number === pull.number);
    const mark = world.fake.requests.length;
    await receive(
      "pull_request",
      createWebhookPayload("pull_request.opened", {
        owner: "acme",
        repo: "dgx",
        installationId: 42,
        repository: renderRepository(world.fake.state, world.repo),
        set: { number: pull.number, pull_request: rendered },
      }),
    );
    expect(world.fake.violations).toEqual([]);
    expect(values(project, fixed).Status).toBe("In Progress");
    expect(listMutationCalls(world.fake.requests.slice(mark)).map((call) => call.fields)).toEqual([
      ["updateProjectV2ItemFieldValue"],
    ]);
  });

  it("leaves a board's user fields, extra options and values alone; adds only what is missing", async () => {
    store().addOrganization("acme");
    const project = store().createProject("acme", "Team-Board");
    const status = store().field(project, "Status");
    store().addOption(status, "Blockiert", "RED");
    const bereich = store().addField(project, {
      name: "Bereich",
      dataType: "SINGLE_SELECT",
      options: ["Operative Vorbereitung", "Sonstiges"],
    });
    store().addField(project, { name: "Aufwand", dataType: "NUMBER" });
    store().addField(project, { name: "Notizen", dataType: "TEXT" });
    const draft = store().addDraftItem(project, "Kaffee besorgen");
    store().setValue(project, draft, "Status", "Blockiert");
    store().setValue(project, draft, "Bereich", "Sonstiges");
    store().setValue(project, draft, "Aufwand", 3);
    store().setValue(project, draft, "Notizen", "bitte bio");

    await push(`project:\n  owner: acme\n  number: ${project.number}\n${ROLES}`);
    expect(world.fake.violations).toEqual([]);
    expect(store().projects).toHaveLength(1);
    // Nothing of the team's was renamed, removed or cleared.
    expect(status.options.map((option) => option.name)).toEqual([
      "Todo",
      "In Progress",
      "Done",
      "Blockiert",
    ]);
    expect(store().field(project, "Bereich").id).toBe(bereich.id);
    expect(
      store()
        .field(project, "Bereich")
        .options.map((option) => option.name),
    ).toEqual([
      "Operative Vorbereitung",
      "Sonstiges",
      "Infrastruktur- & Setup-Automatisierung",
      "KI-Stack & Modellbereitstellung",
      "Daten- & Wissensbasis vorbereiten",
      "Orchestrierung & Agenten-Workflows",
      "Monitoring, Reporting & Kommunikation",
    ]);
    expect(project.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(["Aufwand", "Notizen", "Reihenfolge", "Rolle", "Ziel"]),
    );
    // GitHub gave every Bereich option a new id; Nova put the draft's value back.
    expect(store().optionReplacements).toBe(1);
    expect(store().readValues(project, draft)).toEqual({
      Status: "Blockiert",
      Bereich: "Sonstiges",
      Aufwand: 3,
      Notizen: "bitte bio",
    });
    expect(project.items).toHaveLength(27);
    expect(values(project, taskIssue("Risikoanalyse dokumentieren"))).toMatchObject({
      Bereich: "Operative Vorbereitung",
      Status: "Todo",
    });
    // A second run: nothing to write.
    const mark = world.fake.requests.length;
    await push(`project:\n  owner: acme\n  number: ${project.number}\n${ROLES}`, `${bundled}\n`);
    expect(listMutationCalls(world.fake.requests.slice(mark))).toEqual([]);
  });

  it("recognises the German status names and a configured one", async () => {
    store().addOrganization("acme");
    const project = store().createProject("acme", "Board");
    const status = store().field(project, "Status");
    status.options = [
      store().newOption("Offen", "GRAY"),
      store().newOption("In Arbeit", "YELLOW"),
      store().newOption("Fertig", "GREEN"),
    ];
    await push(
      `project:\n  owner: acme\n  number: 1\n  statusOptions:\n    done: Fertig\n${ROLES}`,
    );
    expect(world.fake.violations).toEqual([]);
    expect(status.options.map((option) => option.name)).toEqual(["Offen", "In Arbeit", "Fertig"]);
    expect(values(project, taskIssue("Risikoanalyse dokumentieren")).Status).toBe("Offen");
    const closed = taskIssue("Risikoanalyse dokumentieren");
    await receive("issues", world.repo.closeIssue(closed));
    expect(values(project, closed).Status).toBe("Fertig");
  });

  it("a user-owned project: no write, a clear message in the log, a check run and /nova help's text", async () => {
    store().addUser("carol");
    store().createProject("carol", "Mein Board");
    const payload = world.repo.pushCommit({
      files: { [PLAN]: bundled, [CONFIG]: `project:\n  owner: carol\n  number: 1\n` },
    });
    await receive("push", payload);
    expect(world.fake.violations).toEqual([]);
    expect(listMutationCalls(world.fake.requests)).toEqual([]);
    const status = world.nova.board.lastStatus("acme/dgx");
    expect(status).toEqual({ kind: "user-owned", owner: "carol" });
    const message = world.nova.board.describeBoard("acme/dgx", "de")!;
    expect(message).toContain("`carol` ist ein Benutzerkonto");
    expect(message).toContain("nur Projekte von Organisationen");
    const run = world.repo.checkRuns.find((candidate) => candidate.name === "Nova: Projekt-Board");
    expect(run).toMatchObject({ conclusion: "failure", headSha: world.repo.branchSha("main") });
    expect(run!.output.summary).toBe(message);
    // A redelivery does not add a second check run to the commit.
    await receive("push", payload);
    expect(
      world.repo.checkRuns.filter((candidate) => candidate.name === "Nova: Projekt-Board"),
    ).toHaveLength(1);
    // `/nova help` tells people why the board stays empty.
    const question = taskIssue("Risikoanalyse dokumentieren");
    await receive("issue_comment", world.repo.addComment(question, "/nova help", { by: "alice" }));
    const reply = (
      world.repo.comments(question) as Array<{ body: string; user: { login: string } }>
    ).find((comment) => comment.user.login === "nova-test[bot]");
    // One row: the configured project, then what Nova says about it.
    expect(reply?.body).toMatch(
      new RegExp(`\\| Projekt-Board \\| carol[^|]*<br>${escapeRegExp(message)} \\|`),
    );
  });

  it("a project number the organisation does not have, and an installation without project access", async () => {
    store().addOrganization("acme");
    await push(`project:\n  owner: acme\n  number: 9\n`);
    expect(world.nova.board.lastStatus("acme/dgx")).toEqual({
      kind: "project-not-found",
      owner: "acme",
      number: 9,
    });
    store().createProject("acme", "Board");
    store().deniedInstallations.add(42);
    await push(`project:\n  owner: acme\n  number: 1\n`, `${bundled}\n`);
    expect(world.nova.board.lastStatus("acme/dgx")).toMatchObject({
      kind: "forbidden",
      owner: "acme",
    });
    expect(world.nova.board.describeBoard("acme/dgx", "en")).toContain(
      "Organization projects: Read and write",
    );
    expect(world.fake.violations).toEqual([]);
  });

  it("archives the item of a removed task and brings it back when the task returns", async () => {
    await push(BY_TITLE);
    const project = onlyProject();
    const removed = taskIssue("Test-Suites erweitern");
    const line = bundled.split("\n").find((text) => text.includes("**Test-Suites erweitern**"))!;
    await push(BY_TITLE, bundled.replace(`${line}\n`, ""));
    expect(world.fake.violations).toEqual([]);
    expect(store().itemOf(project, world.repo, removed)?.archived).toBe(true);
    await push(BY_TITLE, bundled);
    expect(store().itemOf(project, world.repo, removed)?.archived).toBe(false);
    expect(project.items).toHaveLength(26);
  });

  it("waits out a secondary rate limit on a GraphQL request and still converges", async () => {
    world.fake.failNext({ method: "POST", path: /^\/graphql$/, ...secondaryRateLimit(), times: 1 });
    await push(BY_TITLE);
    expect(world.fake.pendingFailures()).toEqual([]);
    expect(world.fake.violations).toEqual([]);
    expect(onlyProject().items).toHaveLength(26);
  });

  it("a repository without `project` makes no GraphQL request at all", async () => {
    await push("language: de\n");
    expect(listGraphqlCalls(world.fake.requests)).toEqual([]);
    expect(world.nova.board.lastStatus("acme/dgx")).toEqual({ kind: "off" });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
