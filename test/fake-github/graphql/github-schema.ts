import { schema as published } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  buildSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

let fromIdl: GraphQLSchema | undefined;
let fromIntrospection: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema`), built once per process; the
 * fake validates and executes every request against it.
 *
 * It is built from the package's SDL (`schema.graphql`), which is newer than its introspection
 * JSON in the same release (15.26.1: only the SDL knows `updateProjectV2Field`, and the
 * `PARENT_ISSUE` and `SUB_ISSUES_PROGRESS` field types every new project has). GitHub's SDL defines two
 * `EnterpriseOwnerInfo` fields twice, so it is built without SDL validation (the last
 * definition wins), as GitHub's own tooling accepts it.
 */
export function githubSchema(): GraphQLSchema {
  fromIdl ??= buildSchema(published.idl, { assumeValidSDL: true });
  return fromIdl;
}

/** The same schema from the introspection JSON, which `@octokit/graphql-schema`'s own `validate` uses. */
export function githubIntrospectionSchema(): GraphQLSchema {
  fromIntrospection ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
  return fromIntrospection;
}
