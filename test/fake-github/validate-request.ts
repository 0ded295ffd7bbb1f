import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { OpenApiSchema, OperationSpec } from "./openapi-fixture.js";
import { openApiToJsonSchema } from "./openapi-to-json-schema.js";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the
// module object, whose `default` is the plugin (at run time both are the same function).
const addFormats = addFormatsModule.default;

/** What the request carried, before validation. */
export interface RequestInput {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; `undefined` when the request had none. */
  body: unknown;
}

export interface ValidationResult {
  /** Path and query parameters, coerced to their schema types (`"30"` → `30`). */
  params: Record<string, unknown>;
  /** Human-readable reasons GitHub would reject the request; empty when it is valid. */
  problems: string[];
}

export interface ValidatorOptions {
  /**
   * Treat body fields and query parameters the description does not list as errors. GitHub
   * ignores them silently, which hides typos (`state_reasons`, `label=`) in tests.
   */
  rejectUnknownFields: boolean;
}

/**
 * Validates requests against the fixture's parameter and body schemas with Ajv. Schemas are
 * converted from OpenAPI 3.0 first (see `openApiToJsonSchema`) and compiled once per operation.
 */
export function createRequestValidator(
  operations: Record<string, OperationSpec>,
  options: ValidatorOptions,
) {
  // Parameters arrive as strings, so they are coerced; bodies are JSON and must have the right
  // types already, as GitHub requires.
  const paramsAjv = createAjv(true);
  const bodyAjv = createAjv(false);
  const paramValidators = new Map<string, ValidateFunction>();
  const bodyValidators = new Map<string, ValidateFunction>();

  function paramValidator(operationId: string, operation: OperationSpec): ValidateFunction {
    let validate = paramValidators.get(operationId);
    if (validate === undefined) {
      validate = paramsAjv.compile(buildParamsSchema(operation, options.rejectUnknownFields));
      paramValidators.set(operationId, validate);
    }
    return validate;
  }

  function bodyValidator(operationId: string, schema: OpenApiSchema): ValidateFunction {
    let validate = bodyValidators.get(operationId);
    if (validate === undefined) {
      const converted = openApiToJsonSchema(schema);
      validate = bodyAjv.compile(
        options.rejectUnknownFields ? forbidUnknownTopLevelFields(converted) : converted,
      );
      bodyValidators.set(operationId, validate);
    }
    return validate;
  }

  return function validateRequest(operationId: string, input: RequestInput): ValidationResult {
    const operation = operations[operationId];
    if (operation === undefined) throw new Error(`Unknown operation ${operationId}`);
    const problems: string[] = [];

    const params = collectParams(operation, input);
    const validateParams = paramValidator(operationId, operation);
    if (!validateParams(params)) {
      problems.push(
        `parameters: ${paramsAjv.errorsText(validateParams.errors, { dataVar: "params" })}`,
      );
    }

    const spec = operation.requestBody;
    if (spec === null) {
      if (input.body !== undefined) problems.push("body: this operation takes no request body");
    } else if (input.body === undefined) {
      if (spec.required) problems.push("body: a request body is required");
    } else {
      const validateBody = bodyValidator(operationId, spec.schema);
      if (!validateBody(input.body)) {
        problems.push(`body: ${bodyAjv.errorsText(validateBody.errors, { dataVar: "body" })}`);
      }
    }
    return { params, problems };
  };
}

function createAjv(coerceTypes: boolean): Ajv {
  // strict: false because GitHub's schemas are not written for Ajv's strict mode (e.g.
  // `properties` without `type: object`); unknown OpenAPI keywords are already removed.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, logger: false });
  addFormats(ajv);
  // A GitHub-specific format: "owner/name".
  ajv.addFormat("repo.nwo", /^[^/\s]+\/[^/\s]+$/);
  return ajv;
}

function collectParams(operation: OperationSpec, input: RequestInput): Record<string, unknown> {
  const params: Record<string, unknown> = { ...input.pathParams };
  const arrays = new Set(
    operation.parameters
      .filter((p) => p.in === "query" && p.schema.type === "array")
      .map((p) => p.name),
  );
  for (const name of new Set(input.query.keys())) {
    params[name] = arrays.has(name) ? input.query.getAll(name) : input.query.get(name);
  }
  return params;
}

function buildParamsSchema(operation: OperationSpec, rejectUnknown: boolean): OpenApiSchema {
  const properties: Record<string, OpenApiSchema> = {};
  const required: string[] = [];
  for (const parameter of operation.parameters) {
    properties[parameter.name] = openApiToJsonSchema(parameter.schema);
    if (parameter.required) required.push(parameter.name);
  }
  return {
    type: "object",
    properties,
    required,
    ...(rejectUnknown ? { additionalProperties: false } : {}),
  };
}

/**
 * Adds `additionalProperties: false` to a body schema's top-level object, unless the description
 * already decides. A top level without `properties` but with `oneOf`/`anyOf` alternatives
 * (issues/add-labels) gets it on each object alternative instead.
 */
function forbidUnknownTopLevelFields(schema: OpenApiSchema): OpenApiSchema {
  if (schema.properties !== undefined) {
    return schema.additionalProperties === undefined
      ? { ...schema, additionalProperties: false }
      : schema;
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) {
      return {
        ...schema,
        [key]: (alternatives as OpenApiSchema[]).map(forbidUnknownTopLevelFields),
      };
    }
  }
  return schema;
}
