import type { OpenApiSchema } from "./openapi-fixture.js";

// OpenAPI 3.0 keywords that JSON Schema (draft-07, Ajv's default) does not know and that carry no
// constraint on a request; `nullable` is handled separately below.
const DROPPED_KEYS = new Set([
  "nullable",
  "discriminator",
  "xml",
  "externalDocs",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/**
 * Converts an OpenAPI 3.0 schema object (what GitHub's description uses, `openapi: 3.0.3`) into
 * a JSON Schema draft-07 that Ajv validates as GitHub would:
 *
 * - `nullable: true` becomes `anyOf: [<schema>, { type: "null" }]`. Adding `"null"` to `type`
 *   is not enough: GitHub writes `nullable` beside `oneOf` (issues/update `title`, `milestone`)
 *   and beside `enum`, where only the wrapper lets `null` through.
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0 style) become the numeric draft-07 form.
 * - `x-*` extensions and documentation-only keywords are dropped.
 *
 * Pure; the input is not modified.
 */
export function openApiToJsonSchema(schema: OpenApiSchema): OpenApiSchema {
  const result: OpenApiSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYS.has(key) || key.startsWith("x-")) continue;
    if (key === "properties" && isSchema(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, convertIfSchema(sub)]),
      );
    } else if ((key === "allOf" || key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
      result[key] = value.map(convertIfSchema);
    } else if (key === "items" || key === "not" || key === "additionalProperties") {
      result[key] = convertIfSchema(value);
    } else {
      result[key] = value;
    }
  }
  convertExclusiveBound(result, "exclusiveMinimum", "minimum");
  convertExclusiveBound(result, "exclusiveMaximum", "maximum");
  if (schema.nullable === true) {
    return { anyOf: [result, { type: "null" }] };
  }
  return result;
}

/** OpenAPI 3.0 `exclusiveMinimum: true` + `minimum: n` is draft-07 `exclusiveMinimum: n`. */
function convertExclusiveBound(
  schema: OpenApiSchema,
  exclusiveKey: "exclusiveMinimum" | "exclusiveMaximum",
  boundKey: "minimum" | "maximum",
): void {
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive !== "boolean") return;
  const bound = schema[boundKey];
  delete schema[exclusiveKey];
  if (exclusive && typeof bound === "number") {
    delete schema[boundKey];
    schema[exclusiveKey] = bound;
  }
}

function convertIfSchema(value: unknown): unknown {
  return isSchema(value) ? openApiToJsonSchema(value) : value;
}

function isSchema(value: unknown): value is OpenApiSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
