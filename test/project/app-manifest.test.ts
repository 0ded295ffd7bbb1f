import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { NOVA_OPERATION_IDS } from "../../scripts/extract-openapi.js";
import { listRegisteredEvents } from "../integration/start-nova.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const manifest = parse(read("app.yml")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};
const setup = read("docs/setup.md");

/** GitHub sends these to every app; a manifest may not subscribe to them. */
const ALWAYS_DELIVERED = ["installation", "installation_repositories"];

/** The first cell (a `code` name) and the second cell of each row between two markers. */
function documentedTable(marker: string): Array<[string, string]> {
  const section =
    setup.split(`<!-- ${marker}:start -->`)[1]?.split(`<!-- ${marker}:end -->`)[0] ?? "";
  return section
    .split("\n")
    .map((line) => /^\|\s*`([a-z_]+)`\s*\|\s*([^|]*?)\s*\|/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!]);
}

/** The permission (and access) each REST operation Nova calls needs; null: the app's own JWT. */
function permissionFor(operationId: string): [string, "read" | "write"] | null {
  const [group = "", name = ""] = operationId.split("/");
  const access = /^(create|update|delete|add|remove|set)/.test(name) ? "write" : "read";
  if (group === "apps") return null;
  if (group === "checks") return ["checks", access];
  if (group === "git") return ["contents", access];
  if (group === "issues") return ["issues", access];
  if (group === "pulls") return ["pull_requests", access];
  if (operationId === "reactions/create-for-issue-comment") return ["issues", "write"];
  if (operationId === "repos/get" || operationId === "repos/get-collaborator-permission-level") {
    return ["metadata", "read"];
  }
  if (["repos/compare-commits", "repos/get-commit", "repos/get-content"].includes(operationId)) {
    return ["contents", "read"];
  }
  throw new Error(
    `map ${operationId} to the permission it needs (test/project/app-manifest.test.ts)`,
  );
}

describe("app.yml", () => {
  it("asks for exactly the permissions docs/setup.md justifies", () => {
    expect(manifest.default_permissions).toEqual(
      Object.fromEntries(documentedTable("permissions")),
    );
    expect(manifest.default_permissions).toEqual({
      metadata: "read",
      contents: "write",
      issues: "write",
      pull_requests: "write",
      checks: "write",
      organization_projects: "write",
    });
  });

  it("covers every GitHub operation Nova calls, and holds no permission nothing uses", () => {
    const needed = new Map<string, "read" | "write">();
    for (const operationId of NOVA_OPERATION_IDS) {
      const permission = permissionFor(operationId);
      if (!permission) continue;
      const [name, access] = permission;
      if (needed.get(name) !== "write") needed.set(name, access);
    }
    // The board's GraphQL mutations on Projects (v2): src/github/octokit-project-port.ts.
    needed.set("organization_projects", "write");
    expect(Object.fromEntries([...needed].sort())).toEqual(
      Object.fromEntries(Object.entries(manifest.default_permissions).sort()),
    );
  });

  it("subscribes to exactly the events docs/setup.md lists", () => {
    expect([...manifest.default_events].sort()).toEqual(
      documentedTable("events")
        .map(([event]) => event)
        .sort(),
    );
    for (const event of ALWAYS_DELIVERED) expect(manifest.default_events).not.toContain(event);
  });

  it("receives every event a Nova handler listens to, and subscribes to none it ignores", async () => {
    const listened = await listRegisteredEvents();
    const events = new Set(listened.map((name) => name.split(".")[0]!));
    const received = new Set([...manifest.default_events, ...ALWAYS_DELIVERED]);
    expect([...events].filter((event) => !received.has(event))).toEqual([]);
    expect(manifest.default_events.filter((event) => !events.has(event))).toEqual([]);
    expect([...events].sort()).toEqual([...received].sort());
  });
});
