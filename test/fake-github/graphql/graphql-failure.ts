/**
 * An error a resolver of the fake GraphQL API throws. GitHub answers these with HTTP 200 and an
 * entry in `errors` carrying its `type` (`NOT_FOUND`, `FORBIDDEN`, `UNPROCESSABLE`, …).
 * `violation` marks what GitHub would reject as a malformed request (a connection without `first`),
 * which the fake also records in `fake.violations`.
 */
export class GraphqlFailure extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly violation = false,
  ) {
    super(message);
    this.name = "GraphqlFailure";
  }
}

export function notFound(message: string): GraphqlFailure {
  return new GraphqlFailure("NOT_FOUND", message);
}

/** What an installation token gets for a resource its installation may not touch. */
export function forbidden(): GraphqlFailure {
  return new GraphqlFailure("FORBIDDEN", "Resource not accessible by integration");
}

export function unprocessable(message: string): GraphqlFailure {
  return new GraphqlFailure("UNPROCESSABLE", message);
}
