import type { OperationSpec } from "./openapi-fixture.js";

/** A request matched to one operation of the fixture. */
export interface RouteMatch {
  operationId: string;
  operation: OperationSpec;
  /** Path parameters, percent-decoded (`docs%2Fplan.md` → `docs/plan.md`). */
  pathParams: Record<string, string>;
}

/** Why no operation matched: no path template fits, or one fits but not with this method. */
export type RouteMiss = { kind: "unknown-path" } | { kind: "wrong-method"; allowed: string[] };

interface CompiledRoute {
  operationId: string;
  operation: OperationSpec;
  /** Segments a parameter may span (`x-multi-segment`) are only tried in the second pass. */
  strict: RegExp;
  loose: RegExp;
  literalLength: number;
}

/**
 * Matches request paths against the fixture's path templates, as GitHub's router does.
 *
 * Octokit percent-encodes `/` inside parameters (`contents/docs%2Fplan.md`), so a parameter
 * normally spans one segment. GitHub also accepts raw slashes where the description marks a
 * parameter `x-multi-segment` (file paths, refs), so a second pass lets those span segments;
 * when several templates fit, the one with the most literal text wins
 * (`commits/{ref}/check-runs` over `commits/{ref}`).
 */
export function createRouteMatcher(operations: Record<string, OperationSpec>) {
  const routes: CompiledRoute[] = Object.entries(operations).map(([operationId, operation]) => {
    const multiSegment = new Set(
      operation.parameters.filter((p) => p.in === "path" && p.multiSegment).map((p) => p.name),
    );
    return {
      operationId,
      operation,
      strict: compileTemplate(operation.path, () => false),
      loose: compileTemplate(operation.path, (name) => multiSegment.has(name)),
      literalLength: operation.path.replace(/\{[^}]+\}/g, "").length,
    };
  });
  routes.sort((a, b) => b.literalLength - a.literalLength);

  return function matchRoute(method: string, rawPath: string): RouteMatch | RouteMiss {
    const allowed = new Set<string>();
    for (const pass of ["strict", "loose"] as const) {
      for (const route of routes) {
        const match = route[pass].exec(rawPath);
        if (match === null) continue;
        if (route.operation.method !== method) {
          allowed.add(route.operation.method);
          continue;
        }
        const pathParams = Object.fromEntries(
          Object.entries(match.groups ?? {}).map(([name, value]) => [name, safeDecode(value)]),
        );
        return { operationId: route.operationId, operation: route.operation, pathParams };
      }
    }
    return allowed.size > 0
      ? { kind: "wrong-method", allowed: [...allowed].sort() }
      : { kind: "unknown-path" };
  };
}

function compileTemplate(template: string, spansSegments: (name: string) => boolean): RegExp {
  let pattern = "";
  let last = 0;
  for (const match of template.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] ?? "";
    pattern += escapeRegExp(template.slice(last, match.index));
    pattern += `(?<${name}>${spansSegments(name) ? ".+?" : "[^/]+?"})`;
    last = match.index + match[0].length;
  }
  pattern += escapeRegExp(template.slice(last));
  return new RegExp(`^${pattern}/?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
