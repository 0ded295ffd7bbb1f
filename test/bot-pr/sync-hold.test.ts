import { beforeEach, describe, expect, it } from "@jest/globals";
import { runSync, type RunSyncOptions, type SyncSummary } from "../../src/sync/run-sync.js";
import type { PendingWriteBack } from "../../src/sync/plan-sync.js";
import {
  parseSyncedMarker,
  parseTaskMarker,
  writeSyncedMarker,
} from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { MemoryPort } from "../sync/memory-port.js";

/**
 * The sync's rule for Nova's own write-back pull request (docs/sync.md, "Write-back"): an issue
 * whose box differs from its synced marker follows the checklist, unless the task is in the open
 * write-back pull request; that is read lazily, only when such an issue exists.
 */

const PATH = "docs/dgx-spark-plan.md";
const SETUP = "dgx-setup-playbook-erstellen";
const bundled = loadChecklist("bundled");

let port: MemoryPort;
let reads: number;
let pending: PendingWriteBack;

function options(): RunSyncOptions {
  return {
    port,
    botLogin: "nova-test[bot]",
    links: {
      htmlUrl: "https://github.com/acme/dgx",
      defaultBranch: "main",
      checklistPath: PATH,
      sha: "1".repeat(40),
    },
    prefix: "dgx",
    lang: "de",
    closeRemoved: true,
    maxWritesPerRun: 200,
    dryRun: false,
    readPendingWriteBack: () => {
      reads++;
      return Promise.resolve(pending);
    },
  };
}

async function sync(): Promise<{ writes: string[]; summary: SyncSummary }> {
  const before = port.writes.length;
  const outcome = await runSync(options());
  if (outcome.status !== "synced") throw new Error(outcome.status);
  return { writes: port.writes.slice(before), summary: outcome.summary };
}

function issueOf(taskId: string) {
  return port.issues.find((issue) => parseTaskMarker(issue.body) === taskId)!;
}

/** What Nova does when it opens the write-back pull request: the marker says the new state. */
function markProposed(taskId: string, checked: boolean) {
  const issue = issueOf(taskId);
  port.humanEdit(issue.number, {
    body: writeSyncedMarker(issue.body, { checked, removed: false }),
  });
}

beforeEach(async () => {
  port = new MemoryPort();
  port.setFile(PATH, bundled);
  reads = 0;
  pending = new Map();
  await sync();
  reads = 0;
});

describe("the sync and the write-back pull request", () => {
  it("a no-op sync does not read the pull request", async () => {
    expect((await sync()).writes).toEqual([]);
    expect(reads).toBe(0);
  });

  it("a human's close (box = marker) is a proposal without reading the pull request", async () => {
    port.humanEdit(issueOf(SETUP).number, { state: "closed", stateReason: "completed" });
    const { writes, summary } = await sync();
    expect(writes).toEqual([]);
    expect(summary.proposals).toEqual([
      { taskId: SETUP, issueNumber: issueOf(SETUP).number, action: "tick" },
    ]);
    expect(reads).toBe(0);
  });

  it("held: the task is in the open pull request, so the issue stays closed and the proposal stays", async () => {
    port.humanEdit(issueOf(SETUP).number, { state: "closed", stateReason: "completed" });
    markProposed(SETUP, true);
    pending = new Map([[SETUP, "tick"]]);
    const { writes, summary } = await sync();
    expect(reads).toBe(1);
    expect(writes).toEqual([]);
    expect(issueOf(SETUP).state).toBe("closed");
    expect(parseSyncedMarker(issueOf(SETUP).body)?.checked).toBe(true);
    expect(summary.proposals.map((proposal) => proposal.action)).toEqual(["tick"]);
  });

  it("not in an open pull request (closed unmerged): the checklist wins and the issue is reopened", async () => {
    const number = issueOf(SETUP).number;
    port.humanEdit(number, { state: "closed", stateReason: "completed" });
    markProposed(SETUP, true);
    const { writes, summary } = await sync();
    expect(reads).toBe(1);
    expect(writes).toEqual([`update-issue #${number} body,state,stateReason`]);
    expect(issueOf(SETUP).state).toBe("open");
    expect(parseSyncedMarker(issueOf(SETUP).body)?.checked).toBe(false);
    expect(summary.proposals).toEqual([]);
  });

  it("the pull request proposes the other direction: not held", async () => {
    port.humanEdit(issueOf(SETUP).number, { state: "closed", stateReason: "completed" });
    markProposed(SETUP, true);
    pending = new Map([[SETUP, "untick"]]);
    await sync();
    expect(issueOf(SETUP).state).toBe("open");
  });

  it("merged: box and marker agree with the closed issue, nothing is written or read", async () => {
    port.humanEdit(issueOf(SETUP).number, { state: "closed", stateReason: "completed" });
    markProposed(SETUP, true);
    port.setFile(
      PATH,
      bundled.replace(
        "- [ ] **DGX Setup Playbook erstellen**",
        "- [x] **DGX Setup Playbook erstellen**",
      ),
    );
    const { writes, summary } = await sync();
    expect(writes).toEqual([]);
    expect(summary.proposals).toEqual([]);
    expect(reads).toBe(0);
  });

  it("a box ticked in the checklist reads the pull request once, then follows the checklist", async () => {
    const number = issueOf(SETUP).number;
    port.setFile(
      PATH,
      bundled.replace(
        "- [ ] **DGX Setup Playbook erstellen**",
        "- [x] **DGX Setup Playbook erstellen**",
      ),
    );
    const { writes } = await sync();
    expect(reads).toBe(1);
    expect(writes).toEqual([`update-issue #${number} body,state,stateReason`]);
    expect(issueOf(SETUP).state).toBe("closed");
  });

  it("a close as not planned is never held and needs no read", async () => {
    port.humanEdit(issueOf(SETUP).number, { state: "closed", stateReason: "not_planned" });
    markProposed(SETUP, true);
    pending = new Map([[SETUP, "tick"]]);
    await sync();
    expect(reads).toBe(0);
    expect(issueOf(SETUP).state).toBe("open");
  });
});
