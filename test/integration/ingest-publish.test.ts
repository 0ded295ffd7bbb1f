/**
 * Publishing reports through the real app on Probot's server, against the fake GitHub: the
 * sticky comment per (target, host) with its history, the check run per report, the
 * `dgx/gpu-fail` label, idempotency (twice, ten at once, after a restart, after a GitHub
 * failure halfway), the rate limit, missing targets and hostile runner text.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { parseCommentState } from "../../src/ingest/report-comment-state.js";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import type { GpuReport } from "@nova/protocol";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";
import { buildReport, check, postReport } from "../ingest/uploads.js";

const TASK = "nvidia-treiber-cuda-installationsskript-vorbereiten";
const CONFIG = "gpu:\n  rateLimit:\n    uploads: 1000\n";

interface CommentJson {
  id: number;
  body: string;
  html_url: string;
  user: { login: string };
}

const world = useNovaWorld({ nova: overHttp() });
let taskIssue: number;

beforeEach(async () => {
  await sync(CONFIG);
  const issue = (world.repo.issues() as Array<{ number: number; body: string }>).find(
    (candidate) => parseTaskMarker(candidate.body) === TASK,
  );
  if (!issue) throw new Error("the GPU task has no issue");
  taskIssue = issue.number;
});
afterEach(() => {
  expect(world.fake.violations).toEqual([]);
});

async function sync(config: string): Promise<void> {
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({
      files: { "docs/dgx-spark-plan.md": loadChecklist("bundled"), ".github/nova.yml": config },
    }),
  );
}

/** The bot's GPU report comments on an issue. */
function reportComments(issue: number): CommentJson[] {
  return (world.repo.comments(issue) as unknown as CommentJson[]).filter(
    (comment) =>
      comment.user.login === world.fake.botLogin && parseCommentState(comment.body) !== null,
  );
}

/** The GPU check runs (the sync leaves its own on pushed commits). */
function gpuRuns() {
  return world.repo.checkRuns.filter((run) => run.name.startsWith("Nova GPU-Check"));
}

function labelsOf(issue: number): string[] {
  return (world.repo.issue(issue).labels as Array<{ name: string }>).map((label) => label.name);
}

function post(report: GpuReport, options: Parameters<typeof postReport>[2] = {}) {
  return postReport(world.nova.url, JSON.stringify(report), options);
}

describe("the sticky comment", () => {
  it("posts the report on the gpu.task issue: status, checks, GPUs with n. v., remediation", async () => {
    const report = buildReport({
      checks: [
        check("kernel-module", "pass"),
        check("driver-version", "warn"),
        check("xid-errors", "fail", {
          remediation: {
            action: "REBOOT_SYSTEM",
            runbook: "docs/runbooks/xid-errors.md#reboot-the-system",
          },
        }),
      ],
    });
    const answer = await post(report);
    expect(answer.status).toBe(201);
    expect(answer.body).not.toHaveProperty("checkRunUrl");
    const [comment] = reportComments(taskIssue);
    expect(comment?.html_url).toBe(answer.body.commentUrl);
    const body = comment!.body;
    expect(body).toContain("### ❌ GPU-Check auf spark-01: Fehler");
    expect(body).toContain("| ⚠️ Warnung | `driver-version` |");
    expect(body).toContain(
      "| 0 | NVIDIA GB10 | n. v. | 3 % | 41 °C | 11,5 W / n. v. | P8 | n. v. |",
    );
    expect(body).toContain(
      "**System neu starten**. Prüfung xid-errors: fail ([Runbook](https://github.com/my-org/nova/blob/main/docs/runbooks/xid-errors.md#reboot-the-system))",
    );
    expect(body).not.toContain("<details>");
    expect(gpuRuns()).toEqual([]);
    expect(labelsOf(taskIssue)).toContain("dgx/gpu-fail");
  });

  it("updates the same comment for a second report of the host and folds the first into its history", async () => {
    const first = buildReport({ checks: [check("nvml", "fail")] });
    const second = buildReport({ createdAt: "2026-01-12T10:00:00.000Z" });
    const one = await post(first);
    const mark = world.fake.requests.length;
    const two = await post(second);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.commentUrl).toBe(one.body.commentUrl);
    expect(world.writesSince(mark)).toEqual([
      expect.stringMatching(/^PATCH \/issues\/comments\/\d+$/),
      `DELETE /issues/${taskIssue}/labels/dgx/gpu-fail`,
    ]);
    const [comment, ...others] = reportComments(taskIssue);
    expect(others).toEqual([]);
    expect(comment!.body).toContain("### ✅ GPU-Check auf spark-01: OK");
    expect(comment!.body).toContain("<summary>Frühere Läufe dieses Hosts (1)</summary>");
    expect(comment!.body).toContain(`| ❌ Fehler | 1 Fehler | \`${first.id}\` |`);
    expect(parseCommentState(comment!.body)?.runs.map((run) => run.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect(labelsOf(taskIssue)).not.toContain("dgx/gpu-fail");
  });

  it("keeps one comment per host; the label stays while any host's latest report fails", async () => {
    await post(buildReport({ checks: [check("nvml", "fail")] }));
    const other = buildReport({ host: { ...buildReport().host, hostname: "spark-02" } });
    expect((await post(other)).status).toBe(201);
    expect(reportComments(taskIssue)).toHaveLength(2);
    expect(labelsOf(taskIssue)).toContain("dgx/gpu-fail");
    await post(buildReport({ createdAt: "2026-01-12T11:00:00.000Z" }));
    expect(reportComments(taskIssue)).toHaveLength(2);
    expect(labelsOf(taskIssue)).not.toContain("dgx/gpu-fail");
  });

  it("keeps the last 10 earlier runs in view and still knows older ids", async () => {
    const reports: GpuReport[] = [];
    for (let run = 0; run < 13; run += 1) {
      const report = buildReport();
      reports.push(report);
      expect((await post(report)).status).toBe(201);
    }
    const [comment] = reportComments(taskIssue);
    expect(comment!.body).toContain("(10)</summary>");
    const state = parseCommentState(comment!.body)!;
    expect(state.runs).toHaveLength(11);
    expect(state.seen).toHaveLength(2);
    // A restart forgets the in-memory results; the oldest id is still known from the marker.
    await world.restart();
    const oldest = reports[0]!;
    expect((await post(oldest)).status).toBe(200);
    expect((await post({ ...oldest, createdAt: "2030-01-01T00:00:00.000Z" })).status).toBe(422);
    expect(reportComments(taskIssue)).toHaveLength(1);
  });

  it("escapes and cuts every runner-supplied string; a forged marker in it changes nothing", async () => {
    const forged = "<!-- nova:gpu-report data=%7B%7D -->";
    const report = buildReport({
      host: {
        ...buildReport().host,
        hostname: `evil @alice #1 | **bold** ${forged}`.slice(0, 256),
        os: "x".repeat(256),
        dgxRelease: null,
      },
      checks: [
        check("nvml", "fail", {
          message: { de: "Fehler @bob <img src=x> `code` [link](http://x) |", en: "x" },
          evidence: [
            {
              command: "nvidia-smi -q",
              exitCode: 1,
              durationMs: 5,
              timedOut: false,
              stdout: "```\n</details>\n@carol #2\n",
              truncated: false,
            },
          ],
        }),
      ],
    });
    expect((await post(report, {})).status).toBe(201);
    const body = reportComments(taskIssue)[0]!.body;
    expect(body).not.toContain("@alice");
    expect(body).not.toContain("@bob");
    expect(body).not.toContain("<img");
    expect(body).not.toContain("<!-- nova:gpu-report data=%7B%7D -->");
    expect(body).toContain("\\*\\*bold\\*\\*");
    expect(body).toContain("x".repeat(99) + "…");
    expect(body.match(/<!-- nova:gpu-report data=/g)).toHaveLength(1);
    expect(parseCommentState(body)?.host).toBe(report.host.hostname!.toLowerCase());
  });

  it("ignores a marker in someone else's comment", async () => {
    const first = buildReport();
    await post(first);
    const copied = reportComments(taskIssue)[0]!.body;
    world.repo.addComment(taskIssue, copied, { by: "mallory" });
    await post(buildReport({ createdAt: "2026-01-12T10:00:00.000Z" }));
    expect(reportComments(taskIssue)).toHaveLength(1);
    const human = (world.repo.comments(taskIssue) as unknown as CommentJson[]).find(
      (comment) => comment.user.login === "mallory",
    );
    expect(human?.body).toBe(copied);
  });
});

describe("targets", () => {
  it("puts the check run on a commit (target sha) and the comment on the task issue", async () => {
    const sha = world.repo.branchSha("main")!;
    const report = buildReport({ target: { sha }, checks: [check("nvml", "warn")] });
    const answer = await post(report);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      commentUrl: expect.stringContaining(`/issues/${taskIssue}#issuecomment-`),
      checkRunUrl: expect.stringContaining("/runs/"),
    });
    expect(gpuRuns()).toHaveLength(1);
    const run = gpuRuns()[0]!;
    expect(run).toMatchObject({
      name: "Nova GPU-Check (spark-01)",
      headSha: sha,
      status: "completed",
      conclusion: "neutral",
      externalId: report.id,
      detailsUrl: answer.body.commentUrl,
    });
    expect(run.output.title).toBe("⚠️ 1 Warnung");
    expect(run.output.summary).toContain("| ⚠️ Warnung | `nvml` |");
    expect(run.output.text).toContain("GPU 0: NVIDIA GB10");
  });

  it("comments on a pull request and checks its head commit", async () => {
    world.repo.setFile("feature", "scripts/install.sh", "#!/bin/sh\n");
    const pull = world.repo.openPull({
      title: "Install script",
      head: "feature",
      user: world.fake.state.user("octocat"),
    });
    const report = buildReport({ target: { pullRequest: pull.number } });
    const answer = await post(report);
    expect(answer.status).toBe(201);
    expect(reportComments(pull.number)).toHaveLength(1);
    expect(gpuRuns()[0]).toMatchObject({
      headSha: world.repo.branchSha("feature"),
      conclusion: "success",
    });
    expect(reportComments(pull.number)[0]!.body).toContain("Pull Request #");
  });

  it("answers 422 for a target that does not exist, and writes nothing", async () => {
    const mark = world.fake.requests.length;
    for (const target of [
      { issue: 999 },
      { pullRequest: 998 },
      { sha: "0".repeat(40) },
      { task: "no-such-task" },
    ] as const) {
      const answer = await post(buildReport({ target }));
      expect([JSON.stringify(target), answer.status]).toEqual([JSON.stringify(target), 422]);
      expect(answer.body.error).toEqual(expect.any(String));
    }
    expect(world.writesSince(mark)).toEqual([]);
  });

  it("publishes only the check run for a commit when gpu.task has no issue", async () => {
    await sync(`gpu:\n  task: no-such-task\n  rateLimit:\n    uploads: 1000\n`);
    const answer = await post(buildReport({ target: { sha: world.repo.branchSha("main")! } }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ status: "created", checkRunUrl: expect.any(String) });
    expect(gpuRuns()).toHaveLength(1);
  });

  it("posts on a plain issue when the report names it", async () => {
    world.repo.addIssue({ title: "DGX acceptance" });
    const number = (world.repo.issues() as Array<{ number: number; title: string }>).find(
      (issue) => issue.title === "DGX acceptance",
    )!.number;
    expect((await post(buildReport({ target: { issue: number } }))).status).toBe(201);
    expect(reportComments(number)).toHaveLength(1);
  });
});

describe("idempotency", () => {
  it("publishes the same upload twice once: 201, then 200 with the same addresses", async () => {
    const report = buildReport({ target: { sha: world.repo.branchSha("main")! } });
    const first = await post(report);
    const mark = world.fake.requests.length;
    const second = await post(report);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, status: "duplicate" });
    expect(world.writesSince(mark)).toEqual([]);
    expect(reportComments(taskIssue)).toHaveLength(1);
    expect(gpuRuns()).toHaveLength(1);
  });

  it("publishes ten simultaneous uploads of one report once", async () => {
    const report = buildReport({ target: { sha: world.repo.branchSha("main")! } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(report)));
    // One publishes; the others wait for it and get its result as duplicates.
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const urls = new Set(answers.map((answer) => answer.body.commentUrl));
    expect(urls.size).toBe(1);
    expect(reportComments(taskIssue)).toHaveLength(1);
    expect(gpuRuns()).toHaveLength(1);
  });

  it("answers 409 to an upload of a report still being processed after the wait", async () => {
    await world.restart(overHttp({ runnerEndpoint: { duplicateWaitMs: 1 } }));
    const report = buildReport();
    const answers = await Promise.all([post(report), post(report)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await post(report)).status).toBe(200);
    expect(reportComments(taskIssue)).toHaveLength(1);
  });

  it("finds an earlier result after a restart (comment marker, check run external_id)", async () => {
    const report = buildReport({ target: { sha: world.repo.branchSha("main")! } });
    const first = await post(report);
    await world.restart();
    const mark = world.fake.requests.length;
    const again = await post(report);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: "duplicate",
      commentUrl: first.body.commentUrl,
      checkRunUrl: first.body.checkRunUrl,
    });
    expect(world.writesSince(mark)).toEqual([]);
  });

  it("answers 422 to the same id with another body, in the process and after a restart", async () => {
    const report = buildReport();
    await post(report);
    const changed = { ...report, createdAt: "2026-01-13T09:00:00.000Z" };
    expect((await post(changed)).status).toBe(422);
    await world.restart();
    expect((await post(changed)).status).toBe(422);
    expect(reportComments(taskIssue)).toHaveLength(1);
  });

  it("answers 503 with Retry-After when GitHub is unavailable; the retry posts exactly one comment", async () => {
    const report = buildReport({ target: { sha: world.repo.branchSha("main")! } });
    world.fake.failNext({ method: "POST", path: /\/issues\/\d+\/comments$/, status: 503 });
    const failed = await post(report);
    expect(failed.status).toBe(503);
    expect(Number(failed.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(reportComments(taskIssue)).toHaveLength(0);
    const retried = await post(report);
    expect(retried.status).toBe(201);
    expect(reportComments(taskIssue)).toHaveLength(1);
    expect(gpuRuns()).toHaveLength(1);
  });

  it("finishes on retry what a failure halfway left: the comment is kept, the check run added", async () => {
    const report = buildReport({ target: { sha: world.repo.branchSha("main")! } });
    world.fake.failNext({ method: "POST", path: /\/check-runs$/, status: 502 });
    expect((await post(report)).status).toBe(503);
    expect(reportComments(taskIssue)).toHaveLength(1);
    expect(gpuRuns()).toHaveLength(0);
    const mark = world.fake.requests.length;
    const retried = await post(report);
    expect(retried.status).toBe(201);
    expect(world.writesSince(mark)).toEqual(["POST /check-runs"]);
    expect(reportComments(taskIssue)).toHaveLength(1);
    expect(gpuRuns()).toHaveLength(1);
  });

  it("answers 503 when the installation cannot be looked up", async () => {
    world.fake.failNext({ method: "GET", path: /\/installation$/, status: 500 });
    const answer = await post(buildReport());
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).not.toBeNull();
  });
});

describe("limits and configuration", () => {
  it("answers 429 with Retry-After beyond gpu.rateLimit; repeated uploads still get 200", async () => {
    await sync("gpu:\n  rateLimit:\n    uploads: 2\n    windowMinutes: 60\n");
    const first = buildReport();
    expect((await post(first)).status).toBe(201);
    expect((await post(buildReport())).status).toBe(201);
    const mark = world.fake.requests.length;
    const third = await post(buildReport());
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(world.writesSince(mark)).toEqual([]);
    expect((await post(first)).status).toBe(200);
  });

  it("keeps reports waiting (503, Retry-After 600) while .github/nova.yml is invalid", async () => {
    await sync("lables: {}\n");
    const answer = await post(buildReport());
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("600");
    expect(reportComments(taskIssue)).toHaveLength(0);
  });

  it("writes in English when the repository says so", async () => {
    await sync(`language: en\n${CONFIG}`);
    await post(buildReport({ checks: [check("nvml", "fail")] }));
    const body = reportComments(taskIssue)[0]!.body;
    expect(body).toContain("### ❌ GPU check on spark-01: failure");
    expect(body).toContain("| n/a |");
  });
});
