import { GitHubError } from "./github-error.js";
import type { Octokit } from "./octokit-client.js";
import type {
  BoardField,
  BoardFieldType,
  BoardIssue,
  BoardItem,
  BoardMutation,
  BoardMutationResult,
  BoardOption,
  BoardOptionColor,
  BoardProject,
  BoardValue,
  ProjectLookup,
  ProjectPort,
} from "./project-port.js";
import {
  buildIssuesQuery,
  buildMutationDocument,
  CREATE_PROJECT_MUTATION,
  ITEMS_QUERY,
  PROJECT_BY_NUMBER_QUERY,
  PROJECT_BY_TITLE_QUERY,
} from "./project-queries.js";
import {
  NO_BLIND_RETRY,
  retrySecondaryLimit,
  type SecondaryRetryOptions,
} from "./retry-secondary-limit.js";

/** One error of a GraphQL answer as GitHub writes it (`type` is GitHub's, beside the spec's fields). */
interface GraphqlErrorEntry {
  type?: string;
  message?: string;
  path?: ReadonlyArray<string | number>;
}

/** The data and errors of an answer: GitHub answers 200 with both when part of a request failed. */
interface GraphqlAnswer<T> {
  data: T | null;
  errors: GraphqlErrorEntry[];
}

/** Octokit's `GraphqlResponseError` as far as Nova reads it. */
interface GraphqlResponseErrorLike {
  name?: string;
  errors?: GraphqlErrorEntry[];
  data?: unknown;
}

interface RawField {
  __typename?: string;
  id?: string;
  name?: string;
  dataType?: string;
  options?: Array<{ id: string; name: string; color: string; description: string }>;
}

interface RawProject {
  id: string;
  number: number;
  title: string;
  url: string;
  closed: boolean;
  fields: { nodes: Array<RawField | null> | null };
}

interface RawIssue {
  __typename?: string;
  id?: string;
  number?: number;
  repository?: { nameWithOwner: string };
  closedByPullRequestsReferences?: { totalCount: number } | null;
}

interface RawOwner {
  __typename: string;
  id?: string;
  projectV2?: RawProject | null;
  projectsV2?: { nodes: Array<RawProject | null> | null };
}

interface RawItem {
  id: string;
  isArchived: boolean;
  content: RawIssue | null;
  fieldValues: {
    nodes: Array<{
      __typename?: string;
      optionId?: string | null;
      name?: string | null;
      number?: number | null;
      date?: string | null;
      field?: { id?: string } | null;
    } | null> | null;
  };
}

interface ItemsPage {
  node: {
    items?: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<RawItem | null> | null;
    };
  } | null;
}

const FIELD_TYPES: ReadonlySet<string> = new Set([
  "SINGLE_SELECT",
  "NUMBER",
  "DATE",
  "TEXT",
  "ITERATION",
]);
const OPTION_COLORS: ReadonlySet<string> = new Set([
  "GRAY",
  "BLUE",
  "GREEN",
  "YELLOW",
  "ORANGE",
  "RED",
  "PINK",
  "PURPLE",
]);

/**
 * The project port over `octokit.graphql` (a Probot context's client or one from `app.auth()`,
 * so throttling applies); secondary rate limits are waited out here, as in the REST port.
 */
export function createOctokitProjectPort(
  octokit: Octokit,
  retry: SecondaryRetryOptions,
): ProjectPort {
  const request = <T>(
    query: string,
    variables: Record<string, unknown>,
    options: object = {},
  ): Promise<GraphqlAnswer<T>> =>
    retrySecondaryLimit(async () => {
      try {
        return { data: await octokit.graphql<T>(query, { ...variables, ...options }), errors: [] };
      } catch (error) {
        // GitHub answers 200 with `errors` (and maybe partial data) when part of a request failed:
        // that is an answer to read, not a failed request.
        const response = error as GraphqlResponseErrorLike;
        if (response?.name === "GraphqlResponseError" && Array.isArray(response.errors)) {
          return { data: (response.data ?? null) as T | null, errors: response.errors };
        }
        throw error;
      }
    }, retry);

  /** Fails on errors other than the expected ones (a NOT_FOUND the caller handles, by path). */
  const expectOnly = (
    errors: GraphqlErrorEntry[],
    tolerated: (entry: GraphqlErrorEntry) => boolean,
  ) => {
    const unexpected = errors.filter((entry) => !tolerated(entry));
    if (unexpected.length > 0) throw toGraphqlError(unexpected);
  };

  const readOwner = (
    owner: RawOwner | null | undefined,
    project: RawProject | null,
  ): ProjectLookup => {
    if (!owner) return { kind: "owner-not-found" };
    if (owner.__typename !== "Organization") return { kind: "user" };
    return {
      kind: "organization",
      ownerId: owner.id ?? "",
      project: project ? toProject(project) : null,
    };
  };

  return {
    async findProjectByNumber(owner, number) {
      const { data, errors } = await request<{ repositoryOwner: RawOwner | null }>(
        PROJECT_BY_NUMBER_QUERY,
        { owner, number },
      );
      // GitHub answers a missing project number with NOT_FOUND beside the owner's data.
      expectOnly(
        errors,
        (entry) => entry.type === "NOT_FOUND" && entry.path?.includes("projectV2") === true,
      );
      const ownerData = data?.repositoryOwner;
      return readOwner(ownerData, ownerData?.projectV2 ?? null);
    },

    async findProjectByTitle(owner, title, repository) {
      const { data, errors } = await request<{
        repository: { id: string } | null;
        repositoryOwner: RawOwner | null;
      }>(PROJECT_BY_TITLE_QUERY, {
        owner,
        title,
        repoOwner: repository.owner,
        repoName: repository.name,
      });
      expectOnly(errors, (entry) => entry.type === "NOT_FOUND" && entry.path?.[0] === "repository");
      const candidates = (data?.repositoryOwner?.projectsV2?.nodes ?? []).filter(
        (project): project is RawProject =>
          project !== null && project.title.trim() === title.trim(),
      );
      // The search matches words; only the exact title counts, an open project before a closed one.
      candidates.sort((a, b) => Number(a.closed) - Number(b.closed) || a.number - b.number);
      return {
        ...readOwner(data?.repositoryOwner, candidates[0] ?? null),
        repositoryId: data?.repository?.id ?? null,
      };
    },

    async createProject(ownerId, title, repositoryId) {
      const { data, errors } = await request<{
        createProjectV2: { projectV2: RawProject | null } | null;
      }>(
        CREATE_PROJECT_MUTATION,
        { input: { ownerId, title, ...(repositoryId ? { repositoryId } : {}) } },
        NO_BLIND_RETRY,
      );
      const project = data?.createProjectV2?.projectV2;
      if (errors.length > 0 || !project) throw toGraphqlError(errors);
      return toProject(project);
    },

    async listItems(projectId) {
      const items: BoardItem[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: GraphqlAnswer<ItemsPage> = await request<ItemsPage>(ITEMS_QUERY, {
          projectId,
          after,
        });
        if (answer.errors.length > 0) throw toGraphqlError(answer.errors);
        const page: NonNullable<ItemsPage["node"]>["items"] = answer.data?.node?.items;
        if (!page) throw new GitHubError(`project ${projectId} not found`, 404, null, "not-found");
        for (const node of page.nodes ?? []) if (node) items.push(toItem(node));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return items;
        after = page.pageInfo.endCursor;
      }
    },

    async findIssues(repository, numbers) {
      const found = new Map<number, BoardIssue>();
      const unique = [...new Set(numbers)];
      // GitHub's node limit allows far more, but a page of 100 keeps each answer small.
      for (let start = 0; start < unique.length; start += 100) {
        const chunk = unique.slice(start, start + 100);
        const { data, errors } = await request<{
          repository: Record<string, RawIssue | null> | null;
        }>(buildIssuesQuery(chunk), { owner: repository.owner, name: repository.name });
        // A number that is a pull request or was deleted is NOT_FOUND: absent from the answer.
        expectOnly(errors, (entry) => entry.type === "NOT_FOUND");
        for (const number of chunk) {
          const issue = toIssue(data?.repository?.[`i${number}`] ?? null);
          if (issue) found.set(number, issue);
        }
      }
      return found;
    },

    async mutate(projectId, mutations) {
      if (mutations.length === 0) return [];
      const variables = Object.fromEntries(
        mutations.map((mutation, index) => [`m${index}`, toMutationInput(projectId, mutation)]),
      );
      const { data, errors } = await request<Record<string, unknown>>(
        buildMutationDocument(mutations.map((mutation) => mutation.kind)),
        variables,
        // A 502 may hide applied writes; the next run re-reads the board instead of repeating.
        NO_BLIND_RETRY,
      );
      // Errors without a path (a bad document, a rate limit) concern the whole request.
      const general = errors.filter((entry) => !entry.path?.length);
      if (general.length > 0) throw toGraphqlError(general);
      return mutations.map((mutation, index): BoardMutationResult => {
        const alias = `m${index}`;
        const error = errors.find((entry) => entry.path?.[0] === alias);
        if (error) return { ok: false, message: error.message ?? "", type: error.type ?? null };
        const payload = (data?.[alias] ?? null) as Record<string, unknown> | null;
        if (mutation.kind === "create-field" || mutation.kind === "set-options") {
          const field = toField((payload?.projectV2Field as RawField | undefined) ?? null);
          return field
            ? { ok: true, field }
            : { ok: false, message: "no field in the answer", type: null };
        }
        if (mutation.kind === "add-item") {
          const item = payload?.item as { id?: string; isArchived?: boolean } | null | undefined;
          return item?.id
            ? { ok: true, item: { id: item.id, archived: item.isArchived === true } }
            : { ok: false, message: "no item in the answer", type: null };
        }
        return { ok: true };
      });
    },
  };
}

function toMutationInput(projectId: string, mutation: BoardMutation): Record<string, unknown> {
  switch (mutation.kind) {
    case "create-field":
      return {
        projectId,
        name: mutation.name,
        dataType: mutation.dataType,
        ...(mutation.dataType === "SINGLE_SELECT" ? { singleSelectOptions: mutation.options } : {}),
      };
    case "set-options":
      return { fieldId: mutation.fieldId, singleSelectOptions: mutation.options };
    case "add-item":
      return { projectId, contentId: mutation.contentId };
    case "archive-item":
    case "unarchive-item":
      return { projectId, itemId: mutation.itemId };
    case "set-value":
      return {
        projectId,
        itemId: mutation.itemId,
        fieldId: mutation.fieldId,
        value: mutation.value,
      };
  }
}

/**
 * GraphQL errors as Nova's `GitHubError`: GitHub answers them with HTTP 200, so the status is
 * derived from GitHub's `type` (`FORBIDDEN` is what an installation without
 * `organization_projects` gets).
 */
export function toGraphqlError(errors: readonly GraphqlErrorEntry[]): GitHubError {
  const first = errors[0];
  const message =
    errors.map((entry) => entry.message ?? entry.type ?? "GraphQL error").join("; ") ||
    "GraphQL answer without data";
  switch (first?.type) {
    case "NOT_FOUND":
      return new GitHubError(message, 404, null, "not-found");
    case "FORBIDDEN":
    case "INSUFFICIENT_SCOPES":
      return new GitHubError(message, 403, null, "forbidden");
    case "RATE_LIMITED":
      return new GitHubError(message, 403, null, "rate-limit");
    case undefined:
      // Without a type it is either GitHub's "Something went wrong … timeout" or a document
      // GitHub refused (validation errors carry no type): only the first is worth repeating.
      return /something went wrong|time(?:d )?out/i.test(message)
        ? new GitHubError(message, 502, null, "unavailable")
        : new GitHubError(message, 422, null, "invalid");
    default:
      return new GitHubError(message, 422, null, "invalid");
  }
}

function toProject(raw: RawProject): BoardProject {
  return {
    id: raw.id,
    number: raw.number,
    title: raw.title,
    url: raw.url,
    closed: raw.closed,
    fields: (raw.fields.nodes ?? []).flatMap((node) => {
      const field = toField(node);
      return field ? [field] : [];
    }),
  };
}

function toField(raw: RawField | null): BoardField | null {
  if (!raw?.id || raw.name === undefined) return null;
  const dataType = raw.dataType ?? "";
  return {
    id: raw.id,
    name: raw.name,
    dataType: FIELD_TYPES.has(dataType) ? (dataType as BoardFieldType) : "other",
    options: (raw.options ?? []).map((option): BoardOption => ({
      id: option.id,
      name: option.name,
      color: OPTION_COLORS.has(option.color) ? (option.color as BoardOptionColor) : "GRAY",
      description: option.description,
    })),
  };
}

function toIssue(raw: RawIssue | null): BoardIssue | null {
  if (raw?.__typename !== undefined && raw.__typename !== "Issue") return null;
  if (!raw?.id || raw.number === undefined || !raw.repository) return null;
  return {
    nodeId: raw.id,
    repository: raw.repository.nameWithOwner,
    number: raw.number,
    openClosingPulls: raw.closedByPullRequestsReferences?.totalCount ?? 0,
  };
}

function toItem(raw: RawItem): BoardItem {
  const values = new Map<string, BoardValue>();
  for (const node of raw.fieldValues.nodes ?? []) {
    const fieldId = node?.field?.id;
    if (!node || !fieldId) continue;
    if (node.__typename === "ProjectV2ItemFieldSingleSelectValue" && node.optionId) {
      values.set(fieldId, { kind: "option", optionId: node.optionId, name: node.name ?? "" });
    } else if (
      node.__typename === "ProjectV2ItemFieldNumberValue" &&
      typeof node.number === "number"
    ) {
      values.set(fieldId, { kind: "number", number: node.number });
    } else if (node.__typename === "ProjectV2ItemFieldDateValue" && node.date) {
      values.set(fieldId, { kind: "date", date: node.date.slice(0, 10) });
    }
  }
  return { id: raw.id, archived: raw.isArchived, issue: toIssue(raw.content), values };
}
