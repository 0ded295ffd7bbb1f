import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OperationsFixture } from "../../scripts/extract-openapi.js";

export type {
  OperationParameter,
  OperationRequestBody,
  OperationSpec,
  OperationsFixture,
  OpenApiSchema,
} from "../../scripts/extract-openapi.js";

/** The committed excerpt of GitHub's REST description (see scripts/extract-openapi.ts). */
export const OPERATIONS_FIXTURE_URL = new URL(
  "../fixtures/github/openapi-operations.json",
  import.meta.url,
);

/** Reads the committed operations fixture. */
export function loadOperationsFixture(): OperationsFixture {
  return JSON.parse(
    readFileSync(fileURLToPath(OPERATIONS_FIXTURE_URL), "utf8"),
  ) as OperationsFixture;
}
