import { describe, expect, it } from "@jest/globals";
import { findAcceptedText } from "../../src/config/accepted-text.js";
import {
  COMMAND_NAMES,
  DEFAULT_CONFIG,
  PERMISSION_LEVELS,
  novaConfigSchema,
  type NovaConfig,
} from "../../src/config/schema.js";
import {
  isCronExpression,
  isRepositoryPath,
  normalizeTimeZone,
  parseInterval,
} from "../../src/config/value-checks.js";
import { findSchemaAt, listConfigKeys, unwrapSchema } from "../../src/config/walk-schema.js";
import { z } from "zod";

describe("DEFAULT_CONFIG", () => {
  it("is every default, as documented", () => {
    const expected: NovaConfig = {
      checklist: "docs/dgx-spark-plan.md",
      language: "de",
      labels: { prefix: "dgx", color: "76B900", sectionColors: {}, descriptions: {} },
      holidays: [],
      roles: {},
      sync: {
        closeRemoved: true,
        maxWritesPerRun: 200,
        sectionIssues: true,
        reconcile: 6 * 3_600_000,
      },
      commands: {
        permissions: {
          progress: "read",
          "step-plan": "read",
          summary: "read",
          help: "read",
          sync: "write",
          report: "write",
        },
        rateLimit: { perUser: 5, windowMinutes: 10 },
      },
      status: { schedule: "0 6 * * 1-5", timezone: "Europe/Berlin", limit: 5 },
      gpu: {
        task: "nvidia-treiber-cuda-installationsskript-vorbereiten",
        rateLimit: { uploads: 60, windowMinutes: 60 },
      },
    };
    expect(DEFAULT_CONFIG).toEqual(expected);
    expect(DEFAULT_CONFIG).not.toHaveProperty("delivery");
    expect(DEFAULT_CONFIG).not.toHaveProperty("project");
  });

  it("is the schema's answer to an empty file, and cannot be changed", () => {
    expect(novaConfigSchema.parse({})).toEqual(DEFAULT_CONFIG);
    expect(Object.isFrozen(DEFAULT_CONFIG.labels.sectionColors)).toBe(true);
    expect(() => {
      DEFAULT_CONFIG.holidays.push("2026-01-01");
    }).toThrow(TypeError);
  });

  it("gives each parse its own lists and mappings", () => {
    const a = novaConfigSchema.parse({});
    const b = novaConfigSchema.parse({});
    expect(a.holidays).not.toBe(b.holidays);
    expect(a.roles).not.toBe(b.roles);
    expect(a.labels.sectionColors).not.toBe(b.labels.sectionColors);
  });

  it("lists a default permission for every command, from the known levels", () => {
    expect(Object.keys(DEFAULT_CONFIG.commands.permissions).sort()).toEqual(
      [...COMMAND_NAMES].sort(),
    );
    for (const level of Object.values(DEFAULT_CONFIG.commands.permissions)) {
      expect(PERMISSION_LEVELS).toContain(level);
    }
  });
});

describe("novaConfigSchema normalisation", () => {
  it("keeps defaults beside the keys a file sets", () => {
    const config = novaConfigSchema.parse({
      sync: { maxWritesPerRun: 50 },
      commands: { permissions: { sync: "maintain" } },
    });
    expect(config.sync).toEqual({
      closeRemoved: true,
      maxWritesPerRun: 50,
      sectionIssues: true,
      reconcile: 21_600_000,
    });
    expect(config.commands.permissions.sync).toBe("maintain");
    expect(config.commands.permissions.progress).toBe("read");
  });

  it("normalises colours, logins, paths, schedules, time zones and lists", () => {
    const config = novaConfigSchema.parse({
      checklist: "./docs/./plan.md",
      labels: { color: "#76b900", sectionColors: { "operative-vorbereitung": "d93f0b" } },
      holidays: ["2026-12-25", "2026-12-24", "2026-12-25"],
      roles: {
        ML: { members: ["@alice", "Alice", "bob"], sections: [1, "1", 1, "ki-stack"] },
        Docs: {},
      },
      sync: { reconcile: "off" },
      status: { schedule: "  0  6 * *   mon-fri ", timezone: "europe/berlin" },
    });
    expect(config.checklist).toBe("docs/plan.md");
    expect(config.labels.color).toBe("76B900");
    expect(config.labels.sectionColors).toEqual({ "operative-vorbereitung": "D93F0B" });
    expect(config.holidays).toEqual(["2026-12-24", "2026-12-25"]);
    expect(config.roles["ML"]).toEqual({ members: ["alice", "bob"], sections: [1, "ki-stack"] });
    expect(config.roles["Docs"]).toEqual({ members: [], sections: [] });
    expect(config.sync.reconcile).toBeNull();
    expect(config.status.schedule).toBe("0 6 * * mon-fri");
    expect(config.status.timezone).toBe("Europe/Berlin");
  });

  it("parses reconcile intervals into milliseconds", () => {
    const reconcile = (value: unknown) =>
      novaConfigSchema.parse({ sync: { reconcile: value } }).sync.reconcile;
    expect(reconcile("15m")).toBe(15 * 60_000);
    expect(reconcile("30m")).toBe(30 * 60_000);
    expect(reconcile("1d")).toBe(86_400_000);
    expect(reconcile("7d")).toBe(7 * 86_400_000);
    expect(reconcile(false)).toBeNull();
  });

  it("turns a project into one of its two shapes", () => {
    const byNumber = novaConfigSchema.parse({ project: { owner: "my-org", number: 7 } });
    expect(byNumber.project).toEqual({ owner: "my-org", number: 7 });
    const byTitle = novaConfigSchema.parse({ project: { owner: "@my-org", title: " DGX " } });
    expect(byTitle.project).toEqual({ owner: "my-org", title: "DGX", create: false });
    const created = novaConfigSchema.parse({ project: { owner: "o", title: "T", create: true } });
    expect(created.project).toEqual({ owner: "o", title: "T", create: true });
  });
});

describe("schema texts", () => {
  it("describes what every key accepts", () => {
    const keys = listConfigKeys(novaConfigSchema);
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) {
      const text = findAcceptedText(novaConfigSchema, key.split("."));
      expect({ key, text }).toEqual({
        key,
        text: { en: expect.stringMatching(/\S/), de: expect.stringMatching(/\S/) },
      });
    }
  });

  it("describes the keys of every user-named mapping", () => {
    for (const path of [["roles"], ["labels", "sectionColors"]]) {
      expect(unwrapSchema(findSchemaAt(novaConfigSchema, path)!)).toBeInstanceOf(z.ZodRecord);
      expect(findAcceptedText(novaConfigSchema, [...path, "x"], { recordKey: true })).toBeDefined();
    }
  });
});

describe("value checks", () => {
  it.each([
    ["0 6 * * 1-5", true],
    ["*/15 * * * *", true],
    ["0 0 1,15 jan-jun sun", true],
    ["0 6 * * 7", true],
    ["59 23 31 12 0-6/2", true],
    ["0 6 * *", false],
    ["0 6 * * 1-5 2026", false],
    ["60 6 * * *", false],
    ["0 24 * * *", false],
    ["0 6 0 * *", false],
    ["0 6 * 13 *", false],
    ["0 6 * * 8", false],
    ["0 6 * * 5-1", false],
    ["*/0 * * * *", false],
    ["@daily", false],
    ["0 6 * * mon-", false],
    ["", false],
  ])("cron %j → %s", (expression, valid) => {
    expect(isCronExpression(expression)).toBe(valid);
  });

  it.each([
    ["docs/dgx-spark-plan.md", true],
    ["plan.md", true],
    ["./docs/plan.md", true],
    ["", false],
    ["/etc/passwd", false],
    ["C:/plan.md", false],
    ["docs/../../secret.md", false],
    ["..", false],
    ["docs\\plan.md", false],
    ["docs/plan\u0000.md", false],
    ["docs//plan.md", false],
    ["docs/", false],
  ])("repository path %j → %s", (path, valid) => {
    expect(isRepositoryPath(path)).toBe(valid);
  });

  it("takes repository paths up to 255 characters", () => {
    expect(isRepositoryPath(`docs/${"a".repeat(250)}`)).toBe(true);
    expect(isRepositoryPath(`docs/${"a".repeat(251)}`)).toBe(false);
  });

  it("parses intervals and leaves ranges to the caller", () => {
    expect(parseInterval("6h")).toBe(21_600_000);
    expect(parseInterval("5m")).toBe(300_000);
    expect(parseInterval("6 h")).toBeUndefined();
    expect(parseInterval("6H")).toBeUndefined();
    expect(parseInterval("1.5h")).toBeUndefined();
    expect(parseInterval("1h30m")).toBeUndefined();
  });

  it("judges time zones with Intl", () => {
    expect(normalizeTimeZone("UTC")).toBe("UTC");
    expect(normalizeTimeZone("America/New_York")).toBe("America/New_York");
    expect(normalizeTimeZone("Mars/Olympus")).toBeUndefined();
    expect(normalizeTimeZone("")).toBeUndefined();
  });
});
