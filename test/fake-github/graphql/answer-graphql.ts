import {
  executeSync,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
} from "graphql";
import type { RecordedRequest, ViolationKind } from "../recorded-request.js";
import type { FakeState } from "../fake-state.js";
import type { GitHubError } from "../github-error.js";
import type { FakeResponse } from "../handlers/handler-context.js";
import type { Actor } from "../records.js";
import { githubSchema } from "./github-schema.js";
import { GraphqlFailure, notFound } from "./graphql-failure.js";
import { MUTATION_RESOLVERS } from "./project-mutations.js";
import {
  assertProjectAccess,
  fieldNode,
  issueNode,
  itemNode,
  ownerNode,
  projectNode,
  repositoryNode,
  visibleRepo,
  type GraphqlContext,
} from "./project-nodes.js";
import { projectStoreOf } from "./project-store.js";

/** What the server hands the GraphQL endpoint for one request. */
export interface GraphqlRequest {
  state: FakeState;
  method: string;
  raw: Buffer;
  record: RecordedRequest;
  violate: (kind: ViolationKind, message: string) => void;
  /** The server's own authentication of the `Authorization` header. */
  authenticate: () => {
    actor?: Actor;
    error?: GitHubError;
    violation?: { kind: ViolationKind; message: string };
  };
  /** An injected failure for this request (`fake.failNext`), if one matches. */
  takeFailure: () => FakeResponse | undefined;
}

/**
 * `POST /graphql`: parses the document, validates it against GitHub's published schema (a
 * document GitHub would reject is answered with GitHub's errors AND recorded in
 * `fake.violations`), then executes it against the fake's state: projects, fields, options,
 * items and their values (see `project-store.ts`), issues and pull requests of the repositories.
 */
export function answerGraphql(request: GraphqlRequest): FakeResponse {
  const { record, violate } = request;
  record.operationId = "graphql";
  if (request.method !== "POST") {
    violate(
      "wrong-method",
      `${request.method} /graphql: GitHub's GraphQL endpoint takes POST only`,
    );
    return { status: 404, body: { message: "Not Found" } };
  }
  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(request.raw.toString("utf8")) as typeof body;
  } catch {
    violate("invalid-json", "the body is not JSON");
    return { status: 400, body: { message: "Problems parsing JSON" } };
  }
  record.body = body;
  const auth = request.authenticate();
  record.actor =
    auth.actor === undefined ? null : auth.actor.kind === "app" ? "app" : auth.actor.user.login;
  if (auth.violation) violate(auth.violation.kind, auth.violation.message);
  if (!auth.actor || auth.error) {
    return { status: 401, body: { message: auth.error?.message ?? "Bad credentials" } };
  }
  if (typeof body.query !== "string") {
    violate("invalid-request", "GraphQL: the body has no `query`");
    return answer({
      errors: [{ message: "A query attribute must be specified and must be a string." }],
    });
  }
  const injected = request.takeFailure();
  if (injected) {
    record.injected = true;
    return injected;
  }

  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    violate("invalid-request", `GraphQL: ${message}`);
    return answer({ errors: [{ message }] });
  }
  const problems = validate(githubSchema(), document);
  if (problems.length > 0) {
    violate("invalid-request", `GraphQL: ${problems.map((problem) => problem.message).join("; ")}`);
    return answer({ errors: problems.map((problem) => problem.toJSON()) });
  }

  const context: GraphqlContext = {
    state: request.state,
    store: projectStoreOf(request.state),
    actor: auth.actor,
  };
  let result: ExecutionResult;
  try {
    result = executeSync({
      schema: githubSchema(),
      document,
      rootValue: { ...QUERY_RESOLVERS, ...MUTATION_RESOLVERS },
      contextValue: context,
      fieldResolver: resolveModelledField,
      variableValues: (body.variables ?? {}) as Record<string, unknown>,
      ...(typeof body.operationName === "string" ? { operationName: body.operationName } : {}),
    });
  } catch (error) {
    violate("fake-error", error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { status: 500, body: { message: "Fake GitHub error" } };
  }
  const errors = (result.errors ?? []).map((error) => formatError(error, violate));
  return answer({
    ...(result.data === undefined ? {} : { data: result.data }),
    ...(errors.length ? { errors } : {}),
  });
}

/**
 * graphql-js's default resolver, except that a field the fake does not model is an error (and so
 * a fake-error violation) instead of a silent null: a test must not pass because the fake
 * answered `null` where GitHub has data, nor hide an unexpected mutation.
 */
const resolveModelledField: GraphQLFieldResolver<unknown, GraphqlContext> = (
  source,
  args,
  context,
  info,
) => {
  if (typeof source === "object" && source !== null && info.fieldName in source) {
    const value: unknown = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function"
      ? (value as (...rest: unknown[]) => unknown)(args, context, info)
      : value;
  }
  throw new Error(`the fake does not model ${info.parentType.name}.${info.fieldName}`);
};

/** GitHub answers GraphQL with 200 whatever happened inside. */
function answer(body: Record<string, unknown>): FakeResponse {
  return { status: 200, body };
}

/**
 * An error as GitHub writes it: `type` beside `message`, `path` and `locations`. A failure the
 * fake did not mean (a resolver it lacks, a null in a non-null field) is a fake-error violation;
 * a variable GitHub would not accept, or a connection without bounds, is an invalid request.
 */
function formatError(
  error: GraphQLError,
  violate: (kind: ViolationKind, message: string) => void,
): Record<string, unknown> {
  const original = error.originalError;
  const base = {
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
  };
  if (original instanceof GraphqlFailure) {
    if (original.violation) violate("invalid-request", `GraphQL: ${original.message}`);
    return { type: original.type, ...base };
  }
  if (!error.path) {
    // Variable coercion: a value the schema's input type refuses.
    violate("invalid-request", `GraphQL: ${error.message}`);
    return base;
  }
  violate("fake-error", `GraphQL at ${error.path.join(".")}: ${original?.stack ?? error.message}`);
  return base;
}

type QueryResolver = (args: Record<string, unknown>, context: GraphqlContext) => unknown;

const QUERY_RESOLVERS: Record<string, QueryResolver> = {
  repositoryOwner: ({ login }, context) => ownerNode(context, String(login)),
  organization: ({ login }, context) => {
    const node = ownerNode(context, String(login));
    if (node?.__typename !== "Organization") {
      throw notFound(`Could not resolve to an Organization with the login of '${String(login)}'.`);
    }
    return node;
  },
  user: ({ login }, context) => {
    const node = ownerNode(context, String(login));
    if (node?.__typename !== "User") {
      throw notFound(`Could not resolve to a User with the login of '${String(login)}'.`);
    }
    return node;
  },
  repository: ({ owner, name }, context) =>
    repositoryNode(context, visibleRepo(context, String(owner), String(name))),
  node: ({ id }, context) => {
    const nodeId = String(id);
    const found = context.store.locate(nodeId);
    if (found) assertProjectAccess(context, found.project.owner);
    if (found?.kind === "project") return projectNode(context, found.project);
    if (found?.kind === "field") return fieldNode(found.field);
    if (found?.kind === "item") return itemNode(context, found.project, found.item);
    for (const repo of context.state.repos) {
      const issue = repo.tracker.issues.find((candidate) => `I_fake${candidate.id}` === nodeId);
      if (issue && issue.pull === null) return issueNode(context, repo, issue);
    }
    throw notFound(`Could not resolve to a node with the global id of '${nodeId}'`);
  },
};
