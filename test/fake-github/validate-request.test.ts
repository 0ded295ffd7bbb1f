import { describe, expect, it } from "@jest/globals";
import { createRouteMatcher } from "./match-route.js";
import { loadOperationsFixture } from "./openapi-fixture.js";
import { openApiToJsonSchema } from "./openapi-to-json-schema.js";
import { createRequestValidator } from "./validate-request.js";

const { operations } = loadOperationsFixture();

describe("openApiToJsonSchema", () => {
  it("turns nullable into an anyOf with null, also beside oneOf and enum", () => {
    expect(
      openApiToJsonSchema({ oneOf: [{ type: "string" }, { type: "integer" }], nullable: true }),
    ).toEqual({ anyOf: [{ oneOf: [{ type: "string" }, { type: "integer" }] }, { type: "null" }] });
    expect(openApiToJsonSchema({ type: "string", enum: ["a"], nullable: true })).toEqual({
      anyOf: [{ type: "string", enum: ["a"] }, { type: "null" }],
    });
  });

  it("converts boolean exclusive bounds and drops OpenAPI-only keywords, not property names", () => {
    expect(
      openApiToJsonSchema({
        type: "object",
        properties: {
          description: { type: "integer", minimum: 0, exclusiveMinimum: true, example: 1 },
        },
        "x-github": {},
        discriminator: {},
      }),
    ).toEqual({
      type: "object",
      properties: { description: { type: "integer", exclusiveMinimum: 0 } },
    });
  });
});

describe("the route matcher", () => {
  const match = createRouteMatcher(operations);

  it("decodes encoded slashes in parameters", () => {
    expect(match("GET", "/repos/o/r/contents/docs%2Fplan%20%C3%BC.md")).toMatchObject({
      operationId: "repos/get-content",
      pathParams: { owner: "o", repo: "r", path: "docs/plan ü.md" },
    });
  });

  it("lets multi-segment parameters span raw slashes, preferring the longer template", () => {
    expect(match("GET", "/repos/o/r/contents/docs/plan.md")).toMatchObject({
      pathParams: { path: "docs/plan.md" },
    });
    expect(match("GET", "/repos/o/r/commits/heads/main/check-runs")).toMatchObject({
      operationId: "checks/list-for-ref",
      pathParams: { ref: "heads/main" },
    });
    expect(match("PATCH", "/repos/o/r/git/refs/heads/nova/x")).toMatchObject({
      operationId: "git/update-ref",
      pathParams: { ref: "heads/nova/x" },
    });
  });

  it("splits base...head of a comparison", () => {
    expect(match("GET", "/repos/o/r/compare/main...nova%2Fx")).toMatchObject({
      operationId: "repos/compare-commits",
      pathParams: { base: "main", head: "nova/x" },
    });
  });

  it("tells an unknown path from a known path with the wrong method", () => {
    expect(match("GET", "/repos/o/r/git/refs")).toEqual({
      kind: "wrong-method",
      allowed: ["POST"],
    });
    expect(match("POST", "/graphql")).toEqual({ kind: "unknown-path" });
  });
});

describe("the request validator", () => {
  const validate = createRequestValidator(operations, { rejectUnknownFields: true });
  const pathParams = { owner: "o", repo: "r" };

  it("coerces query parameters and rejects unknown ones", () => {
    const ok = validate("issues/list-for-repo", {
      pathParams,
      query: new URLSearchParams("state=all&per_page=100"),
      body: undefined,
    });
    expect(ok).toEqual({ params: { ...pathParams, state: "all", per_page: 100 }, problems: [] });
    const typo = validate("issues/list-for-repo", {
      pathParams,
      query: new URLSearchParams("label=nova"),
      body: undefined,
    });
    expect(typo.problems).toEqual([expect.stringContaining("must NOT have additional properties")]);
  });

  it("requires a body where the description does and refuses one where it has none", () => {
    const query = new URLSearchParams();
    expect(validate("issues/create", { pathParams, query, body: undefined }).problems).toEqual([
      "body: a request body is required",
    ]);
    expect(validate("repos/get", { pathParams, query, body: {} }).problems).toEqual([
      "body: this operation takes no request body",
    ]);
  });

  it("checks formats and enums", () => {
    const problems = validate("checks/create", {
      pathParams,
      query: new URLSearchParams(),
      body: { name: "n", head_sha: "abc", status: "done", started_at: "yesterday" },
    }).problems;
    expect(problems.join("\n")).toMatch(/status must be equal to one of the allowed values/);
    expect(problems.join("\n")).toMatch(/started_at must match format "date-time"/);
  });
});
