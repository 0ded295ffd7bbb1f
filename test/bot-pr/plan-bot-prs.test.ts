import { describe, expect, it } from "@jest/globals";
import type { BotPrOp } from "../../src/bot-pr/apply-bot-pr.js";
import type { ObservedStatusPr } from "../../src/bot-pr/observe-status-pr.js";
import type { ObservedWriteBack } from "../../src/bot-pr/observe-write-back.js";
import { planStatusPr, type PlanStatusOptions } from "../../src/bot-pr/plan-status-pr.js";
import { planWriteBack, type PlanWriteBackOptions } from "../../src/bot-pr/plan-write-back.js";
import { StatusPrBody } from "../../src/bot-pr/status-pr-body.js";
import type { StatusReportDraft } from "../../src/bot-pr/status-report-content.js";
import { WriteBackPrBody } from "../../src/bot-pr/write-back-pr-body.js";
import type { ObservedIssue, ObservedPull } from "../../src/github/vocabulary.js";
import { renderSyncedMarker, renderTaskMarker } from "../../src/github/hidden-markers.js";

const BASE = "b".repeat(40);
const OLD_BASE = "a".repeat(40);

function pull(overrides: Partial<ObservedPull> = {}): ObservedPull {
  return {
    number: 30,
    title: "",
    body: "",
    state: "open",
    merged: false,
    author: "nova-test[bot]",
    headRef: "nova/x",
    headSha: "c".repeat(40),
    baseRef: "main",
    labels: [],
    htmlUrl: "https://github.com/acme/dgx/pull/30",
    closedAt: null,
    ...overrides,
  };
}

const kinds = (ops: readonly BotPrOp[]) => ops.map((op) => op.kind);

describe("planWriteBack", () => {
  const source = [
    "## 1. Setup",
    "- [ ] **Playbook** – Schritte. <!-- nova: id=playbook -->",
    "- [x] **Treiber** – CUDA. <!-- nova: id=treiber -->",
    "- [ ] **Monitoring** – Grafana.",
    "",
  ].join("\n");
  const options: PlanWriteBackOptions = {
    lang: "de",
    checklistPath: "docs/plan.md",
    defaultBranch: "main",
    closeNote: "Schon erledigt.",
  };
  function issue(number: number, taskId: string, overrides: Partial<ObservedIssue>): ObservedIssue {
    return {
      number,
      title: taskId,
      body: `${renderTaskMarker(taskId)}\n${renderSyncedMarker({ checked: false, removed: false })}`,
      state: "closed",
      stateReason: "completed",
      labels: ["dgx"],
      author: "nova-test[bot]",
      assignees: [],
      htmlUrl: `https://github.com/acme/dgx/issues/${number}`,
      closedAt: "2025-01-06T09:00:00Z",
      closedBy: "alice",
      ...overrides,
    };
  }
  const closedPlaybook = {
    proposal: { taskId: "playbook", issueNumber: 1, action: "tick" as const },
    issue: issue(1, "playbook", {}),
  };
  function observed(overrides: Partial<ObservedWriteBack> = {}): ObservedWriteBack {
    return { baseSha: BASE, source, proposals: [closedPlaybook], open: null, ...overrides };
  }

  it("pins the id of a changed task whose id comes from its title, on that task only", () => {
    const plan = planWriteBack(
      observed({
        proposals: [
          {
            proposal: { taskId: "monitoring", issueNumber: 3, action: "tick" },
            issue: issue(3, "monitoring", {}),
          },
        ],
      }),
      options,
    );
    const commit = plan.ops[0] as Extract<BotPrOp, { kind: "commit" }>;
    expect(commit.files).toEqual([
      {
        path: "docs/plan.md",
        content: source.replace(
          "- [ ] **Monitoring** – Grafana.",
          "- [x] **Monitoring** – Grafana. <!-- nova: id=monitoring -->",
        ),
      },
    ]);
    expect(plan.pinned).toEqual(["monitoring"]);
  });

  it("ticks a nested task's box (its issue is a sub-issue of its parent's) and pins its id", () => {
    const nested = source.replace(
      "- [ ] **Playbook** – Schritte. <!-- nova: id=playbook -->",
      "- [ ] **Playbook** – Schritte. <!-- nova: id=playbook -->\n  - [ ] **Zeit** – chrony",
    );
    const plan = planWriteBack(
      observed({
        source: nested,
        proposals: [
          {
            proposal: { taskId: "playbook-zeit", issueNumber: 4, action: "tick" },
            issue: issue(4, "playbook-zeit", {}),
          },
        ],
      }),
      options,
    );
    const commit = plan.ops[0] as Extract<BotPrOp, { kind: "commit" }>;
    expect(commit.files).toEqual([
      {
        path: "docs/plan.md",
        content: nested.replace(
          "  - [ ] **Zeit** – chrony",
          "  - [x] **Zeit** – chrony <!-- nova: id=playbook-zeit -->",
        ),
      },
    ]);
    expect(plan.pinned).toEqual(["playbook-zeit"]);
  });

  it("opens the pull request with a one-character tick and touches no other task, then sets the marker", () => {
    const plan = planWriteBack(observed(), options);
    expect(plan.outcome).toBe("opened");
    expect(kinds(plan.ops)).toEqual(["commit", "create-pr", "set-synced-marker"]);
    const commit = plan.ops[0] as Extract<BotPrOp, { kind: "commit" }>;
    expect(commit).toMatchObject({ branch: "nova/checklist", baseSha: BASE });
    expect(commit.files).toEqual([
      {
        path: "docs/plan.md",
        // Monitoring's id is still derived from its title, but its box does not change.
        content: source.replace("- [ ] **Playbook**", "- [x] **Playbook**"),
      },
    ]);
    expect(plan.pinned).toEqual([]);
    expect(plan.changes).toEqual([
      {
        action: "tick",
        taskId: "playbook",
        title: "Playbook",
        issueNumber: 1,
        issueUrl: "https://github.com/acme/dgx/issues/1",
        actor: "alice",
      },
    ]);
    expect(plan.ops[2]).toMatchObject({ kind: "set-synced-marker", issueNumber: 1 });
  });

  it("drops a proposal whose issue moved again, and one whose box already agrees", () => {
    const reopened = { ...closedPlaybook, issue: issue(1, "playbook", { state: "open" }) };
    const driver = {
      proposal: { taskId: "treiber", issueNumber: 2, action: "tick" as const },
      issue: issue(2, "treiber", {}),
    };
    expect(planWriteBack(observed({ proposals: [reopened, driver] }), options).outcome).toBe(
      "none",
    );
  });

  it("closes the open pull request with a note when nothing is left to propose", () => {
    const open = {
      pull: pull({ number: 31 }),
      body: new WriteBackPrBody({ lang: "de", changes: [], pinned: [] }),
      headParents: [BASE],
      headText: source,
    };
    const plan = planWriteBack(observed({ proposals: [], open }), options);
    expect(plan.outcome).toBe("closed");
    expect(plan.ops).toEqual([{ kind: "close-pr", number: 31, comment: "Schon erledigt." }]);
  });

  it("leaves a current pull request alone, and regenerates it on a moved base", () => {
    const first = planWriteBack(observed(), options);
    const commit = first.ops[0] as Extract<BotPrOp, { kind: "commit" }>;
    const created = first.ops[1] as Extract<BotPrOp, { kind: "create-pr" }>;
    const marked = {
      ...closedPlaybook,
      issue: issue(1, "playbook", {
        body: `${renderTaskMarker("playbook")}\n${renderSyncedMarker({ checked: true, removed: false })}`,
      }),
    };
    const open = {
      pull: pull({ title: created.title, body: created.body }),
      body: WriteBackPrBody.parse(created.body)!,
      headParents: [BASE],
      headText: (commit.files[0] as { content: string }).content,
    };
    const current = planWriteBack(observed({ proposals: [marked], open }), options);
    expect(current).toMatchObject({ outcome: "up-to-date", ops: [] });

    const moved = planWriteBack(
      observed({ proposals: [marked], open: { ...open, headParents: [OLD_BASE] } }),
      options,
    );
    expect(moved.outcome).toBe("updated");
    expect(kinds(moved.ops)).toEqual(["commit"]);
  });
});

describe("planStatusPr", () => {
  const report: StatusReportDraft = {
    date: "2025-01-07",
    text: "# report 7\n",
    digest: "d7",
    blobSha: "7".repeat(40),
    progress: { done: 1, total: 20, percent: 5 },
  };
  const options: PlanStatusOptions = {
    trigger: "schedule",
    lang: "de",
    defaultBranch: "main",
    repoUrl: "https://github.com/acme/dgx",
    dateOf: (iso) => iso.slice(0, 10),
    renderIndex: (dates) => `index ${[...new Set(dates)].sort().reverse().join(",")}\n`,
  };
  function observed(overrides: Partial<ObservedStatusPr> = {}): ObservedStatusPr {
    return {
      baseSha: BASE,
      baseReports: new Map(),
      open: null,
      rejected: null,
      latestDigest: null,
      ...overrides,
    };
  }
  function openWith(reports: Array<[string, string]>, body = "") {
    return {
      pull: pull({ number: 40, title: "Nova-Statusbericht 2025-01-06", body }),
      reports: new Map(reports),
    };
  }

  it("opens the first pull request: the report and the index in one commit, with the label", () => {
    const plan = planStatusPr(report, observed(), options);
    expect(plan.outcome).toBe("opened");
    expect(plan.ops[0]).toEqual({
      kind: "commit",
      branch: "nova/status",
      baseSha: BASE,
      message: "Nova-Statusbericht 2025-01-07",
      files: [
        { path: "reports/status/2025-01-07.md", content: "# report 7\n" },
        { path: "reports/status/index.md", content: "index 2025-01-07\n" },
      ],
    });
    expect(plan.ops[1]).toMatchObject({
      kind: "create-pr",
      title: "Nova-Statusbericht 2025-01-07",
      head: "nova/status",
      base: "main",
      label: { name: "nova:status" },
    });
  });

  it("carries every report of the open pull request over (by blob), and rewrites title and body", () => {
    const open = openWith([["2025-01-06", "6".repeat(40)]]);
    const plan = planStatusPr(report, observed({ open, latestDigest: "d6" }), options);
    expect(plan.outcome).toBe("updated");
    expect(plan.reports).toEqual(["2025-01-07", "2025-01-06"]);
    const commit = plan.ops[0] as Extract<BotPrOp, { kind: "commit" }>;
    expect(commit.files).toEqual([
      { path: "reports/status/2025-01-06.md", blobSha: "6".repeat(40) },
      { path: "reports/status/2025-01-07.md", content: "# report 7\n" },
      { path: "reports/status/index.md", content: "index 2025-01-07,2025-01-06\n" },
    ]);
    expect(plan.ops[1]).toMatchObject({
      kind: "update-pr",
      number: 40,
      changes: { title: "Nova-Statusbericht 2025-01-07" },
    });
  });

  it("a day without change: no commit; the same day's report unchanged: nothing at all", () => {
    const open = openWith([["2025-01-06", "6".repeat(40)]]);
    const noChange = planStatusPr(report, observed({ open, latestDigest: "d7" }), options);
    expect(noChange.outcome).toBe("up-to-date");
    expect(kinds(noChange.ops)).not.toContain("commit");

    const body = new StatusPrBody({
      lang: "de",
      repoUrl: options.repoUrl,
      reports: ["2025-01-07"],
      progress: report.progress,
    }).toString();
    const sameDay = planStatusPr(
      report,
      observed({
        open: {
          pull: pull({ number: 40, title: "Nova-Statusbericht 2025-01-07", body }),
          reports: new Map([["2025-01-07", report.blobSha]]),
        },
      }),
      options,
    );
    expect(sameDay).toMatchObject({ outcome: "up-to-date", ops: [] });
  });

  it("a report merged already and unchanged needs no pull request", () => {
    const plan = planStatusPr(
      report,
      observed({ baseReports: new Map([["2025-01-06", "6".repeat(40)]]), latestDigest: "d7" }),
      options,
    );
    expect(plan).toMatchObject({ outcome: "up-to-date", ops: [] });
  });

  it("a pull request closed unmerged today stops the schedule, not a command", () => {
    const rejected = pull({ state: "closed", closedAt: "2025-01-07T08:00:00Z" });
    expect(planStatusPr(report, observed({ rejected }), options).outcome).toBe("rejected-today");
    expect(
      planStatusPr(report, observed({ rejected }), { ...options, trigger: "command" }).outcome,
    ).toBe("opened");
    const yesterday = pull({ state: "closed", closedAt: "2025-01-06T08:00:00Z" });
    expect(planStatusPr(report, observed({ rejected: yesterday }), options).outcome).toBe("opened");
  });
});
