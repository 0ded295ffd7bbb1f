/**
 * What the fake records about each request and why one counts as a test failure: shared by the
 * server (`fake-github.ts`), the GraphQL endpoint and the tests' query helpers, in a module of its
 * own so none of them imports another just for these types.
 */

/** Why a request counts as a test failure. */
export type ViolationKind =
  | "unknown-route"
  | "wrong-method"
  | "invalid-json"
  | "invalid-request"
  | "unauthenticated"
  | "wrong-credentials"
  | "fake-error";

/** A request GitHub's description would not accept, or a fault in the fake itself. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  operationId?: string;
  message: string;
}

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  /** The path, percent-decoded, without the query (`/repos/o/r/contents/docs/plan.md`). */
  path: string;
  /** The query string as sent (`"state=all&per_page=100"`, or `""`). */
  query: string;
  /** The matched operation, when the route is known. */
  operationId?: string;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  status: number;
  /** The login the request acted as (`nova-test[bot]`, a user), `app` for the JWT, or null. */
  actor: string | null;
  /** True when `failNext` produced the answer. */
  injected: boolean;
}
