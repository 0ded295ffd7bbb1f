import { z } from "zod";
import { REPORT_SCHEMA_ID, gpuReportSchema } from "./report-schema.js";

/** Where the generated JSON Schema is committed. */
export const REPORT_JSON_SCHEMA_PATH = "docs/schemas/gpu-report.v1.json";

/**
 * `nova.gpu-report/v1` as JSON Schema (draft 2020-12), generated from the zod schema so the two
 * cannot drift; `npm run schema:runner` writes it, a test compares the committed file.
 */
export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(gpuReportSchema, { target: "draft-2020-12" });
  const document = {
    $schema: schema.$schema,
    $id: "urn:nova:schema:gpu-report:v1",
    title: REPORT_SCHEMA_ID,
    description:
      "The report nova-runner writes and uploads (docs/runner.md, docs/runner-protocol.md). Generated from packages/protocol/src/report-schema.ts by `npm run schema:runner`; do not edit.",
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
