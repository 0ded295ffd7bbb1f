/**
 * The status report's GPU section through the real app: runner reports uploaded to the ingestion
 * endpoint become sticky comments on the `gpu.task` issue, and `/nova report` reads the latest
 * report per host back from those comments into `reports/status/<date>.md`.
 */
import { expect, it } from "@jest/globals";
import { formatDateInZone } from "../../src/reports/working-days.js";
import { parseTaskMarker } from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";
import { buildReport, check, postReport } from "../ingest/uploads.js";

const TASK = "nvidia-treiber-cuda-installationsskript-vorbereiten";

const world = useNovaWorld({ repo: { files: { "README.md": "x\n" } }, nova: overHttp() });

it("lists the latest report of each host, read back from the sticky comments", async () => {
  const { fake, repo, nova } = world;
  const { botPrs } = nova;
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
});
