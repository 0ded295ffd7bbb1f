/**
 * End to end: `nova-runner check --from <recording> --upload` (the runner's own CLI, in process)
 * against the real app on Probot's server and the fake GitHub. The report is signed with the key
 * `nova runner-key` would print, published as the sticky comment on the GPU task's issue and as a
 * check run on the commit; a second report from the same host updates the same comment and folds
 * the first into its history.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommentState } from "../../src/ingest/report-comment-state.js";
import { deriveRunnerKey } from "@nova/protocol";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { dgxSpark, sparkAfterXid79 } from "../../packages/runner/test/machines.js";
import { runCli } from "../../packages/runner/test/run-cli.js";
import { writeRecording } from "../../packages/runner/test/write-recording.js";
import { RUNNER_SECRET } from "./start-nova-server.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";

const TASK = "nvidia-treiber-cuda-installationsskript-vorbereiten";
const FIRST_ID = "0b6e3a52-9d0c-4c1e-8a57-3f2d1c0b9a81";
const SECOND_ID = "7c1f0e2d-5b4a-4e39-9c8d-2a1b0f9e8d72";

const world = useNovaWorld({ once: true, nova: overHttp() });
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "nova-e2e-"));
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({ files: { "docs/dgx-spark-plan.md": loadChecklist("bundled") } }),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** `nova-runner <argv>` as the DGX runs it: real clock, real HTTP, the repository's key. */
function runner(argv: string[], id: string) {
  return runCli(argv, {
    env: {
      NOVA_URL: world.nova.url,
      NOVA_REPOSITORY: "acme/dgx",
      NOVA_RUNNER_KEY: deriveRunnerKey(RUNNER_SECRET, "acme/dgx"),
      NOVA_SPOOL_DIR: join(root, "spool"),
      NOVA_LANG: "de",
    },
    now: () => new Date(),
    randomUUID: () => id,
    fetch: globalThis.fetch,
    readFile: (path) => readFile(path, "utf8"),
  });
}

interface CommentJson {
  body: string;
  html_url: string;
  user: { login: string };
}

it("publishes the runner's reports as one sticky comment and a check run per report", async () => {
  const sha = world.repo.branchSha("main")!;
  const task = (world.repo.issues() as Array<{ number: number; body: string }>).find(
    (issue) => parseTaskMarker(issue.body) === TASK,
  )!.number;
  const healthy = await writeRecording(join(root, "spark"), dgxSpark());
  const broken = await writeRecording(join(root, "xid"), sparkAfterXid79());

  const first = await runner(
    ["check", "--from", healthy, "--upload", "--target", `sha:${sha}`],
    FIRST_ID,
  );
  // 1: a check could not decide (the GB10 fixture has no thermal values); the upload went through.
  expect(first.code).toBe(1);
  expect(first.stderr).toMatch(/HTTP 201/);
  const comments = () =>
    (world.repo.comments(task) as unknown as CommentJson[]).filter(
      (comment) => comment.user.login === world.fake.botLogin,
    );
  expect(comments()).toHaveLength(1);
  expect(comments()[0]!.body).toContain("### ❔ GPU-Check auf nova-host: unbekannt");
  expect(first.stderr).toContain(comments()[0]!.html_url);
  const runs = () =>
    world.repo.checkRuns.filter((run) => run.name === "Nova GPU-Check (nova-host)");
  expect(runs()).toEqual([
    expect.objectContaining({ headSha: sha, conclusion: "neutral", externalId: FIRST_ID }),
  ]);

  const second = await runner(
    ["check", "--from", broken, "--upload", "--target", `sha:${sha}`],
    SECOND_ID,
  );
  expect(second.code).toBe(2);
  expect(second.stderr).toMatch(/HTTP 201/);
  expect(comments()).toHaveLength(1);
  const body = comments()[0]!.body;
  expect(body).toContain("### ❌ GPU-Check auf nova-host: Fehler");
  expect(body).toContain("<summary>Frühere Läufe dieses Hosts (1)</summary>");
  expect(body).toContain(`\`${FIRST_ID}\``);
  expect(parseCommentState(body)?.runs.map((run) => [run.id, run.status])).toEqual([
    [SECOND_ID, "fail"],
    [FIRST_ID, "unknown"],
  ]);
  expect(runs().map((run) => [run.externalId, run.conclusion])).toEqual([
    [FIRST_ID, "neutral"],
    [SECOND_ID, "failure"],
  ]);
  expect(
    (world.repo.issue(task).labels as Array<{ name: string }>).map((label) => label.name),
  ).toContain("dgx/gpu-fail");

  // Sending the spool again delivers nothing new: the server answers duplicates with 200.
  const flushed = await runner(["flush"], SECOND_ID);
  expect(flushed.code).toBe(0);
  expect(comments()).toHaveLength(1);
  expect(runs()).toHaveLength(2);
  expect(world.fake.violations).toEqual([]);
});
