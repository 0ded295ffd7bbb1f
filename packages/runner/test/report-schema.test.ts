import { describe, expect, it } from "@jest/globals";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFile } from "node:fs/promises";
import { REPORT_JSON_SCHEMA_PATH } from "@nova/protocol";
import { RUNNER_VERSION } from "../src/runner-version.js";
import { formatReportJsonSchema } from "../../protocol/scripts/write-report-json-schema.js";
import { dgxSpark, sparkAfterXid79 } from "./machines.js";
import { runCli } from "./run-cli.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRecording } from "./write-recording.js";

const root = new URL("../../../", import.meta.url);

describe("nova.gpu-report/v1 as JSON Schema", () => {
  it("the committed docs/schemas/gpu-report.v1.json is the generated one (npm run schema:runner)", async () => {
    const committed = await readFile(new URL(REPORT_JSON_SCHEMA_PATH, root), "utf8");
    expect(committed).toBe(await formatReportJsonSchema());
  });

  it("accepts the reports the runner writes, and rejects a broken one", async () => {
    const schema = JSON.parse(
      await readFile(new URL(REPORT_JSON_SCHEMA_PATH, root), "utf8"),
    ) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    const validate = ajv.compile(schema);
    const dir = await mkdtemp(join(tmpdir(), "nova-schema-"));
    try {
      for (const [name, recording] of [
        ["spark", dgxSpark()],
        ["xid", sparkAfterXid79()],
      ] as const) {
        const path = await writeRecording(join(dir, name), recording);
        const report = JSON.parse(
          (
            await runCli([
              "check",
              "--from",
              path,
              "--json",
              "--repository",
              "octo-org/dgx-plan",
              "--target",
              "issue:12",
            ])
          ).stdout,
        ) as Record<string, unknown>;
        expect(validate(report)).toBe(true);
        expect(validate({ ...report, status: "broken" })).toBe(false);
        expect(validate({ ...report, target: { issue: 1, sha: "x" } })).toBe(false);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

it("RUNNER_VERSION is package.json's version", async () => {
  const pkg = JSON.parse(await readFile(new URL("packages/runner/package.json", root), "utf8")) as {
    version: string;
  };
  expect(RUNNER_VERSION).toBe(pkg.version);
});
