import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import semver from "semver";

/**
 * A clean `npm ci` must be quiet (issue 16): npm warns `EBADENGINE` for every locked package
 * whose `engines.node` the versions Nova supports do not all satisfy. The lockfile records each
 * package's `engines`, so this reads what npm reads, without installing anything.
 */
interface Lockfile {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
}

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")) as T;

const supported = readJson<{ engines: { node: string } }>("package.json").engines.node;
const lockfile = readJson<Lockfile>("package-lock.json");

describe("the locked dependencies", () => {
  it("run on every Node version package.json's engines allow", () => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([path]) => path !== "")
      .flatMap(([path, entry]) => {
        const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return wanted !== undefined && !semver.subset(supported, wanted)
          ? [`${path.replace(/^.*node_modules\//, "")} wants node ${wanted}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });

  it("include Node 20, which CI tests and the machines run", () => {
    expect(semver.satisfies("20.19.0", supported)).toBe(true);
  });

  it("approve or deny every install script, so npm 11 does not warn and npm 12 does not block", () => {
    const allowScripts =
      readJson<{ allowScripts?: Record<string, boolean> }>("package.json").allowScripts ?? {};
    const withScripts = Object.entries(lockfile.packages)
      .filter(([, entry]) => "hasInstallScript" in entry)
      .map(([path]) => path.replace(/^.*node_modules\//, ""));
    expect(withScripts.filter((name) => !(name in allowScripts))).toEqual([]);
  });
});
