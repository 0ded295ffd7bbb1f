import type { BoardMutation } from "./project-port.js";

/**
 * The GraphQL documents of the Projects (v2) board. Every one is checked against GitHub's
 * published schema in the tests (`test/github/project-queries.test.ts`, and the fake GitHub
 * validates each request it receives), so a field GitHub would reject fails a test, not a run.
 */

/** A field with its type and, for single selects, its options. */
const FIELD_FRAGMENT = `fragment NovaField on ProjectV2FieldConfiguration {
  __typename
  ... on ProjectV2FieldCommon { id name dataType }
  ... on ProjectV2SingleSelectField { options { id name color description } }
}`;

/**
 * A project with its fields. GitHub allows 50 custom fields besides the built-in ones, so one page
 * of 100 holds them all.
 */
const PROJECT_FRAGMENT = `fragment NovaProject on ProjectV2 {
  id
  number
  title
  url
  closed
  fields(first: 100) { nodes { ...NovaField } }
}`;

/** An issue as the board needs it; `closedByPullRequestsReferences` lists open PRs only by default. */
const ISSUE_FRAGMENT = `fragment NovaIssue on Issue {
  id
  number
  repository { nameWithOwner }
  closedByPullRequestsReferences(first: 1) { totalCount }
}`;

/** The owner's kind and its project by number. */
export const PROJECT_BY_NUMBER_QUERY = `query NovaProjectByNumber($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    __typename
    ... on Organization { id projectV2(number: $number) { ...NovaProject } }
  }
}
${PROJECT_FRAGMENT}
${FIELD_FRAGMENT}`;

/**
 * The owner's kind, the projects whose title matches a search (exact matches are picked by the
 * caller) and the repository's node id, to link a project Nova creates.
 */
export const PROJECT_BY_TITLE_QUERY = `query NovaProjectByTitle($owner: String!, $title: String!, $repoOwner: String!, $repoName: String!) {
  repository(owner: $repoOwner, name: $repoName) { id }
  repositoryOwner(login: $owner) {
    __typename
    ... on Organization { id projectsV2(first: 20, query: $title) { nodes { ...NovaProject } } }
  }
}
${PROJECT_FRAGMENT}
${FIELD_FRAGMENT}`;

export const CREATE_PROJECT_MUTATION = `mutation NovaCreateProject($input: CreateProjectV2Input!) {
  createProjectV2(input: $input) { projectV2 { ...NovaProject } }
}
${PROJECT_FRAGMENT}
${FIELD_FRAGMENT}`;

/**
 * One page of items with their values. A project has at most ~60 fields, so one page of 100
 * values per item holds them all; only the value types Nova writes are read.
 */
export const ITEMS_QUERY = `query NovaBoardItems($projectId: ID!, $after: String) {
  node(id: $projectId) {
    ... on ProjectV2 {
      items(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isArchived
          content { __typename ...NovaIssue }
          fieldValues(first: 100) {
            nodes {
              __typename
              ... on ProjectV2ItemFieldSingleSelectValue { optionId name field { ...NovaValueField } }
              ... on ProjectV2ItemFieldNumberValue { number field { ...NovaValueField } }
              ... on ProjectV2ItemFieldDateValue { date field { ...NovaValueField } }
            }
          }
        }
      }
    }
  }
}
fragment NovaValueField on ProjectV2FieldConfiguration { ... on ProjectV2FieldCommon { id } }
${ISSUE_FRAGMENT}`;

/** Issues looked up by number, one alias each (`i12: issue(number: 12)`); at most 100 per query. */
export function buildIssuesQuery(numbers: readonly number[]): string {
  const aliases = numbers
    .map((number) => `    i${number}: issue(number: ${number}) { ...NovaIssue }`)
    .join("\n");
  return `query NovaBoardIssues($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${aliases}
  }
}
${ISSUE_FRAGMENT}`;
}

const MUTATIONS: Record<
  BoardMutation["kind"],
  { field: string; input: string; selection: string }
> = {
  "create-field": {
    field: "createProjectV2Field",
    input: "CreateProjectV2FieldInput",
    selection: "projectV2Field { ...NovaField }",
  },
  "set-options": {
    field: "updateProjectV2Field",
    input: "UpdateProjectV2FieldInput",
    selection: "projectV2Field { ...NovaField }",
  },
  "add-item": {
    field: "addProjectV2ItemById",
    input: "AddProjectV2ItemByIdInput",
    selection: "item { id isArchived }",
  },
  "archive-item": {
    field: "archiveProjectV2Item",
    input: "ArchiveProjectV2ItemInput",
    selection: "item { id }",
  },
  "unarchive-item": {
    field: "unarchiveProjectV2Item",
    input: "UnarchiveProjectV2ItemInput",
    selection: "item { id }",
  },
  "set-value": {
    field: "updateProjectV2ItemFieldValue",
    input: "UpdateProjectV2ItemFieldValueInput",
    selection: "projectV2Item { id }",
  },
};

/**
 * One request of aliased mutations (`m0: addProjectV2ItemById(input: $m0) { … }`), each with its
 * input as a variable so no value is ever spliced into the document.
 */
export function buildMutationDocument(kinds: readonly BoardMutation["kind"][]): string {
  const variables = kinds.map((kind, index) => `$m${index}: ${MUTATIONS[kind].input}!`);
  const fields = kinds.map((kind, index) => {
    const { field, selection } = MUTATIONS[kind];
    return `  m${index}: ${field}(input: $m${index}) { ${selection} }`;
  });
  const usesField = kinds.some((kind) => kind === "create-field" || kind === "set-options");
  return `mutation NovaBoardWrite(${variables.join(", ")}) {
${fields.join("\n")}
}${usesField ? `\n${FIELD_FRAGMENT}` : ""}`;
}
