import { beforeEach, describe, expect, it } from "@jest/globals";
import { STATUS_BRANCH } from "../../src/bot-pr/bot-pr-names.js";
import { StatusPrBody } from "../../src/bot-pr/status-pr-body.js";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";
import { readChecklistFile } from "../../src/cli/read-checklist.js";
import { createOctokitPort } from "../../src/github/octokit-port.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { useNovaWorld } from "./use-nova-world.js";
import { botPrWorld, PLAN, type PullJson } from "./bot-pr-world.js";

const bundled = loadChecklist("bundled");
const REPORTS = "reports/status";

/** 06:00 in Berlin (CET) on a day of January 2025, as UTC. */
const sixAm = (day: string) => `2025-01-${day}T05:00:00Z`;

const world = useNovaWorld({ clock: "2025-01-06T04:00:00Z", nova: botPrWorld() });
let plan = bundled;

beforeEach(async () => {
  plan = bundled;
  // The first sync makes the repository and its schedule known.
  await world.nova.push({ [PLAN]: plan });
});

/** Ticks the schedule at an instant and waits for the reports it started. */
async function tickAt(iso: string): Promise<number> {
  world.clock.set(iso);
  return world.nova.botPrs.tick();
}

/** Ticks the task's box in the checklist on the default branch (a change for the next report). */
async function tick(title: string) {
  plan = plan.replace(`- [ ] **${title}**`, `- [x] **${title}**`);
  await world.nova.push({ [PLAN]: plan });
}

function statusPulls(): PullJson[] {
  return world.nova.pulls().filter((pull) => pull.head.ref === STATUS_BRANCH);
}

function openStatusPull(): PullJson {
  const open = statusPulls().filter((pull) => pull.state === "open");
  expect(open).toHaveLength(1);
  return open[0]!;
}

/** The report files on a ref, by date. */
function reportsOn(ref: string): string[] {
  const sha = world.repo.git.resolveCommit(ref)!;
  return [...world.repo.git.filesAt(sha).keys()]
    .filter((path) => path.startsWith(`${REPORTS}/`) && path !== `${REPORTS}/index.md`)
    .map((path) => path.slice(REPORTS.length + 1, -3))
    .sort();
}

describe("the status report pull request", () => {
  it("the first scheduled report opens the pull request with the report and the index", async () => {
    expect(await tickAt("2025-01-06T04:59:00Z")).toBe(0);
    expect(await tickAt(sixAm("06"))).toBe(1);
    expect(world.fake.violations).toEqual([]);

    const pull = openStatusPull();
    expect(pull).toMatchObject({
      title: "Nova-Statusbericht 2025-01-06",
      user: { login: "nova-test[bot]" },
      base: { ref: "main" },
      labels: [{ name: "nova:status" }],
    });
    expect(StatusPrBody.parse(pull.body)?.data.reports).toEqual(["2025-01-06"]);
    const report = world.repo.getFile(STATUS_BRANCH, `${REPORTS}/2025-01-06.md`)!;
    expect(report).toContain("# Nova-Statusbericht 06.01.2025");
    expect(report).toContain("## Zusammenfassung");
    expect(report).toContain("## Fortschritt");
    expect(report).toContain("## Nächste Schritte");
    expect(report).not.toContain("GPU");
    expect(world.repo.getFile(STATUS_BRANCH, `${REPORTS}/index.md`)).toContain(
      "- [06.01.2025](2025-01-06.md)",
    );
    // One commit on the default branch through the git data API.
    const head = world.repo.git.store.commit(world.repo.branchSha(STATUS_BRANCH)!)!;
    expect(head.parents).toEqual([world.repo.branchSha("main")]);

    // The same minute again, or the next one: nothing runs, nothing is written.
    const mark = world.fake.requests.length;
    expect(await tickAt(sixAm("06"))).toBe(0);
    expect(await tickAt("2025-01-06T05:01:00Z")).toBe(0);
    expect(world.nova.writesSince(mark)).toEqual([]);
  });

  it("the next day with a change updates the same pull request, which holds both reports, on the moved base", async () => {
    await tickAt(sixAm("06"));
    const first = openStatusPull();
    world.repo.setFile("main", "README.md", "# dgx\n\nNeu.\n"); // the base moves
    await tick("DGX Setup Playbook erstellen");

    expect(await tickAt(sixAm("07"))).toBe(1);
    expect(world.fake.violations).toEqual([]);
    const pull = openStatusPull();
    expect(pull.number).toBe(first.number);
    expect(pull.title).toBe("Nova-Statusbericht 2025-01-07");
    expect(StatusPrBody.parse(pull.body)?.data.reports).toEqual(["2025-01-07", "2025-01-06"]);
    expect(reportsOn(STATUS_BRANCH)).toEqual(["2025-01-06", "2025-01-07"]);
    const index = world.repo.getFile(STATUS_BRANCH, `${REPORTS}/index.md`)!;
    expect(index.indexOf("2025-01-07.md")).toBeLessThan(index.indexOf("2025-01-06.md"));
    // Regenerated from the current default branch: one commit, the README change included.
    const head = world.repo.git.store.commit(world.repo.branchSha(STATUS_BRANCH)!)!;
    expect(head.parents).toEqual([world.repo.branchSha("main")]);
    expect(world.repo.getFile(STATUS_BRANCH, "README.md")).toBe("# dgx\n\nNeu.\n");
    expect(world.repo.getFile(STATUS_BRANCH, `${REPORTS}/2025-01-07.md`)).toContain("1 von 20");
  });

  it("a day without change makes no commit", async () => {
    await tickAt(sixAm("06"));
    const head = world.repo.branchSha(STATUS_BRANCH);
    const mark = world.fake.requests.length;
    expect(await tickAt(sixAm("07"))).toBe(1);
    expect(world.nova.writesSince(mark)).toEqual([]);
    expect(world.repo.branchSha(STATUS_BRANCH)).toBe(head);
    expect(openStatusPull().title).toBe("Nova-Statusbericht 2025-01-06");
  });

  it("runs on weekdays only (the default `0 6 * * 1-5`)", async () => {
    await tick("DGX Setup Playbook erstellen");
    expect(await tickAt(sixAm("11"))).toBe(0); // Saturday
    expect(statusPulls()).toEqual([]);
  });

  it("after a merge the next report opens a new pull request", async () => {
    await tickAt(sixAm("06"));
    const first = openStatusPull();
    await world.nova.merge(first.number);
    expect(reportsOn("main")).toEqual(["2025-01-06"]);

    // Nothing changed: no new pull request.
    expect(await tickAt(sixAm("07"))).toBe(1);
    expect(statusPulls().filter((pull) => pull.state === "open")).toEqual([]);

    await tick("DGX Setup Playbook erstellen");
    await tickAt(sixAm("08"));
    const second = openStatusPull();
    expect(second.number).not.toBe(first.number);
    expect(StatusPrBody.parse(second.body)?.data.reports).toEqual(["2025-01-08"]);
    expect(reportsOn(STATUS_BRANCH)).toEqual(["2025-01-06", "2025-01-08"]);
    expect(world.fake.violations).toEqual([]);
  });

  it("a pull request closed unmerged is respected: no new one that day on schedule, a new one the next day with changes", async () => {
    await world.nova.push({ ".github/nova.yml": 'status:\n  schedule: "0 * * * *"\n' });
    await tickAt(sixAm("06"));
    const first = openStatusPull();
    world.clock.set("2025-01-06T09:30:00Z");
    await world.nova.closePull(first.number);
    await tick("DGX Setup Playbook erstellen");

    expect(await tickAt("2025-01-06T10:00:00Z")).toBe(1);
    expect(statusPulls().filter((pull) => pull.state === "open")).toEqual([]);

    await tickAt(sixAm("07"));
    const second = openStatusPull();
    expect(second.number).not.toBe(first.number);
    // The rejected pull request's report is not carried over.
    expect(StatusPrBody.parse(second.body)?.data.reports).toEqual(["2025-01-07"]);
    expect(reportsOn(STATUS_BRANCH)).toEqual(["2025-01-07"]);
    expect(world.fake.violations).toEqual([]);
  });
});

describe("/nova report and nova report", () => {
  it("/nova report writes the report now and replies with the link; redelivered, nothing more happens", async () => {
    world.repo.setPermission("alice", "write");
    const comment = world.repo.addComment(1, "/nova report", { by: "alice" });
    await world.nova.deliver("issue_comment", comment, "comment-1");
    expect(world.fake.violations).toEqual([]);
    const pull = openStatusPull();
    const replies = world.repo
      .comments(1)
      .filter((c) => (c.user as { login: string }).login.endsWith("[bot]"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain(`[#${pull.number}]`);
    expect(replies[0]!.body).toContain(
      "Der Statusbericht vom 06.01.2025 steht in einem neuen Pull Request",
    );

    const mark = world.fake.requests.length;
    await world.nova.deliver("issue_comment", comment, "comment-1");
    // Only the 👀 again (GitHub keeps one reaction per person and content).
    expect(world.nova.writesSince(mark)).toEqual(["POST /issues/comments/500001/reactions"]);
    expect(statusPulls()).toHaveLength(1);
  });

  it("/nova report needs write permission", async () => {
    world.repo.setPermission("bob", "read");
    await world.nova.deliver(
      "issue_comment",
      world.repo.addComment(1, "/nova bericht", { by: "bob" }),
    );
    expect(statusPulls()).toEqual([]);
    const reply = world.repo.comments(1).at(-1)!.body as string;
    expect(reply).toContain("`write`");
  });

  it("/nova report opens a new pull request at once after one was closed unmerged", async () => {
    await tickAt(sixAm("06"));
    await world.nova.closePull(openStatusPull().number);
    await tick("DGX Setup Playbook erstellen");
    world.repo.setPermission("alice", "write");
    await world.nova.deliver(
      "issue_comment",
      world.repo.addComment(1, "/nova report", { by: "alice" }),
    );
    expect(statusPulls().filter((pull) => pull.state === "open")).toHaveLength(1);
  });

  it("nova report --repo acme/dgx from a terminal does what the schedule does", async () => {
    const octokit = await world.nova.nova.probot.auth(42);
    let stdout = "";
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stdout += text),
      cwd: process.cwd(),
      now: () => world.clock.now(),
      readFile: readChecklistFile,
      writeFile: () => Promise.resolve(),
      connectGitHub: (target, botLogin) => {
        const port = createOctokitPort(octokit, target, { sleep: () => Promise.resolve() });
        return Promise.resolve({
          port,
          pulls: port,
          botLogin: botLogin ?? "nova-test[bot]",
        });
      },
    };
    world.clock.set(sixAm("06"));
    expect(await runCli(["report", "--repo", "acme/dgx", "--dry-run"], io)).toBe(0);
    expect(stdout).toContain("Probelauf: nichts wurde geschrieben.");
    expect(statusPulls()).toEqual([]);

    stdout = "";
    expect(await runCli(["report", "--repo", "acme/dgx", "--lang", "en"], io)).toBe(0);
    expect(stdout).toContain("The status report of 2025-01-06 is in a new pull request");
    expect(openStatusPull().title).toBe("Nova-Statusbericht 2025-01-06");

    stdout = "";
    expect(await runCli(["report", "--repo", "acme/dgx", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: "up-to-date", date: "2025-01-06" });
    expect(world.fake.violations).toEqual([]);
  });
});
