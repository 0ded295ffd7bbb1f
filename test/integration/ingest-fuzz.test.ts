/**
 * Fuzzing the upload endpoint through the real app and the fake GitHub: whatever a client sends
 * (any JSON, a valid report with any part replaced, any text in a valid report's strings, odd
 * headers), the answer is 2xx or 4xx, never a 5xx, and GitHub never sees an invalid request.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { overHttp, useNovaWorld } from "./use-nova-world.js";
import { buildReport, check, postReport } from "../ingest/uploads.js";

const CONFIG = "gpu:\n  rateLimit:\n    uploads: 1000\n";

const world = useNovaWorld({ once: true, nova: overHttp() });

beforeAll(async () => {
  await world.nova.deliver(
    "push",
    world.repo.pushCommit({
      files: { "docs/dgx-spark-plan.md": loadChecklist("bundled"), ".github/nova.yml": CONFIG },
    }),
  );
});

const notServerError = (status: number) => status >= 200 && status < 500;

/** Every path to a value inside a JSON value (objects and arrays), the root excluded. */
function listPaths(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...listPaths(item, [...prefix, index]),
    ]);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...listPaths(item, [...prefix, key]),
    ]);
  }
  return [];
}

function replaceAt(
  root: unknown,
  path: Array<string | number>,
  value: unknown,
  remove: boolean,
): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

describe("the upload endpoint under fuzzing", () => {
  it("answers any signed JSON value with 2xx or 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { status } = await postReport(world.nova.url, JSON.stringify(value) ?? "null", {
          idempotencyKey: "4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
        });
        expect(notServerError(status)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("answers a valid report with any one part replaced or removed with 2xx or 4xx", async () => {
    const template = buildReport({ checks: [check("nvml", "warn"), check("xid-errors", "fail")] });
    const paths = listPaths(template);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.boolean(),
        fc.uuid({ version: 4 }),
        async (at, value, remove, id) => {
          const base = { ...template, id };
          const mutated = replaceAt(base, paths[at]!, value, remove);
          const { status } = await postReport(world.nova.url, JSON.stringify(mutated), {
            idempotencyKey: id,
          });
          expect(notServerError(status)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    await world.nova.ingest.settled();
    expect(world.fake.violations).toEqual([]);
  });

  it("publishes a valid report whatever text its strings hold", async () => {
    const text = (max: number) => fc.string({ unit: "binary", minLength: 1, maxLength: max });
    await fc.assert(
      fc.asyncProperty(
        text(120),
        text(400),
        text(200),
        fc.uuid({ version: 4 }),
        async (hostname, message, stdout, id) => {
          const report = buildReport({
            id,
            host: { ...buildReport().host, hostname, os: message.slice(0, 200) },
            checks: [
              check("nvml", "fail", {
                message: { de: message, en: message },
                observed: {
                  value: message.slice(0, 400),
                  unit: null,
                  label: hostname.slice(0, 100),
                },
                evidence: [
                  {
                    command: hostname,
                    exitCode: 1,
                    durationMs: 1,
                    timedOut: false,
                    stdout,
                    truncated: false,
                  },
                ],
              }),
            ],
          });
          const { status } = await postReport(world.nova.url, JSON.stringify(report));
          expect(status).toBe(201);
        },
      ),
      { numRuns: 60 },
    );
    expect(world.fake.violations).toEqual([]);
  });

  it("answers any header values with 2xx or 4xx", async () => {
    const body = JSON.stringify(buildReport());
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.string({ maxLength: 200 }), { nil: null }),
        fc.option(fc.string({ maxLength: 200 }), { nil: null }),
        fc.option(fc.string({ maxLength: 80 }), { nil: null }),
        async (repository, signature, idempotencyKey) => {
          // Header values must be valid HTTP header text; other bytes never reach the server.
          const clean = (value: string | null) =>
            value === null ? null : value.replace(/[^\x20-\x7e]/g, "");
          const { status } = await postReport(world.nova.url, body, {
            repository: clean(repository),
            signature: clean(signature),
            idempotencyKey: clean(idempotencyKey),
          });
          expect(notServerError(status)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
