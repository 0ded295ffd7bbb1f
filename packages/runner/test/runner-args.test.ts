import { describe, expect, it } from "@jest/globals";
import { RunnerUsageError, parseRunnerArgs, parseTarget } from "../src/cli/runner-args.js";
import { runCli } from "./run-cli.js";

describe("parseRunnerArgs", () => {
  it("check with every option", () => {
    expect(
      parseRunnerArgs(
        [
          "check",
          "--json",
          "--only",
          "nvml, gpu-kpis",
          "--expect-gpus",
          "8",
          "--min-driver",
          "570",
          "--min-cuda",
          "12.8",
          "--smoke-image",
          "nvcr.io/nvidia/cuda:13.0.0-base-ubuntu24.04",
          "--upload",
          "--lang",
          "en",
        ],
        { NOVA_REPOSITORY: "octo-org/dgx-plan", NOVA_TARGET: "task:nvidia-treiber" },
      ),
    ).toEqual({
      command: "check",
      language: "en",
      repository: "octo-org/dgx-plan",
      target: { task: "nvidia-treiber" },
      json: true,
      upload: true,
      check: {
        only: ["nvml", "gpu-kpis"],
        expectGpus: 8,
        minDriver: "570",
        minCuda: "12.8",
        smokeImage: "nvcr.io/nvidia/cuda:13.0.0-base-ubuntu24.04",
      },
    });
  });

  it("record DIR, upload FILE, flush, help, version", () => {
    expect(parseRunnerArgs(["record", "/tmp/rec", "--raw"])).toMatchObject({
      command: "record",
      dir: "/tmp/rec",
      raw: true,
    });
    expect(parseRunnerArgs(["upload", "-"])).toMatchObject({ command: "upload", file: "-" });
    expect(parseRunnerArgs(["flush"])).toMatchObject({ command: "flush", language: "de" });
    expect(parseRunnerArgs([])).toMatchObject({ command: "help" });
    expect(parseRunnerArgs(["--version"])).toMatchObject({ command: "version" });
  });

  it.each([
    [["check", "--only", "nvml,gpus"], /--only "nvml,gpus": known checks are kernel-module, nvml/],
    [["check", "--expect-gpus", "0"], /--expect-gpus "0"/],
    [["check", "--min-driver", "latest"], /--min-driver "latest"/],
    [["check", "--smoke-image", "--rm"], /--smoke-image/],
    [["check", "--repository", "not a repo"], /--repository/],
    [["check", "--target", "issue:abc"], /--target "issue:abc"/],
    [["check", "--bogus"], /bogus/],
    [["record"], /record needs a directory/],
    [["launch"], /unknown command "launch"/],
  ])("refuses %j", (argv, problem) => {
    expect(() => parseRunnerArgs(argv)).toThrow(RunnerUsageError);
    expect(() => parseRunnerArgs(argv)).toThrow(problem);
  });

  it("targets", () => {
    expect(parseTarget("issue:12")).toEqual({ issue: 12 });
    expect(parseTarget("pr:7")).toEqual({ pullRequest: 7 });
    expect(parseTarget(`sha:${"A".repeat(40)}`)).toEqual({ sha: "a".repeat(40) });
  });
});

describe("the CLI's own failures", () => {
  it("a usage error exits 3 and says so in the chosen language", async () => {
    expect(await runCli(["check", "--expect-gpus", "x"])).toMatchObject({ code: 3, stdout: "" });
    const german = await runCli(["check", "--expect-gpus", "x"]);
    expect(german.stderr).toMatch(/^Aufruf fehlerhaft:/);
    const english = await runCli(["check", "--expect-gpus", "x", "--lang", "en"]);
    expect(english.stderr).toMatch(/^Usage error:/);
  });

  it("a crash exits 3 instead of throwing", async () => {
    const run = await runCli(["check"]); // run-cli.ts's fake refuses live probes
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("must not probe the live machine");
  });

  it("help and version", async () => {
    expect((await runCli(["--help", "--lang", "en"])).stdout).toContain(
      "Exit codes: 0 all passed, 1 warnings, 2 a check failed, 3 the runner itself failed.",
    );
    expect((await runCli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
