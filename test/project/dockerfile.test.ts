import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import {
  Copy,
  Env,
  Healthcheck,
  JSONInstruction,
  Run,
  User,
  type Instruction,
} from "dockerfile-ast";
import { checkDockerfile, parseDockerfile } from "../../src/containers/check-dockerfile.js";

/**
 * No container engine runs in CI, so the image's rules are checked on the Dockerfile itself,
 * parsed with dockerfile-ast (the parser behind VS Code's Docker support).
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const dockerfile = read("Dockerfile");
const { stages } = parseDockerfile(dockerfile);
const final = stages.at(-1)!;
const build = stages.find((stage) => stage.name === "build");

const runs = (instructions: readonly Instruction[]) =>
  instructions
    .filter((instruction) => instruction instanceof Run)
    .map((run) => run.getArgumentsContent() ?? "");

describe("Dockerfile", () => {
  it("is multi-stage: a build stage with the dev dependencies, then a runtime stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build).toBeDefined();
    const buildRuns = runs(build!.instructions);
    // Plain `npm ci` installs devDependencies (TypeScript); the build compiles src/ to lib/.
    expect(buildRuns.some((run) => /\bnpm ci\b/.test(run) && !/--omit[= ]dev/.test(run))).toBe(
      true,
    );
    expect(buildRuns.some((run) => /\bnpm run build\b/.test(run))).toBe(true);
    expect(final).not.toBe(build);
  });

  it("installs only production dependencies at runtime and takes lib/ from the build stage", () => {
    expect(runs(final.instructions).some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    const copies = final.instructions.filter((instruction) => instruction instanceof Copy);
    const fromBuild = copies.filter((copy) =>
      copy.getFlags().some((flag) => flag.getName() === "from" && flag.getValue() === "build"),
    );
    expect(fromBuild.map((copy) => copy.getArgumentsContent())).toEqual([
      "/app/lib ./lib",
      "/app/packages/protocol/lib ./packages/protocol/lib",
    ]);
    // Sources and tests never reach the runtime image.
    expect(copies.map((copy) => copy.getArgumentsContent())).not.toContainEqual(
      expect.stringMatching(/^(src|test)\b/),
    );
  });

  it("builds and ships no runner code: of packages/runner only its package.json", () => {
    const runnerCopies = stages
      .flatMap((stage) => stage.instructions)
      .filter((instruction) => instruction instanceof Copy)
      .map((copy) => copy.getArgumentsContent() ?? "")
      // A copy of packages/runner, or of a folder above it (`.`, `packages`), would bring it in.
      .filter((args) => args.includes("packages/runner") || /^(\.|\.\/|packages\/?)\s/.test(args));
    expect(runnerCopies).toEqual([
      "packages/runner/package.json ./packages/runner/",
      "packages/runner/package.json ./packages/runner/",
    ]);
  });

  it("runs as a non-root user with NODE_ENV=production", () => {
    const users = final.instructions.filter((instruction) => instruction instanceof User);
    const user = users.at(-1)?.getArgumentsContent()?.trim();
    expect(user).toBeDefined();
    expect(["root", "0", "0:0"]).not.toContain(user);
    const env = new Map(
      final.instructions
        .filter((instruction) => instruction instanceof Env)
        .flatMap((instruction) =>
          instruction.getProperties().map((p) => [p.getName(), p.getValue()] as const),
        ),
    );
    expect(env.get("NODE_ENV")).toBe("production");
    expect(env.get("HOST")).toBe("0.0.0.0");
  });

  it("checks health on /healthz and starts the server entry", () => {
    const healthchecks = final.instructions.filter(
      (instruction) => instruction instanceof Healthcheck,
    );
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]!.getArgumentsContent()).toContain("/healthz");
    const cmd = final.instructions.filter(
      (instruction): instruction is JSONInstruction =>
        instruction instanceof JSONInstruction && instruction.getKeyword() === "CMD",
    );
    expect(
      cmd
        .at(-1)
        ?.getJSONStrings()
        .map((part) => part.getJSONValue()),
    ).toEqual(["node", "lib/main.js"]);
    expect(existsSync(new URL("../../src/main.ts", import.meta.url))).toBe(true);
  });

  it("passes nova containers --checklist without errors", () => {
    const { findings } = checkDockerfile("Dockerfile", dockerfile);
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});

describe(".dockerignore", () => {
  it("keeps dependencies, build output, tests, caches and secrets out of the build context", () => {
    const entries = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    for (const entry of [
      "node_modules",
      "lib",
      "dist",
      ".git",
      "test",
      ".cache",
      ".env",
      ".env.*",
      "*.pem",
    ]) {
      expect(entries).toContain(entry);
    }
  });
});
