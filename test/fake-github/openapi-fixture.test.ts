import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  DESCRIPTION_FILE,
  extractFromDir,
  FIXTURE_PATH,
  findOpenApiDir,
  formatFixture,
  NOVA_OPERATION_IDS,
  PINNED_OPENAPI_VERSION,
} from "../../scripts/extract-openapi.js";
import { loadOperationsFixture } from "./openapi-fixture.js";

const INSTALL_HINT =
  `mkdir -p .cache/openapi && npm install --prefix .cache/openapi --no-save ` +
  `@octokit/openapi@${PINNED_OPENAPI_VERSION}`;

describe("the OpenAPI operations fixture", () => {
  it("holds every operation Nova uses, from the pinned @octokit/openapi", () => {
    const fixture = loadOperationsFixture();
    expect(fixture.version).toBe(PINNED_OPENAPI_VERSION);
    expect(Object.keys(fixture.operations)).toEqual([...NOVA_OPERATION_IDS].sort());
  });

  it("names an existing description when NOVA_OPENAPI_DIR is set", () => {
    const dir = process.env.NOVA_OPENAPI_DIR;
    // A set but wrong variable must fail loudly rather than quietly skip the drift check below.
    if (dir !== undefined && dir !== "") {
      expect(existsSync(join(dir, DESCRIPTION_FILE))).toBe(true);
    }
  });

  const dir = findOpenApiDir();
  if (dir === null) {
    it.skip(
      `equals a fresh extraction (SKIPPED: @octokit/openapi is not installed in .cache/openapi ` +
        `or $NOVA_OPENAPI_DIR; install it with: ${INSTALL_HINT})`,
      () => undefined,
    );
    return;
  }

  it(`equals a fresh extraction from ${relative(process.cwd(), dir) || "."}`, () => {
    const fresh = extractFromDir(dir);
    const committed = readFileSync(FIXTURE_PATH, "utf8");
    // Objects first for a readable diff, then the exact text (key order, formatting).
    expect(JSON.parse(committed)).toEqual(fresh);
    expect(committed).toBe(formatFixture(fresh));
  }, 60_000);
});
