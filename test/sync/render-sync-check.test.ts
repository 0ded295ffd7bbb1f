import { describe, expect, it } from "@jest/globals";
import type { SyncReport } from "../../src/sync/summarize-sync.js";
import { renderSyncCheck } from "../../src/sync/sync-repository.js";
import { linkWriteBackBranch } from "../../src/sync/write-back-branch.js";

const REPORT: SyncReport = {
  labelsCreated: [],
  created: [],
  updated: [],
  closed: [],
  reopened: [],
  removed: [],
  duplicates: [],
  unchanged: 3,
  proposals: [{ number: 7, title: "DGX Setup", url: null, tick: true }],
  remaining: 0,
  skipped: 0,
  writes: 0,
  error: null,
  upToDate: true,
  structure: {
    subIssuesAdded: 0,
    subIssuesMoved: 0,
    reordered: 0,
    blockedByAdded: 0,
    blockedByRemoved: 0,
    restored: [],
    milestone: null,
    missing: [],
    unassignable: [],
  },
};

describe("the sync check run's proposals", () => {
  it("link the write-back pull requests of the branch without a read", () => {
    const link = linkWriteBackBranch("https://github.com/acme/dgx");
    expect(link.url).toBe(
      "https://github.com/acme/dgx/pulls?q=is%3Apr%20is%3Aopen%20head%3Anova%2Fchecklist",
    );
    const text = renderSyncCheck(REPORT, "de", false, 100, link);
    expect(text).toContain(
      `Nova lässt sie so und setzt die Haken in der Checkliste per Checklisten-PR ([Branch \`nova/checklist\`](${link.url})) nach; bis er gemergt ist, zeigt die Checkliste noch den alten Stand.`,
    );
    expect(text).toContain("- #7 DGX Setup: abhaken");
  });

  it("link the pull request itself when a reply looked it up", () => {
    const text = renderSyncCheck(REPORT, "en", false, 100, {
      number: 12,
      url: "https://github.com/acme/dgx/pull/12",
    });
    expect(text).toContain(
      "with a checklist pull request ([#12](https://github.com/acme/dgx/pull/12)); until it is merged",
    );
  });
});
