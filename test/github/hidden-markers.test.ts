import { describe, expect, it } from "@jest/globals";
import {
  parseBotPrMarker,
  parseGpuReportMarker,
  parseReplyMarkers,
  parseStatusReportDigest,
  parseSyncedMarker,
  parseTaskMarker,
  parseTrailingMarkers,
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
    expect(parseTaskMarker(`Beschreibung\n\n${footer("a-aufgabe")}`)).toBe("a-aufgabe");
  });

  it.each([
    ["inline code", "Siehe `<!-- nova:task id=b-aufgabe -->`."],
    ["a quote", "> <!-- nova:task id=b-aufgabe -->"],
    ["a code block", "```\n<!-- nova:task id=b-aufgabe -->\n```"],
    ["a bare comment above the footer", "<!-- nova:task id=b-aufgabe -->"],
  ])("a marker in %s above the footer is text", (_name, description) => {
    expect(parseTaskMarker(`${description}\n\n${footer("a-aufgabe")}`)).toBe("a-aufgabe");
    expect(parseTaskMarker(`${description}\n\n<sub>x</sub>`)).toBeNull();
  });

  it("a marker followed by text is not in the trailing block", () => {
    expect(parseTaskMarker("<!-- nova:task id=b-aufgabe -->\nand then text")).toBeNull();
    expect(parseTaskMarker("`<!-- nova:task id=b-aufgabe -->`")).toBeNull();
  });

  it("tolerates CRLF and trailing whitespace, and stops at a comment that is not Nova's", () => {
    expect(parseTaskMarker("x\r\n<!-- nova:task id=a -->\r\n\r\n")).toBe("a");
    expect(parseTrailingMarkers("<!-- nova:task id=a --> <!-- other --> ")).toEqual([]);
  });

  it("rejects malformed ids and fields", () => {
    expect(parseTaskMarker("<!-- nova:task id=UPPER -->")).toBeNull();
    expect(parseTaskMarker("<!-- nova:task id=a extra -->")).toBeNull();
  });
});

describe("each kind round-trips", () => {
  it("synced: write replaces the trailing marker only", () => {
    const quoted = `\`${renderSyncedMarker({ checked: true, removed: false })}\``;
    const body = `${quoted}\n\n${footer("a")}`;
    expect(parseSyncedMarker(body)).toEqual({ checked: false, removed: false });
    const written = writeSyncedMarker(body, { checked: true, removed: true });
    expect(parseSyncedMarker(written)).toEqual({ checked: true, removed: true });
    expect(written.startsWith(quoted)).toBe(true);
    expect(parseTaskMarker(written)).toBe("a");
    expect(writeSyncedMarker("plain", { checked: true, removed: false })).toBe(
      "plain\n<!-- nova:synced checked=1 -->",
    );
  });

  it("reply: several markers at the end, only for the comment asked about", () => {
    const body = `Antwort mit \`${renderReplyMarker(7, 9)}\`\n\n${renderReplyMarker(7, 1)}\n${renderReplyMarker(7, 2)}\n${renderReplyMarker(8, 3)}\n`;
    expect(parseReplyMarkers(body, 7)).toEqual([1, 2]);
    expect(parseReplyMarkers(body, 8)).toEqual([3]);
  });

  it("bot-pr, gpu-report and status-report carry their data", () => {
    const data = { v: 1, text: "a -- b --> c" };
    expect(parseBotPrMarker(`x\n${renderBotPrMarker("status", data)}`, "status")).toEqual(data);
    expect(
      parseBotPrMarker(`x\n${renderBotPrMarker("status", data)}`, "write-back"),
    ).toBeUndefined();
    expect(parseGpuReportMarker(`x\n${renderGpuReportMarker(data)}\n`)).toEqual(data);
    expect(
      parseStatusReportDigest(`# r\n\n${renderStatusReportMarker("2026-12-03", "abc123")}\n`),
    ).toBe("abc123");
    expect(
      parseStatusReportDigest(`${renderStatusReportMarker("2026-12-03", "abc123")}\ntext`),
    ).toBeNull();
  });
});
