import { describe, expect, it } from "@jest/globals";
import {
  MAX_CONFIG_PROBLEMS,
  parseConfig,
  renderConfigProblems,
  type ConfigProblem,
} from "../../src/config/parse-config.js";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";

/** The problems of an invalid input; fails the test when the input is accepted. */
function problemsOf(raw: unknown): ConfigProblem[] {
  const result = parseConfig(raw);
  if (result.ok) throw new Error(`expected problems, got a config for ${JSON.stringify(raw)}`);
  return result.problems;
}

/** The one problem at `path`, with every other problem shown when it is missing. */
function problemAt(raw: unknown, path: string): ConfigProblem {
  const problems = problemsOf(raw);
  const problem = problems.find((candidate) => candidate.path === path);
  expect({ path, found: problem !== undefined, problems }).toMatchObject({ path, found: true });
  return problem!;
}

describe("parseConfig: no file and valid files", () => {
  it.each([null, undefined, {}])("gives the defaults for %p", (raw) => {
    expect(parseConfig(raw)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("ignores a top-level _extends that a loader left in", () => {
    const result = parseConfig({ _extends: ".github", language: "en" });
    expect(result).toEqual({ ok: true, config: { ...DEFAULT_CONFIG, language: "en" } });
  });

  it("treats an empty mapping or list as not set, and an empty optional key as absent", () => {
    const result = parseConfig({
      sync: null,
      holidays: null,
      roles: { ML: null },
      labels: { descriptions: null },
      delivery: null,
      project: null,
    });
    expect(result).toEqual({
      ok: true,
      config: { ...DEFAULT_CONFIG, roles: { ML: { members: [], sections: [] } } },
    });
  });

  it("accepts the dates some YAML loaders turn into Date objects", () => {
    const result = parseConfig({
      delivery: new Date("2026-12-04"),
      holidays: [new Date("2026-12-24")],
    });
    expect(result.ok && result.config.delivery).toBe("2026-12-04");
    expect(result.ok && result.config.holidays).toEqual(["2026-12-24"]);
  });

  it("leaves the caller's object as it was", () => {
    const raw = { sync: null, labels: { color: "#76b900" }, roles: { ML: { members: ["@a"] } } };
    const before = structuredClone(raw);
    parseConfig(raw);
    expect(raw).toEqual(before);
  });
});

describe("parseConfig: each invalid value names its path and what is accepted", () => {
  const long = (n: number) => "a".repeat(n);
  const cases: Array<[string, unknown, string, RegExp]> = [
    [
      "a misspelt top-level key",
      { lables: {} },
      "lables",
      /^`lables` is not a known key \(did you mean `labels`\?\)\. Known keys here: `checklist`, `language`, `labels`/,
    ],
    ["another misspelt key", { checklst: "plan.md" }, "checklst", /did you mean `checklist`\?/],
    [
      "an unknown key without a near match",
      { colour: 1 },
      "colour",
      /^`colour` is not a known key\. Known keys here:/,
    ],
    [
      "an absolute checklist path",
      { checklist: "/etc/passwd" },
      "checklist",
      /must be a relative path inside the repository.*\(found: `\/etc\/passwd`\)/,
    ],
    ["a checklist path with ..", { checklist: "docs/../../x.md" }, "checklist", /no `\.\.`/],
    [
      "a checklist path with a backslash",
      { checklist: "docs\\plan.md" },
      "checklist",
      /no backslashes/,
    ],
    ["a checklist path with NUL", { checklist: "plan\u0000.md" }, "checklist", /relative path/],
    [
      "a checklist path over 255 characters",
      { checklist: long(256) },
      "checklist",
      /at most 255 characters/,
    ],
    ["an empty checklist path", { checklist: null }, "checklist", /\(found: an empty value\)/],
    [
      "an unknown language",
      { language: "fr" },
      "language",
      /^`language` must be `de` \(German\) or `en` \(English\) \(found: `fr`\)\.$/,
    ],
    [
      "a mapping where a mapping of keys is expected",
      { labels: "dgx" },
      "labels",
      /must be a mapping with the keys `prefix`, `color`, `sectionColors`, `descriptions` \(found: `dgx`\)/,
    ],
    [
      "a label prefix with a space",
      { labels: { prefix: "dgx plan" } },
      "labels.prefix",
      /1 to 30 letters, digits/,
    ],
    [
      "a label prefix over 30 characters",
      { labels: { prefix: long(31) } },
      "labels.prefix",
      /1 to 30/,
    ],
    [
      "a colour name",
      { labels: { color: "green" } },
      "labels.color",
      /6 hex digits.*\(found: `green`\)/,
    ],
    [
      "a colour lost to an unquoted #",
      { labels: { color: null } },
      "labels.color",
      /an unquoted `#` starts a comment.*\(found: an empty value\)/,
    ],
    [
      "a colour of digits only, unquoted",
      { labels: { color: 123456 } },
      "labels.color",
      /\(found: 123456\)/,
    ],
    [
      "a section colour key that is no slug",
      { labels: { sectionColors: { Infra: "FF0000" } } },
      "labels.sectionColors.Infra",
      /is not a valid key here: a key must be a section slug/,
    ],
    [
      "a section colour that is no colour",
      { labels: { sectionColors: { infra: "red" } } },
      "labels.sectionColors.infra",
      /6 hex digits/,
    ],
    [
      "a misspelt placeholder",
      { labels: { descriptions: { section: "Bereich: {titel}" } } },
      "labels.descriptions.section",
      /the only placeholder is `\{title\}`/,
    ],
    [
      "a placeholder in the plan description",
      { labels: { descriptions: { plan: "{title}" } } },
      "labels.descriptions.plan",
      /without `\{…\}` placeholders/,
    ],
    [
      "a description over 100 characters",
      { labels: { descriptions: { plan: long(101) } } },
      "labels.descriptions.plan",
      /1 to 100 characters/,
    ],
    [
      "an unknown description",
      { labels: { descriptions: { issue: "x" } } },
      "labels.descriptions.issue",
      /Known keys here: `plan`, `section`/,
    ],
    [
      "a date that does not exist",
      { delivery: "2026-02-30" },
      "delivery",
      /real calendar date written `YYYY-MM-DD`.*\(found: `2026-02-30`\)/,
    ],
    ["a German date", { delivery: "04.12.2026" }, "delivery", /`YYYY-MM-DD`/],
    ["a date as a number", { delivery: 20261204 }, "delivery", /\(found: 20261204\)/],
    ["holidays as one date", { holidays: "2026-12-24" }, "holidays", /a list of up to 366 dates/],
    [
      "a holiday that does not exist",
      { holidays: ["2026-12-24", "2026-13-01"] },
      "holidays[1]",
      /real calendar date/,
    ],
    [
      "too many holidays",
      { holidays: Array.from({ length: 367 }, () => "2026-12-24") },
      "holidays",
      /up to 366 dates.*\(found: a list of 367 entries\)/,
    ],
    [
      "roles as a list",
      { roles: ["ML"] },
      "roles",
      /a mapping of role names to `\{ members, sections \}`/,
    ],
    [
      "role members as one login",
      { roles: { ML: { members: "alice" } } },
      "roles.ML.members",
      /a list of up to 100 GitHub logins/,
    ],
    [
      "an invalid login",
      { roles: { ML: { members: ["alice", "not a login"] } } },
      "roles.ML.members[1]",
      /a GitHub login such as `alice` or `@alice` \(found: `not a login`\)/,
    ],
    [
      "section 0",
      { roles: { ML: { sections: [0] } } },
      "roles.ML.sections[0]",
      /a section slug such as `operative-vorbereitung` or a section number such as `6` \(found: 0\)/,
    ],
    [
      "a section title instead of a slug",
      { roles: { ML: { sections: ["KI-Stack"] } } },
      "roles.ML.sections[0]",
      /section slug/,
    ],
    [
      "an unknown role key",
      { roles: { ML: { lead: "alice" } } },
      "roles.ML.lead",
      /Known keys here: `members`, `sections`/,
    ],
    [
      "a role name with a leading space",
      { roles: { " ML": {} } },
      "roles. ML",
      /is not a valid key here: a key must be a role name/,
    ],
    [
      "two role names that differ in case",
      { roles: { ML: {}, ml: {} } },
      "roles.ml",
      /names the same role as `ML`/,
    ],
    [
      "too many roles",
      { roles: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`r${i}`, {}])) },
      "roles",
      /has 51 roles; at most 50 are accepted/,
    ],
    [
      "yes for a boolean",
      { sync: { closeRemoved: "yes" } },
      "sync.closeRemoved",
      /^`sync.closeRemoved` must be `true` or `false` \(found: `yes`\)\.$/,
    ],
    [
      "too many writes",
      { sync: { maxWritesPerRun: 5000 } },
      "sync.maxWritesPerRun",
      /^`sync.maxWritesPerRun` must be a whole number between 1 and 1000 \(found: 5000\)\.$/,
    ],
    [
      "a fractional write cap",
      { sync: { maxWritesPerRun: 1.5 } },
      "sync.maxWritesPerRun",
      /whole number between 1 and 1000 \(found: 1\.5\)/,
    ],
    [
      "a write cap as text",
      { sync: { maxWritesPerRun: "200" } },
      "sync.maxWritesPerRun",
      /\(found: `200`\)/,
    ],
    [
      "a reconcile interval under 15 minutes",
      { sync: { reconcile: "10m" } },
      "sync.reconcile",
      /from `15m` to `7d`.*or `off` \(found: `10m`\)/,
    ],
    [
      "a reconcile interval over a week",
      { sync: { reconcile: "8d" } },
      "sync.reconcile",
      /\(found: `8d`\)/,
    ],
    [
      "a reconcile interval in words",
      { sync: { reconcile: "6 hours" } },
      "sync.reconcile",
      /`m`, `h` or `d`/,
    ],
    [
      "a reconcile interval as a number",
      { sync: { reconcile: 6 } },
      "sync.reconcile",
      /\(found: 6\)/,
    ],
    [
      "an unknown permission level",
      { commands: { permissions: { sync: "root" } } },
      "commands.permissions.sync",
      /one of `none`, `read`, `triage`, `write`, `maintain`, `admin` \(found: `root`\)/,
    ],
    [
      "an unknown command",
      { commands: { permissions: { deploy: "write" } } },
      "commands.permissions.deploy",
      /Known keys here: `progress`, `step-plan`, `summary`, `help`, `sync`, `report`/,
    ],
    [
      "a rate limit of 0",
      { commands: { rateLimit: { perUser: 0 } } },
      "commands.rateLimit.perUser",
      /between 1 and 100 \(found: 0\)/,
    ],
    [
      "a window over a day",
      { commands: { rateLimit: { windowMinutes: 2000 } } },
      "commands.rateLimit.windowMinutes",
      /between 1 and 1440/,
    ],
    [
      "a project without number or title",
      { project: { owner: "my-org" } },
      "project",
      /^`project` needs `number` \(an existing project\) or `title`/,
    ],
    [
      "a project with number and title",
      { project: { owner: "o", number: 1, title: "T" } },
      "project",
      /either `number` \(an existing project\) or `title`, not both/,
    ],
    [
      "a project without owner",
      { project: { number: 1 } },
      "project.owner",
      /^`project.owner` is missing; it must be a GitHub login/,
    ],
    [
      "create with a number",
      { project: { owner: "o", number: 3, create: true } },
      "project.create",
      /only works with `title`/,
    ],
    [
      "project number 0",
      { project: { owner: "o", number: 0 } },
      "project.number",
      /between 1 and 1000000/,
    ],
    [
      "a cron with four fields",
      { status: { schedule: "0 6 * *" } },
      "status.schedule",
      /cron expression of 5 fields.*\(found: `0 6 \* \*`\)/,
    ],
    [
      "a cron with an hour out of range",
      { status: { schedule: "0 25 * * *" } },
      "status.schedule",
      /cron expression/,
    ],
    [
      "an unknown time zone",
      { status: { timezone: "Europe/Berlinn" } },
      "status.timezone",
      /IANA time zone such as `Europe\/Berlin` or `UTC` \(found: `Europe\/Berlinn`\)/,
    ],
    ["a report limit over 50", { status: { limit: 51 } }, "status.limit", /between 1 and 50/],
    [
      "a task title instead of an id",
      { gpu: { task: "NVIDIA Treiber" } },
      "gpu.task",
      /a task id: lowercase letters, digits and single hyphens/,
    ],
  ];

  it.each(cases)("%s", (_name, raw, path, message) => {
    const problem = problemAt(raw, path);
    expect(problem.message).toMatch(message);
    expect(problem.message.startsWith(path === "" ? "The file" : "`")).toBe(true);
    expect(problem.messages.en).toBe(problem.message);
    expect(problem.messages.de).not.toBe(problem.message);
  });

  it("reports every problem of a file at once, one per path", () => {
    const problems = problemsOf({
      lables: {},
      language: "fr",
      sync: { maxWritesPerRun: 0, reconcile: "1m" },
      holidays: ["x", "y"],
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      [
        "holidays[0]",
        "holidays[1]",
        "language",
        "lables",
        "sync.maxWritesPerRun",
        "sync.reconcile",
      ].sort(),
    );
  });

  it(`returns at most ${MAX_CONFIG_PROBLEMS} problems`, () => {
    const problems = problemsOf({ holidays: Array.from({ length: 300 }, () => "x") });
    expect(problems).toHaveLength(MAX_CONFIG_PROBLEMS);
  });

  it("keeps user text inside code spans", () => {
    const problem = problemAt({ "a`b\n<img>": 1 }, "a`b\n<img>");
    expect(problem.message).toMatch(/^``a`b <img>`` is not a known key/);
  });
});

describe("renderConfigProblems", () => {
  const problems = problemsOf({ sync: { maxWritesPerRun: 5000 }, lables: {} });

  it("writes one German line per problem", () => {
    expect(renderConfigProblems(problems, "de")).toBe(
      [
        "- `.github/nova.yml`: `sync.maxWritesPerRun` muss eine ganze Zahl zwischen 1 und 1000 sein (gefunden: 5000).",
        "- `.github/nova.yml`: `lables` ist kein bekannter Schlüssel (meintet ihr `labels`?). Bekannt sind hier: `checklist`, `language`, `labels`, `delivery`, `holidays`, `roles`, `sync`, `commands`, `project`, `status`, `gpu`.",
      ].join("\n"),
    );
  });

  it("writes English, and names another file when asked", () => {
    expect(renderConfigProblems(problems, "en", "nova.yml").split("\n")[0]).toBe(
      "- `nova.yml`: `sync.maxWritesPerRun` must be a whole number between 1 and 1000 (found: 5000).",
    );
  });

  it("counts the problems it leaves out", () => {
    const many = problemsOf({ holidays: Array.from({ length: 25 }, () => "x") });
    const lines = renderConfigProblems(many, "de").split("\n");
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe("- … und 5 weitere Probleme.");
    expect(renderConfigProblems(many.slice(0, 21), "en").split("\n").at(-1)).toBe(
      "- … and 1 more problem.",
    );
  });

  it("phrases a problem with the whole file", () => {
    expect(renderConfigProblems(problemsOf(["a"]), "de")).toBe(
      "- `.github/nova.yml`: Die Datei muss eine Zuordnung von Schlüsseln sein, z. B. `language: en` (gefunden: eine Liste mit 1 Eintrag).",
    );
  });
});
