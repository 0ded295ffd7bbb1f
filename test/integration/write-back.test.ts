import { describe, expect, it } from "@jest/globals";
import { WRITE_BACK_BRANCH } from "../../src/sync/write-back-branch.js";
import { WriteBackPrBody } from "../../src/bot-pr/write-back-pr-body.js";
import { applyTextEdits, planSetTaskId } from "../../src/checklist/edit-plan.js";
import { parsePlan } from "../../src/checklist/parse-plan.js";
import { parseSyncedMarker } from "../../src/github/hidden-markers.js";
import { createWebhookPayload } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { useNovaWorld } from "./use-nova-world.js";
import { botPrWorld, PLAN } from "./bot-pr-world.js";

const bundled = loadChecklist("bundled");

/** The bundled plan with every task's id pinned, so ticks are the only edits left. */
function pinAll(source: string): string {
  const plan = parsePlan(source);
  return applyTextEdits(
    source,
    plan.tasks.flatMap((task) => planSetTaskId(plan, task.id)),
  );
}
const pinned = pinAll(bundled);

const SETUP = "DGX Setup Playbook erstellen";
const GRAFANA = "Grafana Dashboard Templates";

const world = useNovaWorld({ clock: "2025-01-06T09:00:00Z", nova: botPrWorld() });

/** Positions where two texts of equal length differ, with the characters. */
function diffChars(before: string, after: string): Array<[string, string]> {
  expect(after).toHaveLength(before.length);
  const changes: Array<[string, string]> = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) changes.push([before[i]!, after[i]!]);
  }
  return changes;
}

function openWriteBacks() {
  return world.nova
    .pulls()
    .filter((pull) => pull.head.ref === WRITE_BACK_BRANCH && pull.state === "open");
}

async function close(title: string, by: string) {
  await world.nova.deliver(
    "issues",
    world.repo.closeIssue(world.nova.issueOf(title).number, { by }),
  );
}

describe("the checklist write-back pull request", () => {
  it("close two task issues → one pull request whose diff is exactly two one-character edits", async () => {
    await world.nova.push({ [PLAN]: pinned });
    expect(world.nova.pulls()).toEqual([]);

    await close(SETUP, "alice");
    await close(GRAFANA, "bob");
    expect(world.fake.violations).toEqual([]);

    const open = openWriteBacks();
    expect(open).toHaveLength(1);
    const pull = open[0]!;
    expect(pull).toMatchObject({
      title: "Nova: Checkliste abgleichen",
      user: { login: "nova-test[bot]" },
      base: { ref: "main" },
    });
    // One commit on the current default branch, never a merge.
    const head = world.repo.branchSha(WRITE_BACK_BRANCH)!;
    expect(world.repo.git.store.commit(head)!.parents).toEqual([world.repo.branchSha("main")]);
    expect(
      diffChars(world.repo.getFile("main", PLAN)!, world.repo.getFile(WRITE_BACK_BRANCH, PLAN)!),
    ).toEqual([
      [" ", "x"],
      [" ", "x"],
    ]);

    // The body lists each change with its issue and who closed it (without pinging them).
    const body = WriteBackPrBody.parse(pull.body)!;
    expect(body.data.changes.map((c) => [c.action, c.title, c.actor])).toEqual([
      ["tick", SETUP, "alice"],
      ["tick", GRAFANA, "bob"],
    ]);
    expect(body.data.pinned).toEqual([]);
    expect(pull.body).toContain(
      `#${world.nova.issueOf(SETUP).number}, geschlossen von @\u200Dalice`,
    );
    expect(pull.body).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?) #\d/i);

    // The issues stay closed as people left them, and their markers say so.
    for (const title of [SETUP, GRAFANA]) {
      const issue = world.nova.issueOf(title);
      expect(issue.state).toBe("closed");
      expect(parseSyncedMarker(issue.body)?.checked).toBe(true);
    }
  });

  it("holds the issues while the pull request is open: a reconcile-like sync writes nothing", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await close(SETUP, "alice");
    const mark = world.fake.requests.length;
    // An unrelated checklist push syncs again; the held issue is neither reopened nor rewritten.
    await world.nova.push({ [PLAN]: `${pinned}\n` });
    expect(world.nova.writesSince(mark).filter((write) => !write.startsWith("POST /git/"))).toEqual(
      [
        "PATCH /git/refs/heads/nova/checklist", // regenerated on the moved base
      ],
    );
    expect(world.nova.issueOf(SETUP).state).toBe("closed");
    expect(openWriteBacks()).toHaveLength(1);
    expect(world.fake.violations).toEqual([]);
  });

  it("the same issue event redelivered opens no second pull request and writes nothing", async () => {
    await world.nova.push({ [PLAN]: pinned });
    const closed = world.repo.closeIssue(world.nova.issueOf(SETUP).number, { by: "alice" });
    await world.nova.deliver("issues", closed, "close-1");
    const mark = world.fake.requests.length;
    await world.nova.deliver("issues", closed, "close-1");
    expect(world.nova.writesSince(mark)).toEqual([]);
    expect(world.nova.pulls()).toHaveLength(1);
  });

  it("reopen one → the pull request is updated to the other alone", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await close(SETUP, "alice");
    await close(GRAFANA, "bob");
    const number = openWriteBacks()[0]!.number;

    await world.nova.deliver(
      "issues",
      world.repo.reopenIssue(world.nova.issueOf(SETUP).number, { by: "alice" }),
    );
    expect(world.fake.violations).toEqual([]);
    const open = openWriteBacks();
    expect(open.map((pull) => pull.number)).toEqual([number]);
    expect(WriteBackPrBody.parse(open[0]!.body)!.data.changes.map((c) => c.title)).toEqual([
      GRAFANA,
    ]);
    expect(
      diffChars(world.repo.getFile("main", PLAN)!, world.repo.getFile(WRITE_BACK_BRANCH, PLAN)!),
    ).toEqual([[" ", "x"]]);
    // The reopened issue is open and back in step with its unticked box.
    const reopened = world.nova.issueOf(SETUP);
    expect(reopened.state).toBe("open");
    expect(parseSyncedMarker(reopened.body)?.checked).toBe(false);
  });

  it("merge → the following sync writes nothing", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await close(SETUP, "alice");
    await close(GRAFANA, "bob");
    const number = openWriteBacks()[0]!.number;

    const mark = world.fake.requests.length;
    await world.nova.merge(number);
    expect(world.nova.writesSince(mark)).toEqual([]);
    expect(world.fake.violations).toEqual([]);
    const main = world.repo.getFile("main", PLAN)!;
    expect(main).toContain(`- [x] **${SETUP}**`);
    expect(main).toContain(`- [x] **${GRAFANA}**`);
    expect(world.nova.issueOf(SETUP).state).toBe("closed");
    // And later syncs stay quiet: no pull request is opened again.
    const again = world.fake.requests.length;
    await world.nova.push({ [PLAN]: `${main}\n` });
    expect(world.nova.writesSince(again)).toEqual([]);
    expect(openWriteBacks()).toEqual([]);
  });

  it("a checklist ticked by hand closes the pull request with a note", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await close(SETUP, "alice");
    const number = openWriteBacks()[0]!.number;

    await world.nova.push({
      [PLAN]: pinned.replace(`- [ ] **${SETUP}**`, `- [x] **${SETUP}**`),
    });
    expect(world.fake.violations).toEqual([]);
    const pull = world.nova.pulls().find((candidate) => candidate.number === number)!;
    expect(pull).toMatchObject({ state: "closed", merged: false });
    expect(world.repo.comments(number).map((comment) => comment.body)).toEqual([
      expect.stringContaining("Die Checkliste stimmt inzwischen mit den Issues überein"),
    ]);
    expect(world.nova.issueOf(SETUP).state).toBe("closed");
    // Nova closed it itself: that starts no sync and nothing is reopened.
    expect(openWriteBacks()).toEqual([]);
  });

  it("closed unmerged by a maintainer: the proposals are rejected and the checklist wins", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await close(SETUP, "alice");
    const number = openWriteBacks()[0]!.number;

    await world.nova.closePull(number);
    expect(world.fake.violations).toEqual([]);
    const issue = world.nova.issueOf(SETUP);
    expect(issue.state).toBe("open");
    expect(parseSyncedMarker(issue.body)?.checked).toBe(false);
    expect(openWriteBacks()).toEqual([]);
  });

  it("a plan without pinned ids: the diff is only the line whose box changes (with its pin), and merging it is still a no-op sync", async () => {
    await world.nova.push({ [PLAN]: bundled });
    await close(SETUP, "alice");
    const [pull] = openWriteBacks();
    const body = WriteBackPrBody.parse(pull!.body)!;
    expect(body.data.pinned).toEqual(["dgx-setup-playbook-erstellen"]);
    expect(pull!.body).toContain("<summary>1 feste ID");
    // What the body promises: only the task below changes, one character in its box and its pin.
    const before = world.repo.getFile("main", PLAN)!.split("\n");
    const after = world.repo.getFile(WRITE_BACK_BRANCH, PLAN)!.split("\n");
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, index) =>
      line === after[index] ? [] : [{ before: line, after: after[index]! }],
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]!.after).toBe(
      changed[0]!.before.replace(`- [ ] **${SETUP}**`, `- [x] **${SETUP}**`) +
        " <!-- nova: id=dgx-setup-playbook-erstellen -->",
    );

    const mark = world.fake.requests.length;
    await world.nova.merge(pull!.number);
    expect(world.nova.writesSince(mark)).toEqual([]);
    expect(world.fake.violations).toEqual([]);
  });

  it("a reopened issue whose box is ticked: the pull request unticks it, holds it, and merging is a no-op", async () => {
    const ticked = pinned.replace(`- [ ] **${SETUP}**`, `- [x] **${SETUP}**`);
    await world.nova.push({ [PLAN]: ticked });
    expect(world.nova.issueOf(SETUP).state).toBe("closed");

    await world.nova.deliver(
      "issues",
      world.repo.reopenIssue(world.nova.issueOf(SETUP).number, { by: "carol" }),
    );
    const [pull] = openWriteBacks();
    expect(WriteBackPrBody.parse(pull!.body)!.data.changes).toEqual([
      expect.objectContaining({ action: "untick", title: SETUP, actor: null }),
    ]);
    expect(
      diffChars(world.repo.getFile("main", PLAN)!, world.repo.getFile(WRITE_BACK_BRANCH, PLAN)!),
    ).toEqual([["x", " "]]);
    // Held on the next sync: the issue stays open although the box is still ticked.
    await world.nova.push({ [PLAN]: `${ticked}\n` });
    expect(world.nova.issueOf(SETUP).state).toBe("open");

    const mark = world.fake.requests.length;
    await world.nova.merge(pull!.number);
    expect(world.nova.writesSince(mark)).toEqual([]);
    expect(world.nova.issueOf(SETUP).state).toBe("open");
    expect(world.fake.violations).toEqual([]);
  });

  it("GitHub failing while the pull request is opened: the next sync opens exactly one", async () => {
    await world.nova.push({ [PLAN]: pinned });
    world.fake.failNext({ method: "POST", path: /\/pulls$/, status: 502 });
    await close(SETUP, "alice");
    expect(world.fake.pendingFailures()).toEqual([]);
    expect(world.nova.pulls()).toEqual([]);
    // Not marked yet, so the issue is still a plain proposal (never reopened meanwhile).
    expect(parseSyncedMarker(world.nova.issueOf(SETUP).body)?.checked).toBe(false);

    await world.nova.push({ [PLAN]: `${pinned}\n` });
    expect(openWriteBacks()).toHaveLength(1);
    expect(world.nova.issueOf(SETUP).state).toBe("closed");
    expect(parseSyncedMarker(world.nova.issueOf(SETUP).body)?.checked).toBe(true);
    expect(world.fake.violations).toEqual([]);
  });

  it("a sync that read the repository hands it to the write-back: repos/get once", async () => {
    await world.nova.push({ [PLAN]: pinned });
    // Closed while Nova was away; the installation's sync (no repository in its payload) finds it.
    world.repo.closeIssue(world.nova.issueOf(SETUP).number, { by: "alice" });
    const mark = world.fake.requests.length;
    const payload = createWebhookPayload("installation.created", {
      installationId: 42,
      set: {
        repositories: [
          { id: 1, node_id: "R_1", name: "dgx", full_name: "acme/dgx", private: false },
        ],
      },
    });
    await world.nova.deliver("installation", payload);
    expect(openWriteBacks()).toHaveLength(1);
    const repositoryReads = world.fake.requests
      .slice(mark)
      .filter((request) => request.method === "GET" && request.path === "/repos/acme/dgx");
    expect(repositoryReads).toHaveLength(1);
    expect(world.fake.violations).toEqual([]);
  });

  it("a close as not planned proposes nothing and opens no pull request", async () => {
    await world.nova.push({ [PLAN]: pinned });
    await world.nova.deliver(
      "issues",
      world.repo.closeIssue(world.nova.issueOf(SETUP).number, {
        by: "alice",
        reason: "not_planned",
      }),
    );
    expect(world.nova.pulls()).toEqual([]);
    expect(world.fake.violations).toEqual([]);
  });
});
