import { beforeEach, describe, expect, it } from "@jest/globals";
import {
  runSync,
  type RunSyncOptions,
  type SyncOutcome,
  type SyncSummary,
} from "../../src/sync/run-sync.js";
import { parseSyncedMarker, parseTaskMarker } from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { MemoryPort } from "./memory-port.js";

const PATH = "docs/dgx-spark-plan.md";
const SHA_1 = "1".repeat(40);
const SHA_2 = "2".repeat(40);

function options(port: MemoryPort, overrides: Partial<RunSyncOptions> = {}): RunSyncOptions {
  return {
    port,
    botLogin: "nova-test[bot]",
    links: {
      htmlUrl: "https://github.com/acme/dgx",
      defaultBranch: "main",
      checklistPath: PATH,
      sha: SHA_1,
    },
    prefix: "dgx",
    lang: "de",
    closeRemoved: true,
    maxWritesPerRun: 200,
    dryRun: false,
    ...overrides,
  };
}

function synced(outcome: SyncOutcome): SyncSummary {
  if (outcome.status !== "synced" && outcome.status !== "dry-run")
    throw new Error(`sync ${outcome.status}`);
  return outcome.summary;
}

/** Runs a sync and returns the writes it made. */
async function sync(port: MemoryPort, overrides: Partial<RunSyncOptions> = {}): Promise<string[]> {
  const before = port.writes.length;
  synced(await runSync(options(port, overrides)));
  return port.writes.slice(before);
}

const bundled = loadChecklist("bundled");
const edit = (from: string, to: string) => {
  const next = port.files.get(PATH)!.replace(from, to);
  expect(next).not.toBe(port.files.get(PATH));
  port.setFile(PATH, next);
};

let port: MemoryPort;
beforeEach(() => {
  port = new MemoryPort();
  port.setFile(PATH, bundled);
});

describe("references in issue bodies", () => {
  const body = (title: string) => port.issues.find((issue) => issue.title === title)!.body;

  it("link only paths that exist at the commit; the rest is code", async () => {
    port.setFile("scripts/install.sh", "#!/bin/sh\n");
    port.setFile("docs/FOUNDATION_CONTAINER_SETUP.md", "# Setup\n");
    await sync(port);
    expect(body("NVIDIA Treiber + CUDA Installationsskript vorbereiten")).toContain(
      "[`scripts/`](https://github.com/acme/dgx/tree/main/scripts)",
    );
    expect(body("Remote-Zugriff dokumentieren")).toContain(
      "[`docs/FOUNDATION_CONTAINER_SETUP.md`](https://github.com/acme/dgx/blob/main/docs/FOUNDATION_CONTAINER_SETUP.md)",
    );
    expect(body("NeMo/LLM Installationsprofile")).toContain("`requirements-gpu.txt`");
    expect(body("NeMo/LLM Installationsprofile")).not.toContain(
      "](https://github.com/acme/dgx/blob/main/requirements-gpu.txt)",
    );
    expect(body("Inference-Skripte vorbereiten")).not.toContain("/nova/models)");
  });

  it("one tree read per commit: a no-op sync of the same commit reads no tree", async () => {
    await sync(port);
    expect(port.calls.filter((call) => call.startsWith("tree "))).toEqual([`tree ${SHA_1}`]);
    const before = port.calls.length;
    expect(await sync(port)).toEqual([]);
    expect(port.calls.slice(before).filter((call) => call.startsWith("tree "))).toEqual([]);
    // A new commit is read again.
    await sync(port, { links: { ...options(port).links, sha: SHA_2 } });
    expect(port.calls.filter((call) => call.startsWith("tree "))).toHaveLength(2);
  });

  it("a plan without path references reads no tree", async () => {
    port.setFile(PATH, "## 1. A\n- [ ] **Eins** – ohne Verweise.\n");
    await sync(port);
    expect(port.calls.filter((call) => call.startsWith("tree "))).toEqual([]);
  });
});

describe("first sync of the bundled plan", () => {
  it("creates 7 labels and 20 issues with markers, labels and bodies", async () => {
    const writes = await sync(port);
    expect(writes.filter((w) => w.startsWith("create-label"))).toHaveLength(7);
    expect(writes.filter((w) => w.startsWith("create-issue"))).toHaveLength(20);
    expect(writes).toHaveLength(27);
    const first = port.issues[0]!;
    expect(first.title).toBe("DGX Setup Playbook erstellen");
    expect(first.labels).toEqual(["dgx", "dgx/infrastruktur-setup-automatisierung"]);
    expect(parseTaskMarker(first.body)).toBe("dgx-setup-playbook-erstellen");
    expect(parseSyncedMarker(first.body)).toEqual({ checked: false, removed: false });
    expect(first.body).toContain(
      "Skript oder Markdown-Anleitung für Erstkonfiguration (Benutzer, Netzwerke, Time Sync) vorbereiten.",
    );
    expect(first.body).toContain(
      `(https://github.com/acme/dgx/blob/${SHA_1}/docs/dgx-spark-plan.md#L6)`,
    );
    expect(first.body).toContain("| **Bereich** | 1\\. Infrastruktur- & Setup-Automatisierung |");
    // `scripts/` does not exist in this repository: shown as code, not a link that 404s.
    const script = port.issues[1]!;
    expect(script.body).toContain("| **Verweise** | `scripts/` |");
    expect(new Set(port.issues.map((issue) => parseTaskMarker(issue.body))).size).toBe(20);
  });

  it("makes zero writes when run again, even at a new commit", async () => {
    await sync(port);
    expect(await sync(port)).toEqual([]);
    expect(await sync(port, { links: { ...options(port).links, sha: SHA_2 } })).toEqual([]);
  });

  it("reads only the checklist and the issue listing on a no-op run", async () => {
    await sync(port);
    port.calls = [];
    await sync(port);
    expect(port.calls.sort()).toEqual([`get-file ${PATH}`, "list-issues dgx"]);
  });

  it("writes nothing in a dry run and reports the same plan", async () => {
    const outcome = await runSync(options(port, { dryRun: true }));
    expect(outcome.status).toBe("dry-run");
    expect(synced(outcome).applied).toHaveLength(27);
    expect(port.writes).toEqual([]);
  });
});

describe("changes to the checklist", () => {
  beforeEach(async () => {
    await sync(port);
  });

  it("ticking a box closes its issue as completed: one write", async () => {
    edit("- [ ] **Risikoanalyse dokumentieren**", "- [x] **Risikoanalyse dokumentieren**");
    expect(await sync(port)).toEqual(["update-issue #20 body,state,stateReason"]);
    expect(port.issues[19]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(await sync(port)).toEqual([]);
  });

  it("unticking reopens", async () => {
    edit("- [ ] **Risikoanalyse dokumentieren**", "- [x] **Risikoanalyse dokumentieren**");
    await sync(port);
    edit("- [x] **Risikoanalyse dokumentieren**", "- [ ] **Risikoanalyse dokumentieren**");
    expect(await sync(port)).toEqual(["update-issue #20 body,state,stateReason"]);
    expect(port.issues[19]!.state).toBe("open");
  });

  it("a renamed task keeps its issue: title and body change, nothing is closed or created", async () => {
    edit("**Grafana Dashboard Templates**", "**Grafana Dashboard Vorlagen**");
    expect(await sync(port)).toEqual(["update-issue #15 body,title"]);
    expect(port.issues[14]!.title).toBe("Grafana Dashboard Vorlagen");
    expect(parseTaskMarker(port.issues[14]!.body)).toBe("grafana-dashboard-vorlagen");
  });

  it("a removed task's issue is closed as not planned with a comment, and reopened when it returns", async () => {
    const line = bundled.split("\n").find((l) => l.includes("**Test-Suites erweitern**"))!;
    edit(`${line}\n`, "");
    expect(await sync(port)).toEqual(["comment #14", "update-issue #14 body,state,stateReason"]);
    expect(port.issues[13]).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(port.comments[0]!.body).toContain("steht nicht mehr in der Checkliste");
    expect(await sync(port)).toEqual([]);
    port.setFile(PATH, bundled);
    expect(await sync(port)).toEqual(["update-issue #14 body,state,stateReason"]);
    expect(port.issues[13]!.state).toBe("open");
  });

  it("a new task gets a new issue; tasks whose lines moved keep their (still valid) permalinks", async () => {
    edit(
      "## 6. Operative Vorbereitung\n",
      "## 6. Operative Vorbereitung\n- [ ] **Lieferung annehmen** – Karton prüfen.\n",
    );
    const writes = await sync(port);
    expect(writes).toEqual(["create-issue Lieferung annehmen"]);
  });

  it("stops at maxWritesPerRun and continues in the follow-up run", async () => {
    for (const title of [
      "Grafana Dashboard Templates",
      "Alerting-Runbooks ergänzen",
      "Statusberichte automatisieren",
    ]) {
      edit(`- [ ] **${title}**`, `- [x] **${title}**`);
    }
    const outcome = synced(await runSync(options(port, { maxWritesPerRun: 2 })));
    expect(outcome.writes).toBe(2);
    expect(outcome.remaining).toHaveLength(1);
    expect(outcome.needsFollowUp).toBe(true);
    expect(await sync(port)).toEqual(["update-issue #17 body,state,stateReason"]);
  });

  it("stops before any write when the checklist has lint errors", async () => {
    edit("**Risikoanalyse dokumentieren** –", "**Grafana Dashboard Templates** –");
    const outcome = await runSync(options(port));
    expect(outcome.status).toBe("checklist-invalid");
    expect(port.writes).toHaveLength(27);
  });
});

describe("humans on GitHub", () => {
  beforeEach(async () => {
    await sync(port);
  });

  it("closing an issue whose box is unticked is kept and proposed as a tick", async () => {
    port.humanEdit(3, { state: "closed", stateReason: "completed" });
    const outcome = synced(await runSync(options(port)));
    expect(port.writes).toHaveLength(27);
    expect(outcome.proposals).toEqual([
      { taskId: "container-orchestrierung-absichern", issueNumber: 3, action: "tick" },
    ]);
  });

  it("reopening a ticked task's issue is kept and proposed as an untick", async () => {
    edit("- [ ] **Risikoanalyse dokumentieren**", "- [x] **Risikoanalyse dokumentieren**");
    await sync(port);
    port.humanEdit(20, { state: "open", stateReason: "reopened" });
    const outcome = synced(await runSync(options(port)));
    expect(outcome.applied).toEqual([]);
    expect(outcome.proposals).toEqual([
      { taskId: "risikoanalyse-dokumentieren", issueNumber: 20, action: "untick" },
    ]);
  });

  it("closing as not planned is kept without a proposal", async () => {
    port.humanEdit(3, { state: "closed", stateReason: "not_planned" });
    const outcome = synced(await runSync(options(port)));
    expect([outcome.applied, outcome.proposals]).toEqual([[], []]);
  });

  it("ignores a human's issue that carries a copied marker", async () => {
    port.addForeignIssue({
      title: "Kopie",
      body: port.issues[0]!.body,
      labels: ["dgx"],
    });
    expect(await sync(port)).toEqual([]);
    // Removing the task must not touch the human's issue either.
    const line = bundled.split("\n").find((l) => l.includes("**DGX Setup Playbook erstellen**"))!;
    edit(`${line}\n`, "");
    expect(await sync(port)).toEqual(["comment #1", "update-issue #1 body,state,stateReason"]);
    expect(port.issues[20]!.state).toBe("open");
  });

  it("keeps people's labels and restores Nova's", async () => {
    port.humanEdit(2, { labels: ["dgx", "good first issue"] });
    expect(await sync(port)).toEqual(["update-issue #2 labels"]);
    expect(port.issues[1]!.labels).toEqual([
      "good first issue",
      "dgx",
      "dgx/infrastruktur-setup-automatisierung",
    ]);
  });

  it("closes duplicates of a task (two concurrent syncs) and keeps the oldest", async () => {
    const original = port.issues[4]!;
    port.issues.push({ ...original, number: 21, htmlUrl: "" });
    expect(await sync(port)).toEqual(["comment #21", "update-issue #21 state,stateReason"]);
    expect(port.comments.at(-1)!.body).toContain("#5");
    expect(await sync(port)).toEqual([]);
  });
});

describe("labels and dependencies", () => {
  it("adopts an existing label of another case instead of creating a duplicate", async () => {
    port.labels.push({ name: "DGX", color: "000000", description: null });
    const writes = await sync(port);
    // Nova tries to create it; GitHub answers already_exists and the label is adopted.
    expect(writes.filter((w) => w.startsWith("create-label"))).toHaveLength(7);
    expect(port.labels.filter((label) => label.name.toLowerCase() === "dgx")).toHaveLength(1);
    expect(port.issues[0]!.labels[0]).toBe("DGX");
    expect(await sync(port)).toEqual([]);
  });

  it("links dependencies to their issues and labels blocked tasks until the dependency is done", async () => {
    port.setFile(
      PATH,
      [
        "# Plan",
        "## 1. A",
        "- [ ] **Zweite** – danach <!-- nova: id=zwei; after=eins -->",
        "- [ ] **Erste** – zuerst <!-- nova: id=eins -->",
        "",
      ].join("\n"),
    );
    const writes = await sync(port);
    // The dependency is created first, so the dependent's body links it at once.
    expect(writes.filter((w) => w.startsWith("create-issue"))).toEqual([
      "create-issue Erste",
      "create-issue Zweite",
    ]);
    const dependent = port.issues.find((issue) => issue.title === "Zweite")!;
    expect(dependent.body).toContain("| **Hängt ab von** | #1 |");
    expect(dependent.labels).toContain("dgx/blocked");
    expect(await sync(port)).toEqual([]);
    // Closing the dependency on GitHub unblocks the dependent (and proposes a tick).
    port.humanEdit(1, { state: "closed", stateReason: "completed" });
    expect(await sync(port)).toEqual(["update-issue #2 labels"]);
    expect(port.issues[1]!.labels).not.toContain("dgx/blocked");
  });
});
