import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import YAML from "yaml";
import { parseConfig, type ConfigProblem } from "../../src/config/parse-config.js";
import { INPUT_LIMITS } from "../../src/config/sanitize-input.js";

/** Runs parseConfig, which must answer with problems (never throw) and do so quickly. */
function expectProblems(raw: unknown): ConfigProblem[] {
  const started = performance.now();
  const result = parseConfig(raw);
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe("string");
    expect(problem.message.length).toBeLessThan(1_000);
    expect(problem.messages.de.length).toBeLessThan(1_000);
  }
  return result.problems;
}

/** `{ key: { key: … } }`, `depth` levels deep, built without recursion. */
function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

const ONE_MB = "x".repeat(1024 * 1024);

describe("parseConfig on hostile input", () => {
  it.each([
    ["an array", ["checklist", "plan.md"]],
    ["a string", "checklist: plan.md"],
    ["a number", 42],
    ["a boolean", true],
    ["a function", () => ({})],
    ["a Map", new Map([["language", "en"]])],
    ["a class instance", new (class Config {})()],
    ["a 1 MB string", ONE_MB],
    ["a 100k-element array", Array.from({ length: 100_000 }, () => ({}))],
  ])("rejects %s at the top level", (_name, raw) => {
    const [problem] = expectProblems(raw);
    expect(problem?.path).toBe("");
    expect(problem?.message).toMatch(/^The file must be a mapping of keys/);
  });

  it.each([
    ["at the top", JSON.parse('{"__proto__": {"polluted": true}}'), "__proto__"],
    ["from YAML", YAML.parse("__proto__:\n  polluted: true\n"), "__proto__"],
    [
      "as a role name",
      JSON.parse('{"roles": {"__proto__": {"members": ["a"]}}}'),
      "roles.__proto__",
    ],
    [
      "as a colour key",
      { labels: { sectionColors: { constructor: "FF0000" } } },
      "labels.sectionColors.constructor",
    ],
    ["deep down", { roles: { ML: { prototype: 1 } } }, "roles.ML.prototype"],
  ])("rejects a prototype key %s without polluting Object.prototype", (_name, raw, path) => {
    const problems = expectProblems(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path,
        message: expect.stringMatching(
          /is not allowed: `__proto__`, `constructor` and `prototype` cannot be keys/,
        ),
      }),
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ["holidays", { holidays: Array.from({ length: 100_000 }, () => "2026-12-24") }, "holidays"],
    [
      "role members",
      { roles: { ML: { members: new Array<string>(100_000).fill("alice") } } },
      "roles.ML.members",
    ],
    ["a sparse list of a billion", { holidays: Object.assign([], { length: 1e9 }) }, "holidays"],
  ])("rejects 100k-element arrays (%s) by their size", (_name, raw, path) => {
    expect(expectProblems(raw)).toContainEqual(
      expect.objectContaining({
        path,
        message: expect.stringMatching(/entries; at most 1000 are accepted/),
      }),
    );
  });

  it("rejects a mapping with 100k keys", () => {
    const roles = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`r${i}`, {}]));
    expect(expectProblems({ roles })[0]).toMatchObject({
      path: "roles",
      message: expect.stringMatching(/has 100000 entries/),
    });
  });

  it.each([
    ["as the checklist", { checklist: ONE_MB }, "checklist"],
    ["as a list entry", { holidays: [ONE_MB] }, "holidays[0]"],
    [
      "as a deep value",
      { commands: { permissions: { sync: ONE_MB } } },
      "commands.permissions.sync",
    ],
  ])("rejects a 1 MB string %s", (_name, raw, path) => {
    const problems = expectProblems(raw);
    expect(problems).toEqual([
      expect.objectContaining({
        path,
        message: expect.stringMatching(/is 1048576 characters long; at most 10000/),
      }),
    ]);
  });

  it("rejects a 1 MB key, naming only its start", () => {
    const [problem] = expectProblems({ roles: { [ONE_MB]: {} } });
    expect(problem?.path.length).toBeLessThan(100);
    expect(problem?.message).toMatch(/is 1048576 characters long; at most 200/);
  });

  it.each([
    ["mappings at the top", nest(1000, (inner) => ({ a: inner }))],
    ["mappings under roles", { roles: nest(1000, (inner) => ({ a: inner })) }],
    ["lists under holidays", { holidays: nest(1000, (inner) => [inner]) }],
    ["100k mappings", nest(100_000, (inner) => ({ sync: inner }))],
  ])("rejects 1000-deep nesting of %s", (_name, raw) => {
    const [problem] = expectProblems(raw);
    expect(problem?.message).toMatch(new RegExp(`nested deeper than ${INPUT_LIMITS.depth} levels`));
  });

  it("rejects a cycle as too deep instead of looping", () => {
    const roles: Record<string, unknown> = {};
    roles["ML"] = roles;
    expect(expectProblems({ roles })[0]?.message).toMatch(/nested deeper/);
  });

  it("rejects a file with too many values in all", () => {
    const roles = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [
        `r${i}`,
        { members: new Array<string>(500).fill("a") },
      ]),
    );
    expect(expectProblems({ roles })).toContainEqual(
      expect.objectContaining({
        path: "",
        message: expect.stringMatching(/holds more than 20000 values/),
      }),
    );
  });

  it.each([
    ["NaN", { sync: { maxWritesPerRun: Number.NaN } }, "sync.maxWritesPerRun"],
    ["Infinity", { status: { limit: Number.POSITIVE_INFINITY } }, "status.limit"],
    ["a bigint", { status: { limit: 5n } }, "status.limit"],
    ["a symbol", { language: Symbol("de") }, "language"],
    ["a function", { gpu: { task: () => "x" } }, "gpu.task"],
    ["an invalid Date", { delivery: new Date("nope") }, "delivery"],
    ["a Date with a time", { delivery: new Date("2026-12-04T10:00:00Z") }, "delivery"],
  ])("rejects %s where data belongs", (_name, raw, path) => {
    expect(expectProblems(raw).map((problem) => problem.path)).toContain(path);
  });

  it("answers a throwing getter or proxy with a problem", () => {
    const getter = Object.defineProperty({}, "language", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    for (const raw of [getter, proxy]) {
      expect(expectProblems(raw)[0]?.message).toBe("The file could not be read as plain data.");
    }
  });

  it("never throws on arbitrary data", () => {
    fc.assert(
      fc.property(
        fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true }),
        (raw) => {
          const result = parseConfig(raw);
          return (
            result.ok || result.problems.every((problem) => typeof problem.message === "string")
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary data shaped like the config", () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
    );
    const section = fc.dictionary(
      fc.constantFrom(
        "prefix",
        "color",
        "closeRemoved",
        "reconcile",
        "members",
        "owner",
        "number",
        "title",
        "schedule",
        "task",
        "x",
      ),
      value,
    );
    const config = fc.dictionary(
      fc.constantFrom(
        "checklist",
        "language",
        "labels",
        "delivery",
        "holidays",
        "roles",
        "sync",
        "commands",
        "project",
        "status",
        "gpu",
        "_extends",
      ),
      fc.oneof(value, section, fc.dictionary(fc.string(), section)),
    );
    fc.assert(
      fc.property(config, (raw) => {
        const result = parseConfig(raw);
        return result.ok || result.problems.every((problem) => problem.message.endsWith("."));
      }),
      { numRuns: 500 },
    );
  });
});
