import { describe, expect, it } from "@jest/globals";
import { parseBotPrMarker, renderBotPrMarker } from "../../src/github/hidden-markers.js";
import { StatusPrBody } from "../../src/bot-pr/status-pr-body.js";
import { WriteBackPrBody } from "../../src/bot-pr/write-back-pr-body.js";

const writeBack = new WriteBackPrBody({
  lang: "de",
  changes: [
    {
      action: "tick",
      taskId: "dgx-setup",
      title: "DGX *Setup* --> <!-- -->",
      issueNumber: 3,
      issueUrl: "https://github.com/acme/dgx/issues/3",
      actor: "alice",
    },
    {
      action: "untick",
      taskId: "grafana",
      title: "Grafana @team #12",
      issueNumber: 7,
      issueUrl: null,
      actor: null,
    },
  ],
  pinned: ["dgx-setup", "grafana"],
});

const status = new StatusPrBody({
  lang: "en",
  repoUrl: "https://github.com/acme/dgx",
  reports: ["2025-01-07", "2025-01-06"],
  progress: { done: 3, total: 20, percent: 15 },
});

describe("bot pull request bodies are values", () => {
  it("the write-back body round-trips through toString and parse", () => {
    const text = writeBack.toString();
    expect(WriteBackPrBody.parse(text)?.data).toEqual(writeBack.data);
    expect(WriteBackPrBody.parse(text)?.toString()).toBe(text);
    expect(text.startsWith("## Nova: Checkliste abgleichen\n")).toBe(true);
    expect(text).toContain(
      "- ☑️ abhaken: DGX \\*Setup\\* --> &lt;!-- --> (#3, geschlossen von @\u200Dalice)",
    );
    expect(text).toContain(
      "- ⬜ Haken entfernen: Grafana @\u200Dteam #\u200D12 (#7, wieder geöffnet)",
    );
    expect(text).toContain("<summary>2 feste IDs");
    expect(text).toContain("<details>\n<summary>");
    // The footer's marker is the last line; the title's `-->` cannot end it early.
    const lines = text.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^<!-- nova:bot-pr kind=write-back data=[^-]*-->$/);
  });

  it("the write-back body says what the pull request proposes, by task", () => {
    expect([...writeBack.pending()]).toEqual([
      ["dgx-setup", "tick"],
      ["grafana", "untick"],
    ]);
  });

  it("the status body round-trips and links each report on the branch", () => {
    const text = status.toString();
    expect(StatusPrBody.parse(text)?.data).toEqual(status.data);
    expect(text).toContain(
      "- [2025-01-07](https://github.com/acme/dgx/blob/nova/status/reports/status/2025-01-07.md)",
    );
    expect(text).toContain("**As of 2025-01-07:** 3 of 20 tasks done (15%)");
  });

  it("parse refuses bodies without Nova's marker, of the other kind, or with broken data", () => {
    expect(WriteBackPrBody.parse("Closes #3")).toBeNull();
    expect(WriteBackPrBody.parse(null)).toBeNull();
    expect(WriteBackPrBody.parse(status.toString())).toBeNull();
    expect(StatusPrBody.parse(writeBack.toString())).toBeNull();
    expect(WriteBackPrBody.parse("<!-- nova:bot-pr kind=write-back data=%7Bnot -->")).toBeNull();
    const forged = renderBotPrMarker("write-back", {
      v: 1,
      lang: "de",
      changes: "all",
      pinned: [],
    });
    expect(WriteBackPrBody.parse(forged)).toBeNull();
  });

  it("the marker never contains `--` inside, whatever the data", () => {
    const marker = renderBotPrMarker("status", { text: "a -- b --> c <!-- d" });
    expect(marker.slice("<!--".length, -"-->".length)).not.toContain("--");
    expect(parseBotPrMarker(marker, "status")).toEqual({ text: "a -- b --> c <!-- d" });
  });
});
