/**
 * The status report's GPU section through the real app: runner reports uploaded to the ingestion
 * endpoint become sticky comments on the `gpu.task` issue, and `/nova report` reads the latest
 * report per host back from those comments into `reports/status/<date>.md`.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { formatDateInZone } from "../../src/reports/working-days.js";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { FakeGitHub } from "../fake-github/index.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { startNovaServer } from "../integration/start-nova-server.js";
import { buildReport, check, postReport } from "../ingest/uploads.js";

const TASK = "nvidia-treiber-cuda-installationsskript-vorbereiten";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(() => fake.close());

it("lists the latest report of each host, read back from the sticky comments", async () => {
  const repo = fake.seedRepo({
    owner: "acme",
    name: "dgx",
    installationId: 42,
    files: { "README.md": "x\n" },
  });
  const nova = await startNovaServer(fake);
  const { botPrs } = nova;
  try {
    await nova.deliver(
      "push",
      repo.pushCommit({
        files: {
          "docs/dgx-spark-plan.md": loadChecklist("bundled"),
          ".github/nova.yml": "gpu:\n  rateLimit:\n    uploads: 1000\n",
        },
      }),
    );
    const issue = (repo.issues() as Array<{ number: number; body: string }>).find(
      (candidate) => parseTaskMarker(candidate.body) === TASK,
    )!;
    const upload = async (hostname: string, status: "pass" | "fail") => {
      const report = buildReport({
        checks: [check("kernel-module", "pass"), check("xid-errors", status)],
      });
      report.host.hostname = hostname;
      expect((await postReport(nova.url, JSON.stringify(report))).status).toBe(201);
    };
    await upload("spark-01", "fail");
    await upload("spark-02", "pass");
    await upload("spark-01", "pass"); // the newer report of spark-01 wins

    repo.setPermission("alice", "write");
    await nova.deliver(
      "issue_comment",
      repo.addComment(issue.number, "/nova report", { by: "alice" }),
    );
    await botPrs.settled();

    const today = formatDateInZone(Date.now(), "Europe/Berlin");
    const file = repo.getFile("nova/status", `reports/status/${today}.md`);
    expect(file).toBeDefined();
    const section = file!.slice(file!.indexOf("## GPU-Berichte"));
    expect(section).toMatch(/\| spark-01 \| .* \| ✅ in Ordnung \| \[2 bestanden\]\(/);
    expect(section).toMatch(/\| spark-02 \| .* \| ✅ in Ordnung \| \[2 bestanden\]\(/);
    expect(section.match(/\| spark-01 \|/g)).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  } finally {
    await nova.close();
  }
});
