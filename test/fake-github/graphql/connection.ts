import { GraphqlFailure } from "./graphql-failure.js";

/** A page of a connection as the schema's `…Connection` types have it. */
export interface Connection<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const cursorOf = (index: number) => Buffer.from(`cursor:${index}`).toString("base64");

function indexOf(cursor: string, name: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match)
    throw new GraphqlFailure(
      "INVALID_CURSOR_ARGUMENTS",
      `\`${cursor}\` does not appear to be a valid cursor for ${name}.`,
      true,
    );
  return Number(match[1]);
}

/**
 * One page of a list, with GitHub's rules for connections
 * (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#node-limit):
 * `first` or `last` is required and must be 1–100, else GitHub refuses the whole request.
 */
export function paginateConnection<T>(
  all: readonly T[],
  args: ConnectionArgs,
  name: string,
): Connection<T> {
  const size = args.first ?? args.last;
  if (size === undefined || size === null) {
    throw new GraphqlFailure(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      true,
    );
  }
  if (size < 1 || size > 100) {
    throw new GraphqlFailure(
      "EXCESSIVE_PAGINATION",
      `Requesting ${size} records on the \`${name}\` connection exceeds the \`first\` limit of 100 records.`,
      true,
    );
  }
  let start = args.after ? indexOf(args.after, name) + 1 : 0;
  let end = args.before ? indexOf(args.before, name) : all.length;
  if (args.first !== undefined && args.first !== null) end = Math.min(end, start + args.first);
  else start = Math.max(start, end - size);
  const nodes = all.slice(start, end);
  return {
    nodes,
    edges: nodes.map((node, offset) => ({ cursor: cursorOf(start + offset), node })),
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursorOf(start) : null,
      endCursor: nodes.length ? cursorOf(end - 1) : null,
    },
    totalCount: all.length,
  };
}
