import { describe, expect, it } from "@jest/globals";
import { buildLiveState } from "../../src/reports/build-live-state.js";
import { COMMANDS, renderUsage } from "../../src/commands/command-registry.js";
import { fitReply } from "../../src/commands/fit-reply.js";
import { meetsPermission, resolvePermissionLevel } from "../../src/commands/permission-level.js";
import { createMemoryReplyLimiter, type ReplyTake } from "../../src/commands/reply-limiter.js";
import { parseReplyMarkers, renderReplyMarker } from "../../src/github/hidden-markers.js";
import { measureEditDistance, suggestCommands } from "../../src/commands/suggest-command.js";
import { COMMAND_NAMES, PERMISSION_LEVELS, type PermissionLevel } from "../../src/config/schema.js";
import type { ObservedIssue } from "../../src/github/vocabulary.js";

describe("resolvePermissionLevel", () => {
  const cases: Array<[string | null, string, PermissionLevel]> = [
    ["admin", "admin", "admin"],
    // The legacy field folds maintain into write and triage into read; role_name is precise.
    ["maintain", "write", "maintain"],
    ["write", "write", "write"],
    ["triage", "read", "triage"],
    ["read", "read", "read"],
    [null, "write", "write"],
    [null, "none", "none"],
    // A custom role: its base role (the legacy permission) is a safe lower bound.
    ["security-manager", "write", "write"],
    ["Release Manager", "read", "read"],
    // Anything unrecognised is no permission at all.
    ["weird", "superuser", "none"],
    [null, "", "none"],
  ];
  it.each(cases)("role_name %s, permission %s → %s", (roleName, permission, expected) => {
    expect(resolvePermissionLevel({ roleName, permission })).toBe(expected);
  });

  it("orders none < read < triage < write < maintain < admin", () => {
    for (const [i, actual] of PERMISSION_LEVELS.entries()) {
      for (const [j, required] of PERMISSION_LEVELS.entries()) {
        expect(meetsPermission(actual, required)).toBe(i >= j);
      }
    }
  });
});

describe("suggestCommands", () => {
  const spellings = ["progress", "fortschritt", "summary", "sync", "help", "hilfe"];
  const cases: Array<[string, string[]]> = [
    ["sumary", ["summary"]],
    ["porgress", ["progress"]],
    ["fortschrit", ["fortschritt"]],
    ["prog", ["progress"]],
    ["snyc", ["sync"]],
    ["hepl", ["help"]],
    ["foo", []],
    ["deploy", []],
    ["", []],
    ["x".repeat(1000), []],
  ];
  it.each(cases)("%s → %j", (typed, expected) => {
    expect(suggestCommands(typed, spellings)).toEqual(expected);
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(measureEditDistance("ab", "ba")).toBe(1);
    expect(measureEditDistance("kitten", "sitting")).toBe(3);
  });
});

describe("the command registry", () => {
  it("names only commands the configuration knows, each with examples that parse", () => {
    for (const command of COMMANDS) {
      expect(COMMAND_NAMES).toContain(command.name);
      expect(command.examples.de.length).toBeGreaterThan(0);
      expect(command.examples.en.length).toBeGreaterThan(0);
      // English examples use only the English names (the aliases are German words).
      for (const example of command.examples.en) {
        expect(example.startsWith(`/nova ${command.name}`)).toBe(true);
      }
    }
    const summary = COMMANDS.find((command) => command.name === "summary")!;
    expect(renderUsage(summary, "de")).toBe("/nova summary [--limit N] [--lang de|en]");
    const stepPlan = COMMANDS.find((command) => command.name === "step-plan")!;
    expect(renderUsage(stepPlan, "de")).toBe('/nova step-plan [--role "Rolle"] [--lang de|en]');
    expect(renderUsage(stepPlan, "en")).toBe('/nova step-plan [--role "role"] [--lang de|en]');
  });
});

describe("reply markers", () => {
  it("round-trips and only reads markers of the given comment", () => {
    const body = `${renderReplyMarker(42, 1)}\n${renderReplyMarker(42, 3)}\n${renderReplyMarker(7, 2)}`;
    expect(parseReplyMarkers(body, 42)).toEqual([1, 3]);
    expect(parseReplyMarkers(body, 7)).toEqual([2]);
    expect(parseReplyMarkers("&lt;!-- nova:reply comment=42 command=1 -->", 42)).toEqual([]);
  });
});

describe("fitReply", () => {
  it("leaves a short body alone", () => {
    expect(fitReply("kurz", "note", 100)).toBe("kurz");
  });

  it("cuts at a line break, closes an open fence and adds the note", () => {
    const body = [
      "## Plan",
      "```mermaid",
      ...Array.from({ length: 50 }, (_, i) => `line ${i}`),
      "```",
    ].join("\n");
    const fitted = fitReply(body, "✂️ cut", 200);
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.endsWith("```\n\n✂️ cut")).toBe(true);
    expect(fitted.split("\n").filter((line) => line.startsWith("```"))).toHaveLength(2);
  });

  it("closes a role's <details> cut in the middle, so the note is not folded away", () => {
    const body = [
      "## Schrittplan",
      "<details>",
      "<summary><strong>Plattform</strong></summary>",
      "",
      "```mermaid",
      ...Array.from({ length: 50 }, (_, i) => `line ${i}`),
      "```",
      "",
      "</details>",
    ].join("\n");
    const fitted = fitReply(body, "✂️ cut", 200);
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.endsWith("```\n\n</details>\n\n✂️ cut")).toBe(true);
  });

  it("stays under GitHub's limit for a huge body without line breaks, never splitting a pair", () => {
    const body = "😀".repeat(70_000);
    const fitted = fitReply(body, "note");
    expect(fitted.length).toBeLessThanOrEqual(65_536);
    expect(fitted).toMatch(/^(?:😀)+\n\nnote$/u);
  });
});

describe("the in-memory reply limiter", () => {
  const allowed = async (taking: Promise<ReplyTake>) => (await taking).allowed;

  it("allows N per window and slides", async () => {
    const limiter = createMemoryReplyLimiter();
    const take = (now: number) => allowed(limiter.tryTake("k", 2, 1000, now));
    expect(await take(0)).toBe(true);
    expect(await take(10)).toBe(true);
    expect(await take(20)).toBe(false);
    expect(await allowed(limiter.tryTake("other", 2, 1000, 20))).toBe(true);
    expect(await take(1001)).toBe(true);
    expect(await take(1005)).toBe(false);
  });

  it("says when a slot frees and asks to tell only the first refusal until then", async () => {
    const limiter = createMemoryReplyLimiter();
    await limiter.tryTake("k", 2, 1000, 0);
    await limiter.tryTake("k", 2, 1000, 10);
    expect(await limiter.tryTake("k", 2, 1000, 20)).toEqual({
      allowed: false,
      resetAt: 1000,
      notify: true,
    });
    expect(await limiter.tryTake("k", 2, 1000, 30)).toEqual({
      allowed: false,
      resetAt: 1000,
      notify: false,
    });
    // After the slot frees and is taken, the next refusal is a new stretch: told again.
    expect(await allowed(limiter.tryTake("k", 2, 1000, 1001))).toBe(true);
    expect(await limiter.tryTake("k", 2, 1000, 1002)).toEqual({
      allowed: false,
      resetAt: 1010,
      notify: true,
    });
  });

  it("forgets the least recently used keys beyond its size", async () => {
    const limiter = createMemoryReplyLimiter({ maxKeys: 2 });
    await limiter.tryTake("a", 1, 1000, 0);
    await limiter.tryTake("b", 1, 1000, 0);
    await limiter.tryTake("c", 1, 1000, 0);
    expect(await allowed(limiter.tryTake("a", 1, 1000, 1))).toBe(true);
    expect(await allowed(limiter.tryTake("c", 1, 1000, 1))).toBe(false);
  });
});

describe("buildLiveState", () => {
  const issue = (overrides: Partial<ObservedIssue>): ObservedIssue => ({
    number: 1,
    title: "t",
    body: "",
    state: "open",
    stateReason: null,
    labels: [],
    author: "nova[bot]",
    assignees: [],
    htmlUrl: "https://github.com/acme/dgx/issues/1",
    closedAt: null,
    ...overrides,
  });

  it("counts an issue closed as completed as done, not one closed as not planned", () => {
    const live = buildLiveState(
      new Map([
        [
          "a",
          [
            issue({
              number: 3,
              state: "closed",
              stateReason: "completed",
              closedAt: "2025-01-02T00:00:00Z",
            }),
            issue({ number: 9 }),
          ],
        ],
        [
          "b",
          [
            issue({
              number: 4,
              state: "closed",
              stateReason: "not_planned",
              closedAt: "2025-01-02T00:00:00Z",
            }),
          ],
        ],
        ["c", [issue({ number: 5, assignees: ["alice"] })]],
      ]),
    );
    expect(live.get("a")).toEqual({
      closed: true,
      assigned: false,
      issueNumber: 3,
      issueUrl: "https://github.com/acme/dgx/issues/1",
      closedAt: "2025-01-02T00:00:00Z",
    });
    expect(live.get("b")).toMatchObject({ closed: false, issueNumber: 4 });
    expect(live.get("b")).not.toHaveProperty("closedAt");
    expect(live.get("c")).toMatchObject({ closed: false, assigned: true });
  });
});
