import { describe, expect, it } from "@jest/globals";
import {
  readBotPrMarker,
  readGpuReportMarker,
  readReplyMarkers,
  readStatusReportDigest,
  readSyncedMarker,
  readTaskMarker,
  readTrailingMarkers,
  renderBotPrMarker,
  renderGpuReportMarker,
  renderReplyMarker,
  renderStatusReportMarker,
  renderSyncedMarker,
  renderTaskMarker,
  writeSyncedMarker,
} from "../../src/github/hidden-markers.js";

const footer = (taskId: string) =>
  `<sub>Von Nova verwaltet.</sub>\n\n${renderTaskMarker(taskId)}\n${renderSyncedMarker({ checked: false, removed: false })}\n`;

describe("the one rule: markers count only in the trailing block", () => {
  it("reads Nova's own marker at the end of the body", () => {
    expect(readTaskMarker(`Beschreibung\n\n${footer("a-aufgabe")}`)).toBe("a-aufgabe");
  });

  it.each([
    ["inline code", "Siehe `<!-- nova:task id=b-aufgabe -->`."],
    ["a quote", "> <!-- nova:task id=b-aufgabe -->"],
    ["a code block", "```\n<!-- nova:task id=b-aufgabe -->\n```"],
    ["a bare comment above the footer", "<!-- nova:task id=b-aufgabe -->"],
  ])("a marker in %s above the footer is text", (_name, description) => {
    expect(readTaskMarker(`${description}\n\n${footer("a-aufgabe")}`)).toBe("a-aufgabe");
    expect(readTaskMarker(`${description}\n\n<sub>x</sub>`)).toBeNull();
  });

  it("a marker followed by text is not in the trailing block", () => {
    expect(readTaskMarker("<!-- nova:task id=b-aufgabe -->\nand then text")).toBeNull();
    expect(readTaskMarker("`<!-- nova:task id=b-aufgabe -->`")).toBeNull();
  });

  it("tolerates CRLF and trailing whitespace, and stops at a comment that is not Nova's", () => {
    expect(readTaskMarker("x\r\n<!-- nova:task id=a -->\r\n\r\n")).toBe("a");
    expect(readTrailingMarkers("<!-- nova:task id=a --> <!-- other --> ")).toEqual([]);
  });

  it("rejects malformed ids and fields", () => {
    expect(readTaskMarker("<!-- nova:task id=UPPER -->")).toBeNull();
    expect(readTaskMarker("<!-- nova:task id=a extra -->")).toBeNull();
  });
});

describe("each kind round-trips", () => {
  it("synced: write replaces the trailing marker only", () => {
    const quoted = `\`${renderSyncedMarker({ checked: true, removed: false })}\``;
    const body = `${quoted}\n\n${footer("a")}`;
    expect(readSyncedMarker(body)).toEqual({ checked: false, removed: false });
    const written = writeSyncedMarker(body, { checked: true, removed: true });
    expect(readSyncedMarker(written)).toEqual({ checked: true, removed: true });
    expect(written.startsWith(quoted)).toBe(true);
    expect(readTaskMarker(written)).toBe("a");
    expect(writeSyncedMarker("plain", { checked: true, removed: false })).toBe(
      "plain\n<!-- nova:synced checked=1 -->",
    );
  });

  it("reply: several markers at the end, only for the comment asked about", () => {
    const body = `Antwort mit \`${renderReplyMarker(7, 9)}\`\n\n${renderReplyMarker(7, 1)}\n${renderReplyMarker(7, 2)}\n${renderReplyMarker(8, 3)}\n`;
    expect(readReplyMarkers(body, 7)).toEqual([1, 2]);
    expect(readReplyMarkers(body, 8)).toEqual([3]);
  });

  it("bot-pr, gpu-report and status-report carry their data", () => {
    const data = { v: 1, text: "a -- b --> c" };
    expect(readBotPrMarker(`x\n${renderBotPrMarker("status", data)}`, "status")).toEqual(data);
    expect(
      readBotPrMarker(`x\n${renderBotPrMarker("status", data)}`, "write-back"),
    ).toBeUndefined();
    expect(readGpuReportMarker(`x\n${renderGpuReportMarker(data)}\n`)).toEqual(data);
    expect(
      readStatusReportDigest(`# r\n\n${renderStatusReportMarker("2026-12-03", "abc123")}\n`),
    ).toBe("abc123");
    expect(
      readStatusReportDigest(`${renderStatusReportMarker("2026-12-03", "abc123")}\ntext`),
    ).toBeNull();
  });
});
