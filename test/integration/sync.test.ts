import { describe, expect, it } from "@jest/globals";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { createWebhookPayload, secondaryRateLimit, type FakeRepo } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import type { IssueJson as BotPrIssueJson } from "./bot-pr-world.js";
import { inProcess, useNovaWorld } from "./use-nova-world.js";

const PLAN = "docs/dgx-spark-plan.md";
const bundled = loadChecklist("bundled");

const world = useNovaWorld({ nova: inProcess() });
const deliver = (name: "push", payload: ReturnType<FakeRepo["pushCommit"]>, id?: string) =>
  world.nova.deliver(name, payload, id);

/** Opens a pull request from `head` as `login` and returns the `pull_request.opened` payload. */
function openPullPayload(title: string, head: string, login: string) {
  const pull = world.repo.openPull({ title, head, user: { login, type: "User" } as never });
  const [rendered] = world.repo.pulls().filter((candidate) => candidate.number === pull.number);
  return createWebhookPayload("pull_request.opened", {
    owner: "acme",
    repo: "dgx",
    installationId: 42,
    repository: { default_branch: "main" },
    set: { number: pull.number, pull_request: rendered },
  });
}

/** The fields of GitHub's issue JSON these tests read. */
interface IssueJson extends BotPrIssueJson {
  labels: Array<{ name: string }>;
}

function taskIssues(): IssueJson[] {
  return (world.repo.issues() as unknown as IssueJson[]).filter(
    (issue) => parseTaskMarker(issue.body) !== null,
  );
}

async function firstSync(): Promise<ReturnType<FakeRepo["pushCommit"]>> {
  const push = world.repo.pushCommit({ files: { [PLAN]: bundled } });
  await deliver("push", push);
  return push;
}

describe("sync through the real app and a fake GitHub", () => {
  it("first sync of the bundled plan: 20 issues by the bot, 7 labels, markers, a check run", async () => {
    await firstSync();
    expect(world.fake.violations).toEqual([]);
    const issues = taskIssues();
    expect(issues).toHaveLength(20);
    expect(issues.every((issue) => issue.user.login === "nova-test[bot]")).toBe(true);
    expect(new Set(issues.map((issue) => parseTaskMarker(issue.body))).size).toBe(20);
    expect(world.repo.labels().map((label) => label.name)).toEqual(
      expect.arrayContaining([
        "dgx",
        "dgx/infrastruktur-setup-automatisierung",
        "dgx/ki-stack-modellbereitstellung",
        "dgx/daten-wissensbasis-vorbereiten",
        "dgx/orchestrierung-agenten-workflows",
        "dgx/monitoring-reporting-kommunikation",
        "dgx/operative-vorbereitung",
      ]),
    );
    expect(issues[0]!.labels.map((label) => label.name)).toEqual([
      "dgx",
      "dgx/infrastruktur-setup-automatisierung",
    ]);
    expect(world.repo.checkRuns).toEqual([
      expect.objectContaining({
        name: "Nova: Sync",
        conclusion: "success",
        headSha: world.repo.branchSha("main"),
      }),
    ]);
    // 20 task issues and 6 section issues.
    expect(world.repo.checkRuns[0]!.output.title).toBe("26 angelegt");
  });

  it("the same push redelivered makes zero writes", async () => {
    const push = await firstSync();
    const mark = world.fake.requests.length;
    await deliver("push", push);
    expect(world.writesSince(mark)).toEqual([]);
    expect(world.fake.violations).toEqual([]);
  });

  it("a push delivered late, after a newer one, does not roll the issues back", async () => {
    await firstSync();
    const older = world.repo.pushCommit({
      files: { [PLAN]: bundled.replace("[ ] **DGX Setup Playbook", "[x] **DGX Setup Playbook") },
    });
    const newer = world.repo.pushCommit({
      files: {
        [PLAN]: bundled.replace(
          "**DGX Setup Playbook erstellen**",
          "**DGX Setup Playbook schreiben**",
        ),
      },
    });
    await deliver("push", newer);
    const mark = world.fake.requests.length;
    await deliver("push", older); // GitHub delivers out of order
    expect(world.writesSince(mark)).toEqual([]);
    const playbook = taskIssues().find((issue) => issue.title.startsWith("DGX Setup Playbook"));
    expect(playbook).toMatchObject({ title: "DGX Setup Playbook schreiben", state: "open" });
    expect(world.fake.violations).toEqual([]);
  });

  it("the same push delivered 5 times at once still makes exactly 20 issues", async () => {
    const push = world.repo.pushCommit({ files: { [PLAN]: bundled } });
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        world.nova.probot.receive({ id: `same-${i}`, name: "push", payload: push }),
      ),
    );
    await world.nova.sync.settled();
    expect(taskIssues()).toHaveLength(20);
    expect(world.fake.violations).toEqual([]);
  });

  it("one push that renames, reorders, ticks, unticks, removes and adds makes exactly the expected writes", async () => {
    const start = bundled.replace(
      "- [ ] **Risikoanalyse dokumentieren**",
      "- [x] **Risikoanalyse dokumentieren**",
    );
    await deliver("push", world.repo.pushCommit({ files: { [PLAN]: start } }));
    const byTitle = (title: string) => taskIssues().find((issue) => issue.title === title)!.number;
    const renamed = byTitle("Grafana Dashboard Templates");
    const ticked = byTitle("Datenbank-Deployment Automatisierung");
    const unticked = byTitle("Risikoanalyse dokumentieren");
    const removed = byTitle("Test-Suites erweitern");
    const lines = start.split("\n");
    const removedLine = lines.findIndex((line) => line.includes("**Test-Suites erweitern**"));
    lines.splice(removedLine, 1);
    // Reorder: swap the first two tasks of section 2.
    const a = lines.findIndex((line) => line.includes("**NeMo/LLM Installationsprofile**"));
    [lines[a], lines[a + 1]] = [lines[a + 1]!, lines[a]!];
    const edited = lines
      .join("\n")
      .replace("**Grafana Dashboard Templates**", "**Grafana Dashboard Vorlagen**")
      .replace(
        "- [ ] **Datenbank-Deployment Automatisierung**",
        "- [x] **Datenbank-Deployment Automatisierung**",
      )
      .replace("- [x] **Risikoanalyse dokumentieren**", "- [ ] **Risikoanalyse dokumentieren**")
      .replace(
        "## 6. Operative Vorbereitung\n",
        "## 6. Operative Vorbereitung\n- [ ] **Lieferung annehmen** – Karton prüfen, Seriennummer notieren.\n",
      );
    const section = (number: number) =>
      (world.repo.issues() as unknown as IssueJson[]).find((issue) =>
        issue.title.startsWith(`${number}. `),
      )!.number;
    const mark = world.fake.requests.length;
    await deliver("push", world.repo.pushCommit({ files: { [PLAN]: edited } }));
    expect(world.fake.violations).toEqual([]);
    expect(world.writesSince(mark).sort()).toEqual(
      [
        "POST /issues", // the added task
        `PATCH /issues/${renamed}`, // title + body, same issue
        `PATCH /issues/${ticked}`, // closed as completed
        `PATCH /issues/${unticked}`, // reopened
        `POST /issues/${removed}/comments`, // why it is closed
        `PATCH /issues/${removed}`, // closed as not planned
        // Section issues whose task list changed: their body (task digest), then the links.
        `PATCH /issues/${section(2)}`, // reordered
        `PATCH /issues/${section(2)}/sub_issues/priority`, // the swapped tasks
        `PATCH /issues/${section(4)}`, // a task removed
        `PATCH /issues/${section(5)}`, // a task renamed (new id)
        `PATCH /issues/${section(6)}`, // a task added
        `POST /issues/${section(6)}/sub_issues`, // the added task
        `PATCH /issues/${section(6)}/sub_issues/priority`, // ... first in its section
        "POST /check-runs",
      ].sort(),
    );
    expect(world.repo.issue(renamed)).toMatchObject({
      title: "Grafana Dashboard Vorlagen",
      state: "open",
    });
    expect(world.repo.issue(ticked)).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(world.repo.issue(unticked)).toMatchObject({ state: "open" });
    expect(world.repo.issue(removed)).toMatchObject({
      state: "closed",
      state_reason: "not_planned",
    });
    // 20 tasks, one ticked at the start; +1 added, -1 ticked, +1 unticked, -1 removed.
    expect(taskIssues().filter((issue) => issue.state === "open")).toHaveLength(19);
  });

  it("ignores a human's issue that carries a copied marker", async () => {
    await firstSync();
    const copy = world.repo.addIssue({
      title: "Meine Kopie",
      body: taskIssues()[0]!.body,
      labels: ["dgx"],
      user: "mallory",
    });
    const line = bundled
      .split("\n")
      .find((text) => text.includes("**DGX Setup Playbook erstellen**"))!;
    await deliver(
      "push",
      world.repo.pushCommit({ files: { [PLAN]: bundled.replace(`${line}\n`, "") } }),
    );
    expect(world.repo.issue(copy.number as number)).toMatchObject({
      state: "open",
      title: "Meine Kopie",
    });
    const original = taskIssues().find((issue) => issue.title === "DGX Setup Playbook erstellen")!;
    expect(original).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(world.fake.violations).toEqual([]);
  });

  it("converges without duplicates when GitHub answers 502 and secondary rate limits", async () => {
    world.fake.failNext({ method: "POST", path: /\/issues$/, ...secondaryRateLimit(), times: 2 });
    world.fake.failNext({ method: "POST", path: /\/issues$/, status: 502, times: 1 });
    world.fake.failNext({ method: "GET", path: /\/issues$/, status: 502, times: 1 });
    await firstSync();
    expect(world.fake.pendingFailures()).toEqual([]);
    expect(taskIssues()).toHaveLength(20);
    expect(new Set(taskIssues().map((issue) => parseTaskMarker(issue.body))).size).toBe(20);
    expect(world.fake.violations).toEqual([]);
    const mark = world.fake.requests.length;
    await deliver("push", world.repo.pushCommit({ files: { "README.md": "# dgx\n\nmehr\n" } }));
    expect(world.fake.requests.length).toBe(mark);
  });

  it("an invalid config writes nothing but a check run that says what is wrong", async () => {
    const push = world.repo.pushCommit({
      files: {
        [PLAN]: bundled,
        ".github/nova.yml": "sync:\n  maxWritesPerRun: 5000\nlables:\n  prefix: x\n",
      },
    });
    await deliver("push", push);
    expect(taskIssues()).toEqual([]);
    expect(world.writesSince(0).filter((write) => write !== "POST /check-runs")).toEqual([]);
    expect(world.repo.checkRuns).toHaveLength(1);
    const run = world.repo.checkRuns[0]!;
    expect(run).toMatchObject({ name: "Nova: Konfiguration", conclusion: "failure" });
    expect(run.output.summary).toContain("sync.maxWritesPerRun");
    expect(run.output.summary).toContain("lables");
    // Redelivered: no second check run.
    await deliver("push", push);
    expect(world.repo.checkRuns).toHaveLength(1);
  });

  it("a push that touches neither the checklist nor the config costs zero requests", async () => {
    await firstSync();
    const mark = world.fake.requests.length;
    await deliver("push", world.repo.pushCommit({ files: { "src/app.py": "print('hi')\n" } }));
    expect(world.fake.requests.length).toBe(mark);
  });

  it("lint errors stop the sync and fail the check run with annotations", async () => {
    await firstSync();
    const broken = bundled.replace(
      "**Risikoanalyse dokumentieren** – Liste",
      "**Risikoanalyse dokumentieren** – Liste <!-- nova: after=gibt-es-nicht -->",
    );
    expect(broken).not.toBe(bundled);
    const mark = world.fake.requests.length;
    await deliver("push", world.repo.pushCommit({ files: { [PLAN]: broken } }));
    expect(world.writesSince(mark)).toEqual(["POST /check-runs"]);
    const run = world.repo.checkRuns.at(-1)!;
    expect(run).toMatchObject({ name: "Nova: Sync", conclusion: "failure" });
    expect(run.output.annotations).toEqual([
      expect.objectContaining({ path: PLAN, annotation_level: "failure", start_line: 35 }),
    ]);
  });

  it("an installation's first sync covers every repository it names", async () => {
    world.repo.setFile("main", PLAN, bundled);
    const other = world.fake.seedRepo({
      owner: "acme",
      name: "web",
      installationId: 42,
      files: { "README.md": "x\n" },
    });
    const payload = createWebhookPayload("installation.created", {
      installationId: 42,
      set: {
        repositories: [
          { id: 1, node_id: "R_1", name: "dgx", full_name: "acme/dgx", private: false },
          { id: 2, node_id: "R_2", name: "web", full_name: "acme/web", private: false },
        ],
      },
    });
    await world.nova.deliver("installation", payload, "inst-1");
    expect(taskIssues()).toHaveLength(20);
    // A repository without the checklist gets nothing.
    expect(other.issues()).toEqual([]);
    expect(other.labels()).toEqual([]);
    expect(world.fake.violations).toEqual([]);
  });

  it("a pull request that changes the checklist gets a neutral preview check run and nothing else", async () => {
    await firstSync();
    world.repo.pushCommit({
      branch: "tick-risk",
      files: {
        [PLAN]: bundled.replace(
          "- [ ] **Risikoanalyse dokumentieren**",
          "- [x] **Risikoanalyse dokumentieren**",
        ),
      },
    });
    const payload = openPullPayload("Risikoanalyse erledigt", "tick-risk", "alice");
    const mark = world.fake.requests.length;
    await world.nova.deliver("pull_request", payload, "pr-1");
    expect(world.fake.violations).toEqual([]);
    expect(world.writesSince(mark)).toEqual(["POST /check-runs"]);
    const run = world.repo.checkRuns.at(-1)!;
    expect(run).toMatchObject({
      name: "Nova: Sync-Vorschau",
      conclusion: "neutral",
      headSha: world.repo.branchSha("tick-risk"),
    });
    expect(run.output.summary).toContain(
      "Beim Zusammenführen würde Nova die Issues so abgleichen:",
    );
    expect(run.output.summary).toContain("Risikoanalyse dokumentieren");
    // The same event again (redelivery): no second check run.
    await world.nova.deliver("pull_request", payload, "pr-1");
    expect(
      world.repo.checkRuns.filter((candidate) => candidate.name === "Nova: Sync-Vorschau"),
    ).toHaveLength(1);
  });

  it("a pull request whose checklist is nested past the depth limit gets a failing preview naming the limit", async () => {
    await firstSync();
    // 10,000 nested quotes: once a stack overflow; now a lint error, parsed off the event loop.
    world.repo.pushCommit({
      branch: "hostile",
      files: { [PLAN]: `${bundled}\n${">".repeat(10_000)} - [ ] x\n` },
    });
    const payload = openPullPayload("Hostile", "hostile", "mallory");
    const mark = world.fake.requests.length;
    await world.nova.deliver("pull_request", payload, "pr-hostile");
    expect(world.fake.violations).toEqual([]);
    expect(world.writesSince(mark)).toEqual(["POST /check-runs"]);
    const run = world.repo.checkRuns.at(-1)!;
    expect(run).toMatchObject({ name: "Nova: Sync-Vorschau", conclusion: "failure" });
    expect(JSON.stringify(run.output)).toContain("Zu tief verschachtelt: 10.001 Ebenen");
  });

  it("adopts an existing label of another case instead of creating a second one", async () => {
    world.repo.addLabel("DGX", "000000", "von Hand");
    await firstSync();
    expect(world.fake.violations).toEqual([]);
    expect(
      world.repo.labels().filter((label) => String(label.name).toLowerCase() === "dgx"),
    ).toEqual([expect.objectContaining({ name: "DGX", color: "000000" })]);
    expect(taskIssues()[0]!.labels.map((label) => label.name)).toContain("DGX");
    const mark = world.fake.requests.length;
    await deliver("push", world.repo.pushCommit({ files: { [PLAN]: `${bundled}\n` } }));
    expect(world.writesSince(mark)).toEqual([]);
  });
});
