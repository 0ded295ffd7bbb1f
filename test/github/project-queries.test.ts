import { describe, expect, it } from "@jest/globals";
import { parse, validate } from "graphql";
import {
  buildIssuesQuery,
  buildMutationDocument,
  CREATE_PROJECT_MUTATION,
  ITEMS_QUERY,
  PROJECT_BY_NUMBER_QUERY,
  PROJECT_BY_TITLE_QUERY,
} from "../../src/github/project-queries.js";
import { githubIntrospectionSchema, githubSchema } from "../fake-github/graphql/index.js";

const DOCUMENTS: Record<string, string> = {
  PROJECT_BY_NUMBER_QUERY,
  PROJECT_BY_TITLE_QUERY,
  CREATE_PROJECT_MUTATION,
  ITEMS_QUERY,
  "buildIssuesQuery([1, 12, 300])": buildIssuesQuery([1, 12, 300]),
  "buildMutationDocument(every kind)": buildMutationDocument([
    "create-field",
    "set-options",
    "add-item",
    "archive-item",
    "unarchive-item",
    "set-value",
  ]),
  "buildMutationDocument(values only)": buildMutationDocument(["set-value", "set-value"]),
  "buildMutationDocument(items only)": buildMutationDocument(["add-item", "archive-item"]),
};

describe("Nova's GraphQL documents", () => {
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    it(`${name} is valid against GitHub's published schema`, () => {
      expect(validate(githubSchema(), parse(document)).map((error) => error.message)).toEqual([]);
    });
  }

  it("are checked against the SDL because the package's introspection JSON is older", () => {
    // Why github-schema.ts builds from schema.graphql: schema.json of the same release lacks
    // `updateProjectV2Field` (how options are added) and the field types of every new project.
    const stale = githubIntrospectionSchema();
    expect(stale.getMutationType()?.getFields().updateProjectV2Field).toBeUndefined();
    expect(githubSchema().getMutationType()?.getFields().updateProjectV2Field).toBeDefined();
  });

  it("passes every value as a variable, one per aliased mutation", () => {
    const document = buildMutationDocument(["add-item", "set-value"]);
    expect(document).toContain("$m0: AddProjectV2ItemByIdInput!");
    expect(document).toContain("m1: updateProjectV2ItemFieldValue(input: $m1)");
    expect(document).not.toContain("fragment NovaField");
  });
});
