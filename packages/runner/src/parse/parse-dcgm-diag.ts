/**
 * `dcgmi diag -r 1 -j`: test categories with tests whose `test_summary.status` is `Pass`, `Fail`,
 * `Warn`, `Skip` or `Not Run` (JSON schema in test/fixtures/reference/dcgm-diag-json-schema.json).
 */
export interface DcgmDiag {
  version: string | null;
  runtimeError: string | null;
  tests: Array<{ category: string; name: string; status: string; warnings: string[] }>;
}

export function parseDcgmDiag(text: string): DcgmDiag | null {
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return null;
  }
  const root = asRecord(value);
  const diag = asRecord(root?.["DCGM Diagnostic"]);
  if (root === null || diag === null) return null;
  const tests: DcgmDiag["tests"] = [];
  for (const category of asArray(diag.test_categories)) {
    const categoryName = asString(asRecord(category)?.category);
    for (const test of asArray(asRecord(category)?.tests)) {
      const record = asRecord(test);
      if (record === null) continue;
      const warnings = asArray(record.results).flatMap((result) =>
        asArray(asRecord(result)?.warnings).map((warning) => asString(asRecord(warning)?.warning)),
      );
      tests.push({
        category: categoryName,
        name: asString(record.name),
        status: asString(asRecord(record.test_summary)?.status),
        warnings: warnings.filter((warning) => warning !== ""),
      });
    }
  }
  const metadata = asRecord(root.metadata);
  return {
    version: typeof metadata?.version === "string" ? metadata.version : null,
    runtimeError: typeof diag.runtime_error === "string" ? diag.runtime_error : null,
    tests,
  };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}
