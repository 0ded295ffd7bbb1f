/**
 * What a user's mistake or an attacker's file does, through the real Probot server and the fake
 * GitHub: a hostile `nova.yml` becomes the failing "Nova: Konfiguration" check run, once per
 * commit and without a follow-up loop; a task marker quoted in a description is text, not
 * identity (docs/operations.md, "What Nova survives").
 */
import { describe, expect, it } from "@jest/globals";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";

const PLAN = "docs/dgx-spark-plan.md";
const CONFIG = ".github/nova.yml";
const bundled = loadChecklist("bundled");

const world = useNovaWorld({ repo: { files: {} }, nova: overHttp() });

const bodyOf = (issue: Record<string, unknown> | undefined): string =>
  typeof issue?.body === "string" ? issue.body : "";

const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map(
    (name, index) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[index]}`).join(",")}]`,
  ),
].join("\n");

const cases: Array<[string, string, RegExp]> = [
  [
    "a syntax error",
    "sync:\n  reconcile: [1h\nlanguage: en\n",
    /kein gültiges YAML.*\(Zeile \d+, Spalte \d+\)/,
  ],
  ["billion laughs", `${laughs}\n`, /Aliase/],
  ["a binary file", "\u0000\u0001\u0002PNG\r\n\u001a\n\u0000\u0000", /Steuerzeichen/],
  ["_extends to itself", "_extends: dgx\nlanguage: en\n", /Schleife/],
  [
    "_extends to a missing file",
    "_extends: nowhere\n",
    /`acme\/nowhere:\.github\/nova\.yml` \(aus `_extends`\) gibt es nicht/,
  ],
  [
    "5,000 levels of nesting",
    `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
    /tiefer als 20 Ebenen/,
  ],
  [
    "20,000 keys",
    `${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join("\n")}\n`,
    /höchstens 65536 Bytes/,
  ],
  [
    "3,000 keys (under the size cap)",
    `${Array.from({ length: 3_000 }, (_, i) => `k${i}: 1`).join("\n")}\n`,
    /mehr als 2000 Schlüssel/,
  ],
  ["a top-level __proto__", "__proto__:\n  language: en\n", /`__proto__` .*nicht erlaubt/],
];

describe("a hostile nova.yml", () => {
  it.each(cases)(
    "%s: the failing check run with the reason, once per commit, no follow-up",
    async (_name, text, reason) => {
      const push = world.repo.pushCommit({ files: { [PLAN]: bundled, [CONFIG]: text } });
      await world.nova.deliver("push", push);
      // The same commit again (a redelivery): still one check run.
      await world.nova.deliver("push", push);

      const runs = world.repo.checkRuns.filter((run) => run.name === "Nova: Konfiguration");
      expect(runs).toHaveLength(1);
      expect(runs[0]?.conclusion).toBe("failure");
      expect(runs[0]?.headSha).toBe(push.after);
      expect(runs[0]?.output.summary).toMatch(reason);
      expect(runs[0]?.output.summary).not.toMatch(/found: a mapping/);
      expect(world.repo.issues()).toEqual([]);
      // Two deliveries, two reads of the file: no follow-up run for a user's mistake.
      const reads = world.fake.requests.filter(
        (request) =>
          request.method === "GET" && request.path === `/repos/acme/dgx/contents/${CONFIG}`,
      );
      expect(reads).toHaveLength(2);
      expect(world.nova.logs.some((line) => line.msg === "sync failed")).toBe(false);
      expect(world.fake.violations).toEqual([]);
    },
  );

  it("a valid _extends is read and merged: the shared file's keys, the repository's file winning", async () => {
    world.fake.seedRepo({
      owner: "acme",
      name: ".github",
      installationId: 42,
      files: { [CONFIG]: "language: en\nlabels:\n  prefix: shared\n" },
    });
    await world.nova.deliver(
      "push",
      world.repo.pushCommit({
        files: { [PLAN]: bundled, [CONFIG]: "_extends: .github\nlabels:\n  prefix: team\n" },
      }),
    );
    expect(world.repo.issues()).toHaveLength(26); // 20 tasks, 6 section issues
    const labelNames = world.repo.labels().map((label) => String(label.name));
    expect(labelNames).toContain("team");
    expect(labelNames).not.toContain("shared");
    expect(bodyOf(world.repo.issues()[0])).toContain("From the checklist");
    expect(world.fake.violations).toEqual([]);
  });

  it("a fixed file syncs at the next push", async () => {
    await world.nova.deliver(
      "push",
      world.repo.pushCommit({ files: { [PLAN]: bundled, [CONFIG]: "sync: [\n" } }),
    );
    await world.nova.deliver(
      "push",
      world.repo.pushCommit({ files: { [CONFIG]: "language: de\n" } }),
    );
    expect(world.repo.issues()).toHaveLength(26); // 20 tasks, 6 section issues
  });
});

it("a task marker quoted in a description is text: 20 issues after three syncs, none closed", async () => {
  // The task issues (the 6 section issues carry a section marker, not a task marker).
  const taskIssues = () =>
    world.repo.issues().filter((issue) => parseTaskMarker(bodyOf(issue)) !== null);
  await world.nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: bundled } }));
  expect(world.repo.issues()).toHaveLength(26);
  const before = taskIssues();
  expect(before).toHaveLength(20);
  const taskB = parseTaskMarker(bodyOf(before[1]));
  expect(taskB).not.toBeNull();

  // Task A's description quotes task B's marker in inline code and in a quote.
  const firstTask = bundled.split("\n").find((line) => line.startsWith("- [ ] "))!;
  const quoted = bundled.replace(
    firstTask,
    `${firstTask} Nicht verwechseln mit \`<!-- nova:task id=${taskB} -->\`.\n  > <!-- nova:task id=${taskB} -->`,
  );
  await world.nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: quoted } }));
  await world.nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: `${quoted}\n` } }));
  await world.nova.deliver("push", world.repo.pushCommit({ files: { [PLAN]: quoted } }));

  expect(world.repo.issues()).toHaveLength(26);
  expect(world.repo.issues().filter((issue) => issue.state === "closed")).toEqual([]);
  const after = taskIssues();
  expect(after).toHaveLength(20);
  expect(after[0]?.body).toContain(`\`<!-- nova:task id=${taskB} -->\``);
  expect(parseTaskMarker(bodyOf(after[0]))).not.toBe(taskB);
  expect(parseTaskMarker(bodyOf(after[1]))).toBe(taskB);
  expect(world.fake.violations).toEqual([]);
});
