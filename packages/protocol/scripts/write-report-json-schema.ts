/**
 * `npm run schema:runner` writes docs/schemas/gpu-report.v1.json from the zod schema;
 * `npm run schema:runner:check` only compares and exits 1 when the file is stale. A development
 * tool: it formats with Prettier (a devDependency) so `prettier --check .` accepts the file.
 */
import { readFile, writeFile } from "node:fs/promises";
import { format, resolveConfig } from "prettier";
import { REPORT_JSON_SCHEMA_PATH, renderReportJsonSchema } from "../src/report-json-schema.js";

/** The JSON Schema as committed: generated, then formatted with the repository's Prettier config. */
export async function formatReportJsonSchema(): Promise<string> {
  const config = (await resolveConfig(REPORT_JSON_SCHEMA_PATH)) ?? {};
  return format(renderReportJsonSchema(), { ...config, filepath: REPORT_JSON_SCHEMA_PATH });
}

if (process.argv[1]?.endsWith("write-report-json-schema.ts")) {
  const generated = await formatReportJsonSchema();
  if (process.argv.includes("--check")) {
    const committed = await readFile(REPORT_JSON_SCHEMA_PATH, "utf8").catch(() => "");
    if (committed !== generated) {
      process.stderr.write(`${REPORT_JSON_SCHEMA_PATH} is stale: run npm run schema:runner\n`);
      process.exitCode = 1;
    }
  } else {
    await writeFile(REPORT_JSON_SCHEMA_PATH, generated);
    process.stdout.write(`wrote ${REPORT_JSON_SCHEMA_PATH}\n`);
  }
}
