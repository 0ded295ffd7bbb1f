/**
 * The GPU report comment speaks one language (issue 16): observed and expected cells from the
 * runner's localized fields, one decimal style per cell, and runbook links that exist.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderGpuReportComment } from "../../src/ingest/render-gpu-report.js";
import { addRun } from "../../src/ingest/report-comment-state.js";
import { DEFAULT_RUNBOOK_BASE_URL, resolveRunbookBase } from "../../src/ingest/runbook-base.js";
import type { GpuReport } from "@nova/protocol";
import { buildReport, check } from "./uploads.js";

function render(report: GpuReport, lang: "de" | "en"): string {
  const state = addRun(null, "spark-01", {
    id: report.id,
    hash: "b".repeat(32),
    at: report.createdAt,
    status: report.status,
    summary: report.summary,
    sha: null,
  });
  return renderGpuReportComment(report, state, {
    lang,
    runbookBase: resolveRunbookBase(null),
    target: { kind: "task", task: "t" },
  });
}

/** The two checks the issue saw in English in a German comment, as today's runner sends them. */
const localized = buildReport({
  checks: [
    check("nvml", "pass", {
      observed: { value: 1, unit: "GPU" },
      expected: "nvidia-smi -L lists the GPUs",
      expectedText: { de: "nvidia-smi -L listet die GPUs", en: "nvidia-smi -L lists the GPUs" },
    }),
    check("xid-errors", "fail", {
      observed: {
        value: 1,
        unit: null,
        label: "XID events",
        labelText: { de: "XID-Ereignisse", en: "XID events" },
      },
      expected: "no XID errors since boot",
      expectedText: { de: "keine XID-Fehler seit dem Start", en: "no XID errors since boot" },
    }),
    check("memory-health", "pass", {
      observed: {
        value: 106.7,
        unit: "GiB",
        label: "unified memory available of 121.7 GiB",
        labelText: {
          de: "verfügbarer Unified Memory von 121,7 GiB",
          en: "unified memory available of 121.7 GiB",
        },
      },
    }),
  ],
});

describe("observed and expected cells", () => {
  it("are German in German, with German decimals only", () => {
    const body = render(localized, "de");
    expect(body).toContain("| nvidia-smi -L listet die GPUs |");
    expect(body).toContain("| XID-Ereignisse: 1 | keine XID-Fehler seit dem Start |");
    expect(body).toContain("| verfügbarer Unified Memory von 121,7 GiB: 106,7 GiB |");
    expect(body).not.toMatch(/lists the GPUs|XID events|121\.7/);
  });

  it("are English in English, with English decimals only", () => {
    const body = render(localized, "en");
    expect(body).toContain("| XID events: 1 | no XID errors since boot |");
    expect(body).toContain("| unified memory available of 121.7 GiB: 106.7 GiB |");
    expect(body).not.toMatch(/106,7|listet/);
  });

  it("a report of an earlier runner (English fields only) is still rendered", () => {
    const body = render(buildReport({ checks: [check("driver-version", "pass")] }), "de");
    expect(body).toContain("| 580\\.126.09 | \\>= 580 |");
  });
});

describe("runbook links", () => {
  it("default to Nova's own published runbooks, which exist in this repository", () => {
    const report = buildReport({
      checks: [
        check("xid-errors", "fail", {
          remediation: {
            action: "REBOOT_SYSTEM",
            runbook: "docs/runbooks/xid-errors.md#reboot-the-system",
          },
        }),
      ],
    });
    const body = render(report, "de");
    expect(body).toContain(
      "(https://github.com/my-org/nova/blob/main/docs/runbooks/xid-errors.md#reboot-the-system)",
    );
    expect(
      readFileSync(new URL("../../docs/runbooks/xid-errors.md", import.meta.url), "utf8"),
    ).toContain("## Reboot the system");
  });

  it("the default is package.json's repository; NOVA_RUNBOOK_BASE_URL overrides it", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { repository: { url: string } };
    const web = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(DEFAULT_RUNBOOK_BASE_URL).toBe(`${web}/blob/main/`);
    expect(resolveRunbookBase("https://ghe.example/o/nova/blob/v1")).toBe(
      "https://ghe.example/o/nova/blob/v1/",
    );
    expect(resolveRunbookBase("")).toBe(DEFAULT_RUNBOOK_BASE_URL);
  });
});
