/**
 * Extracts the REST operations Nova uses from GitHub's OpenAPI description into a small fixture,
 * `test/fixtures/github/openapi-operations.json`, which the fake GitHub (`test/fake-github/`)
 * validates every request against.
 *
 * The description comes from `@octokit/openapi`, which is far too large (≈385 MB unpacked) to be a
 * dependency, so it is installed on the side:
 *
 *   mkdir -p .cache/openapi && npm install --prefix .cache/openapi --no-save @octokit/openapi@23.0.2
 *   npm run openapi:extract          # rewrite the fixture
 *   npm run openapi:check            # exit 1 if the fixture differs from a fresh extraction
 *
 * Options: `--from DIR` (the installed package directory; default `$NOVA_OPENAPI_DIR`, then
 * `node_modules/@octokit/openapi`, then `.cache/openapi/node_modules/@octokit/openapi`),
 * `--out FILE` (default the fixture above), `--check`.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The `@octokit/openapi` version the committed fixture was extracted from (and CI installs). */
export const PINNED_OPENAPI_VERSION = "23.0.2";

/** Which description inside the package: api.github.com, with every `$ref` already inlined. */
export const DESCRIPTION_FILE = "generated/api.github.com.deref.json";

/**
 * Every REST operation Nova (or Probot on its behalf) calls, by `operationId`. The fake GitHub
 * answers exactly these; a call to anything else is a test failure, so a new call starts here.
 */
export const NOVA_OPERATION_IDS = [
  "apps/create-installation-access-token",
  "apps/get-authenticated",
  "apps/get-repo-installation",
  "apps/list-installations",
  "apps/list-repos-accessible-to-installation",
  "checks/create",
  "checks/list-for-ref",
  "checks/update",
  "git/create-blob",
  "git/create-commit",
  "git/create-ref",
  "git/create-tree",
  "git/delete-ref",
  "git/get-blob",
  "git/get-commit",
  "git/get-ref",
  "git/get-tree",
  // GitHub's id for GET /repos/{owner}/{repo}/git/matching-refs/{ref} (Octokit: listMatchingRefs).
  "git/list-matching-refs",
  "git/update-ref",
  "issues/add-blocked-by-dependency",
  "issues/add-labels",
  "issues/add-sub-issue",
  "issues/check-user-can-be-assigned",
  "issues/create",
  "issues/create-comment",
  "issues/create-label",
  "issues/get",
  "issues/get-label",
  "issues/create-milestone",
  "issues/list-dependencies-blocked-by",
  "issues/list-milestones",
  "issues/list-sub-issues",
  "issues/remove-dependency-blocked-by",
  "issues/remove-sub-issue",
  "issues/reprioritize-sub-issue",
  "issues/update-milestone",
  "issues/list-comments",
  "issues/list-for-repo",
  "issues/list-labels-for-repo",
  "issues/remove-label",
  "issues/update",
  "issues/update-comment",
  "issues/update-label",
  "pulls/create",
  "pulls/get",
  "pulls/list-files",
  "pulls/list",
  "pulls/update",
  "reactions/create-for-issue-comment",
  "repos/compare-commits",
  "repos/get",
  "repos/get-collaborator-permission-level",
  "repos/get-commit",
  "repos/get-content",
] as const;

export type NovaOperationId = (typeof NOVA_OPERATION_IDS)[number];

/** A JSON Schema as GitHub's description writes it (OpenAPI 3.0.3 schema objects). */
export type OpenApiSchema = { [key: string]: unknown };

export interface OperationParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  /** GitHub's `x-multi-segment`: the value may contain `/` (a file path, a ref). */
  multiSegment: boolean;
  schema: OpenApiSchema;
}

export interface OperationRequestBody {
  required: boolean;
  contentType: string;
  schema: OpenApiSchema;
}

export interface OperationSpec {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  parameters: OperationParameter[];
  requestBody: OperationRequestBody | null;
}

/** The fixture file's shape. */
export interface OperationsFixture {
  source: string;
  version: string;
  description: string;
  openapi: string;
  operations: Record<string, OperationSpec>;
}

interface RawOperation {
  operationId?: string;
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: OpenApiSchema }> };
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: OpenApiSchema;
  "x-multi-segment"?: boolean;
}

interface RawDescription {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
}

const HTTP_METHODS = new Set(["get", "post", "patch", "put", "delete"]);

// Prose and examples change with every release of the description without changing what a
// request may contain; dropping them keeps the fixture small and its diffs meaningful.
const DOCUMENTATION_KEYS = new Set(["description", "example", "examples", "externalDocs"]);

/**
 * Returns a copy of an OpenAPI schema without documentation keys. It walks the schema's own
 * structure, so a property that happens to be *named* `description` stays.
 */
export function stripDocumentation(schema: OpenApiSchema): OpenApiSchema {
  const result: OpenApiSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DOCUMENTATION_KEYS.has(key) || key.startsWith("x-")) continue;
    if (key === "properties" && isObject(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, stripIfSchema(sub)]),
      );
    } else if ((key === "allOf" || key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
      result[key] = value.map(stripIfSchema);
    } else if (key === "items" || key === "not" || key === "additionalProperties") {
      result[key] = stripIfSchema(value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function stripIfSchema(value: unknown): unknown {
  return isObject(value) ? stripDocumentation(value) : value;
}

function isObject(value: unknown): value is OpenApiSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Picks Nova's operations out of a parsed (dereferenced) description. Throws when an id is
 * missing, so a renamed operation is noticed at extraction rather than in a test run.
 */
export function extractOperations(
  description: RawDescription,
  version: string,
  operationIds: readonly string[] = NOVA_OPERATION_IDS,
): OperationsFixture {
  const found = new Map<string, OperationSpec>();
  for (const [path, item] of Object.entries(description.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !operation.operationId) continue;
      if (!operationIds.includes(operation.operationId)) continue;
      found.set(operation.operationId, toOperationSpec(method, path, operation));
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new Error(`Not in the OpenAPI description ${version}: ${missing.join(", ")}`);
  }
  const operations: Record<string, OperationSpec> = {};
  for (const id of [...operationIds].sort()) {
    operations[id] = found.get(id)!;
  }
  return {
    source: "@octokit/openapi",
    version,
    description: DESCRIPTION_FILE,
    openapi: description.openapi,
    operations,
  };
}

function toOperationSpec(method: string, path: string, operation: RawOperation): OperationSpec {
  const parameters = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === "path" || parameter.in === "query")
    .map((parameter): OperationParameter => ({
      name: parameter.name,
      in: parameter.in as "path" | "query",
      required: parameter.required ?? false,
      multiSegment: parameter["x-multi-segment"] ?? false,
      schema: stripDocumentation(parameter.schema ?? {}),
    }));
  const content = operation.requestBody?.content ?? {};
  const contentType = Object.keys(content).find((type) => type.includes("json"));
  const requestBody: OperationRequestBody | null =
    contentType === undefined
      ? null
      : {
          required: operation.requestBody?.required ?? false,
          contentType,
          schema: stripDocumentation(content[contentType]?.schema ?? {}),
        };
  return {
    method: method.toUpperCase() as OperationSpec["method"],
    path,
    parameters,
    requestBody,
  };
}

/** Serialises the fixture the way it is committed (stable key order, two spaces, final newline). */
export function formatFixture(fixture: OperationsFixture): string {
  return `${JSON.stringify(fixture, null, 2)}\n`;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the committed fixture lives. */
export const FIXTURE_PATH = join(ROOT, "test/fixtures/github/openapi-operations.json");

/** The places an installed `@octokit/openapi` is looked for, in order. */
export function candidateOpenApiDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    ...(env.NOVA_OPENAPI_DIR ? [resolve(env.NOVA_OPENAPI_DIR)] : []),
    join(ROOT, "node_modules/@octokit/openapi"),
    join(ROOT, ".cache/openapi/node_modules/@octokit/openapi"),
  ];
}

/** The first candidate directory that holds the description, or null. */
export function findOpenApiDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return candidateOpenApiDirs(env).find((dir) => existsSync(join(dir, DESCRIPTION_FILE))) ?? null;
}

/** Reads the installed description and extracts the fixture from it. */
export function extractFromDir(dir: string): OperationsFixture {
  const packageJson = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    version: string;
  };
  const description = JSON.parse(
    readFileSync(join(dir, DESCRIPTION_FILE), "utf8"),
  ) as RawDescription;
  return extractOperations(description, packageJson.version);
}

interface CliOptions {
  from: string | null;
  out: string;
  check: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { from: null, out: FIXTURE_PATH, check: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--check") options.check = true;
    else if (arg === "--from" || arg === "--out") {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === "--from") options.from = resolve(value);
      else options.out = resolve(value);
      i += 1;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return options;
}

function main(argv: string[]): number {
  const options = parseArgs(argv);
  const dir = options.from ?? findOpenApiDir();
  if (dir === null || !existsSync(join(dir, DESCRIPTION_FILE))) {
    console.error(
      `No @octokit/openapi found (looked in ${options.from ?? candidateOpenApiDirs().join(", ")}).\n` +
        `Install it with: mkdir -p .cache/openapi && npm install --prefix .cache/openapi ` +
        `--no-save @octokit/openapi@${PINNED_OPENAPI_VERSION}`,
    );
    return 2;
  }
  const fixture = extractFromDir(dir);
  const text = formatFixture(fixture);
  if (options.check) {
    const committed = existsSync(options.out) ? readFileSync(options.out, "utf8") : "";
    if (committed === text) {
      console.log(`${options.out} matches @octokit/openapi ${fixture.version}.`);
      return 0;
    }
    console.error(
      `${options.out} differs from a fresh extraction from @octokit/openapi ${fixture.version} ` +
        `(${dir}). Run \`npm run openapi:extract\` and review the diff.`,
    );
    return 1;
  }
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);
  console.log(
    `Wrote ${Object.keys(fixture.operations).length} operations from @octokit/openapi ` +
      `${fixture.version} to ${options.out}.`,
  );
  if (fixture.version !== PINNED_OPENAPI_VERSION) {
    console.warn(
      `Note: PINNED_OPENAPI_VERSION is ${PINNED_OPENAPI_VERSION}; update it (and CI) to ${fixture.version}.`,
    );
  }
  return 0;
}

// Run only as a script, not when a test imports the functions above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
