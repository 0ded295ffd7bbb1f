import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { FakeGitHub, type FakeRepo } from "../index.js";
import { projectStoreOf, type ProjectStore } from "./index.js";

let fake: FakeGitHub;
let repo: FakeRepo;
let store: ProjectStore;
let token: string;

beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  repo = fake.seedRepo({
    owner: "acme",
    name: "dgx",
    installationId: 42,
    ownerType: "Organization",
  });
  store = projectStoreOf(fake.state);
  token = fake.createInstallationToken(42);
});

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${fake.url}/graphql`, {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    data?: Record<string, { item?: { id: string } }>;
    errors?: Array<{ type?: string; message: string }>;
  };
}

describe("the fake's GraphQL endpoint", () => {
  it("refuses a document GitHub's schema refuses, and records it", async () => {
    const answer = await graphql('query { repositoryOwner(login: "acme") { projectz } }');
    expect(answer.errors?.[0]?.message).toContain('Cannot query field "projectz"');
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: "invalid-request",
        path: "/graphql",
        operationId: "graphql",
      }),
    ]);
  });

  it("refuses a connection without `first` or `last`, as GitHub does", async () => {
    store.createProject("acme", "Board");
    const answer = await graphql(
      'query { repositoryOwner(login: "acme") { ... on Organization { projectV2(number: 1) { items { totalCount } } } } }',
    );
    expect(answer.errors?.[0]).toMatchObject({ type: "MISSING_PAGINATION_BOUNDARIES" });
    expect(fake.violations.map((violation) => violation.kind)).toEqual(["invalid-request"]);
  });

  it("keeps a user's projects out of an installation's reach", async () => {
    store.addUser("carol");
    store.createProject("carol", "Privat");
    const answer = await graphql('query { user(login: "carol") { projectV2(number: 1) { id } } }');
    expect(answer.errors).toEqual([
      expect.objectContaining({
        type: "FORBIDDEN",
        message: "Resource not accessible by integration",
      }),
    ]);
    expect(fake.violations).toEqual([]);
  });

  it("replaces all options with new ids on updateProjectV2Field, dropping values of the old ones", async () => {
    const project = store.createProject("acme", "Board");
    const status = store.field(project, "Status");
    const issue = repo.addIssue({ title: "x" });
    const item = store.addIssueItem(project, repo, Number(issue.number));
    store.setValue(project, item, "Status", "Todo");
    const before = status.options.map((option) => option.id);
    const answer = await graphql(
      `
        mutation ($input: UpdateProjectV2FieldInput!) {
          updateProjectV2Field(input: $input) {
            projectV2Field {
              ... on ProjectV2SingleSelectField {
                options {
                  id
                  name
                }
              }
            }
          }
        }
      `,
      {
        input: {
          fieldId: status.id,
          singleSelectOptions: ["Todo", "In Progress", "Done", "Blockiert"].map((name) => ({
            name,
            color: "GRAY",
            description: "",
          })),
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    const after = status.options.map((option) => option.id);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(store.readValues(project, item)).toEqual({});
    expect(fake.violations).toEqual([]);
  });

  it("answers addProjectV2ItemById for an issue already on the board with its item", async () => {
    const project = store.createProject("acme", "Board");
    const issue = repo.addIssue({ title: "x" });
    const item = store.addIssueItem(project, repo, Number(issue.number));
    const answer = await graphql(
      `
        mutation ($input: AddProjectV2ItemByIdInput!) {
          addProjectV2ItemById(input: $input) {
            item {
              id
            }
          }
        }
      `,
      { input: { projectId: project.id, contentId: String(issue.node_id) } },
    );
    expect(answer.data?.addProjectV2ItemById?.item?.id).toBe(item.id);
    expect(project.items).toHaveLength(1);
  });
});

describe("the fake's limits", () => {
  it("counts a mutation it does not model as a fault, so an unexpected write cannot pass silently", async () => {
    const project = store.createProject("acme", "Board");
    const answer = await graphql(
      `
        mutation ($input: DeleteProjectV2FieldInput!) {
          deleteProjectV2Field(input: $input) {
            clientMutationId
          }
        }
      `,
      { input: { fieldId: store.field(project, "Status").id } },
    );
    expect(answer.errors?.[0]?.message).toContain("does not model Mutation.deleteProjectV2Field");
    expect(fake.violations.map((violation) => violation.kind)).toEqual(["fake-error"]);
  });
});
