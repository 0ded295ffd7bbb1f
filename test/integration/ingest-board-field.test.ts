/**
 * The board's `GPU-Check` field after a report, through the real app and the fake GitHub's
 * GraphQL endpoint (validated against GitHub's schema): created with its options when missing,
 * the task's item set to pass / warn / fail.
 */
import { expect, it } from "@jest/globals";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { projectStoreOf, type ProjectStore } from "../fake-github/graphql/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";
import { buildReport, check, postReport } from "../ingest/uploads.js";

const TASK = "nvidia-treiber-cuda-installationsskript-vorbereiten";
const CONFIG = "project:\n  owner: acme\n  title: DGX Spark Vorbereitung\n  create: true\n";

const world = useNovaWorld({ repo: { ownerType: "Organization" }, nova: overHttp() });
/** The fake's Projects (v2) state (one per reset). */
const store = (): ProjectStore => projectStoreOf(world.fake.state);

function gpuCheckOf(number: number): unknown {
  const project = store().projects[0]!;
  const item = store().itemOf(project, world.repo, number);
  return item ? store().readValues(project, item)["GPU-Check"] : undefined;
}

it("sets GPU-Check on the task's item: fail, then pass; the field is created once", async () => {
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({
      files: { "docs/dgx-spark-plan.md": loadChecklist("bundled"), ".github/nova.yml": CONFIG },
    }),
  );
  expect(store().projects).toHaveLength(1);
  const task = (world.repo.issues() as Array<{ number: number; body: string }>).find(
    (issue) => parseTaskMarker(issue.body) === TASK,
  )!.number;

  expect(
    (
      await postReport(
        world.nova.url,
        JSON.stringify(buildReport({ checks: [check("nvml", "fail")] })),
      )
    ).status,
  ).toBe(201);
  expect(gpuCheckOf(task)).toBe("fail");
  const field = store().projects[0]!.fields.find((candidate) => candidate.name === "GPU-Check");
  expect(field?.options.map((option) => option.name)).toEqual(["pass", "warn", "fail"]);

  expect(
    (
      await postReport(
        world.nova.url,
        JSON.stringify(buildReport({ checks: [check("nvml", "warn")] })),
      )
    ).status,
  ).toBe(201);
  expect(gpuCheckOf(task)).toBe("warn");
  expect((await postReport(world.nova.url, JSON.stringify(buildReport()))).status).toBe(201);
  expect(gpuCheckOf(task)).toBe("pass");
  expect(
    store().projects[0]!.fields.filter((candidate) => candidate.name === "GPU-Check"),
  ).toHaveLength(1);
  expect(world.fake.violations).toEqual([]);
});

it("still publishes the report when the board cannot be written", async () => {
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({
      files: {
        "docs/dgx-spark-plan.md": loadChecklist("bundled"),
        ".github/nova.yml": "project:\n  owner: acme\n  number: 77\n",
      },
    }),
  );
  const answer = await postReport(world.nova.url, JSON.stringify(buildReport()));
  expect(answer.status).toBe(201);
  expect(world.nova.logs.some((line) => line.msg === "gpu report: board not updated")).toBe(true);
});
