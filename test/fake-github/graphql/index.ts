/**
 * The fake GitHub's GraphQL endpoint (`POST /graphql`): Projects (v2) state and helpers for
 * tests. See README.md in this folder.
 */
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from "graphql";
import type { RecordedRequest } from "../recorded-request.js";

export {
  projectStoreOf,
  ProjectStore,
  type FakeField,
  type FakeItem,
  type FakeOption,
  type FakeProject,
  type FakeValue,
  type OptionColor,
  type ReadableValue,
} from "./project-store.js";
export { githubIntrospectionSchema, githubSchema } from "./github-schema.js";

/** One GraphQL request as a test reads it. */
export interface GraphqlCall {
  kind: "query" | "mutation";
  /** The operation's name (`NovaBoardItems`), or null. */
  name: string | null;
  /** The root fields in order: for a mutation, one per aliased mutation (`addProjectV2ItemById`, …). */
  fields: string[];
  variables: Record<string, unknown>;
  request: RecordedRequest;
}

/** The GraphQL requests among recorded requests (unparsable ones are left out: they are violations). */
export function listGraphqlCalls(requests: readonly RecordedRequest[]): GraphqlCall[] {
  return requests.flatMap((request) => {
    if (request.path !== "/graphql" || request.method !== "POST") return [];
    const body = request.body as { query?: unknown; variables?: unknown } | undefined;
    if (typeof body?.query !== "string") return [];
    let operation: OperationDefinitionNode | undefined;
    try {
      operation = parse(body.query).definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      );
    } catch {
      return [];
    }
    if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return [];
    return [
      {
        kind: operation.operation === OperationTypeNode.MUTATION ? "mutation" : "query",
        name: operation.name?.value ?? null,
        fields: operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [selection.name.value] : [],
        ),
        variables: (body.variables ?? {}) as Record<string, unknown>,
        request,
      },
    ];
  });
}

/** The mutation requests among recorded requests. */
export function listMutationCalls(requests: readonly RecordedRequest[]): GraphqlCall[] {
  return listGraphqlCalls(requests).filter((call) => call.kind === "mutation");
}
