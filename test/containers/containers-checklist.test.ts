import { describe, expect, it } from "@jest/globals";
import { fileURLToPath } from "node:url";
import { readChecklistFile } from "../../src/cli/read-checklist.js";
import { runCli, type CliIo } from "../../src/cli/run-cli.js";
import { checkCompose } from "../../src/containers/check-compose.js";
import { checkContainerFiles } from "../../src/containers/check-container-files.js";
import { checkDockerfile } from "../../src/containers/check-dockerfile.js";
import type { Finding } from "../../src/containers/container-findings.js";
import {
  classifyContainerFile,
  findContainerFiles,
} from "../../src/containers/find-container-files.js";
import { judgeImagePin, parseImageReference } from "../../src/containers/image-reference.js";
import { isLiteralSecret } from "../../src/containers/secret-values.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = "test/fixtures/containers";

/** Findings as `severity check file:line where`, the form a reviewer reads. */
const brief = (findings: readonly Finding[]) =>
  findings.map(
    (finding) =>
      `${finding.severity} ${finding.check} ${finding.file.replace(`${FIXTURES}/`, "")}:${finding.line ?? "-"} ${finding.where ?? "-"}`,
  );

async function nova(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: ROOT,
    now: () => new Date("2026-11-24T09:00:00Z"),
    readFile: readChecklistFile,
    connectGitHub: () => Promise.reject(new Error("offline")),
    writeFile: () => Promise.reject(new Error("read-only")),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe("the fixtures", () => {
  it("passes the good Compose file and Dockerfile, leaving only the arm64 reminders", async () => {
    const report = checkContainerFiles(await findContainerFiles([`${FIXTURES}/good`], ROOT));
    expect(report.files).toEqual([
      { file: `${FIXTURES}/good/compose.yaml`, kind: "compose", units: 2 },
      { file: `${FIXTURES}/good/Dockerfile`, kind: "dockerfile", units: 2 },
    ]);
    expect(brief(report.findings)).toEqual([
      "info arm64-image good/compose.yaml:4 inference",
      "info arm64-image good/compose.yaml:26 metrics",
      "info arm64-image good/Dockerfile:4 build",
      "info arm64-image good/Dockerfile:9 #2",
    ]);
    expect(report.passed).toBe(true);
  });

  it("finds every broken rule in the bad ones, at its line", async () => {
    const report = checkContainerFiles(await findContainerFiles([`${FIXTURES}/bad`], ROOT));
    expect(brief(report.findings)).toEqual([
      "error gpu-reservation bad/compose.yaml:2 trainer",
      "error image-latest bad/compose.yaml:3 trainer",
      "error platform-amd64 bad/compose.yaml:4 trainer",
      "error privileged bad/compose.yaml:5 trainer",
      "error user-root bad/compose.yaml:6 trainer",
      "error literal-secret bad/compose.yaml:7 trainer",
      "error image-unpinned bad/compose.yaml:11 legacy",
      "error literal-secret bad/compose.yaml:19 half",
      "error gpu-reservation bad/compose.yaml:21 half",
      "warning healthcheck-missing bad/compose.yaml:2 trainer",
      "warning memory-limit bad/compose.yaml:2 trainer",
      "warning restart-missing bad/compose.yaml:2 trainer",
      "warning memory-limit bad/compose.yaml:10 legacy",
      "warning user-unset bad/compose.yaml:10 legacy",
      "warning gpu-legacy-runtime bad/compose.yaml:12 legacy",
      "warning capabilities bad/compose.yaml:13 legacy",
      "warning restart-missing bad/compose.yaml:14 legacy",
      "warning healthcheck-disabled bad/compose.yaml:15 legacy",
      "warning healthcheck-missing bad/compose.yaml:17 half",
      "warning memory-limit bad/compose.yaml:17 half",
      "warning restart-missing bad/compose.yaml:17 half",
      "warning user-unset bad/compose.yaml:17 half",
      "warning image-no-digest bad/compose.yaml:18 half",
      "info arm64-image bad/compose.yaml:3 trainer",
      "info arm64-image bad/compose.yaml:11 legacy",
      "info arm64-image bad/compose.yaml:18 half",
      "error unreadable bad/docker-compose.broken.yml:5 -",
      "error image-unpinned bad/Dockerfile:1 #1",
      "error platform-amd64 bad/Dockerfile:1 #1",
      "error user-unset bad/Dockerfile:1 #1",
      "error literal-secret bad/Dockerfile:2 -",
      "warning healthcheck-missing bad/Dockerfile:1 #1",
      "info arm64-image bad/Dockerfile:1 #1",
    ]);
    expect(report.counts).toEqual({ error: 14, warning: 15, info: 4 });
    expect(report.passed).toBe(false);
    // A secret's name is reported, never its value.
    expect(JSON.stringify(report)).not.toContain("placeholder");
  });

  it("passes Nova's own Dockerfile (no errors)", async () => {
    const report = checkContainerFiles(await findContainerFiles(["Dockerfile"], ROOT));
    expect(report.counts.error).toBe(0);
    expect(report.findings.map((finding) => finding.check)).not.toContain("user-unset");
    expect(report.findings.map((finding) => finding.check)).not.toContain("healthcheck-missing");
  });
});

describe("nova containers", () => {
  it("exits 1 on errors and prints the Markdown report in German by default", async () => {
    const { code, stdout, stderr } = await nova("containers", "--checklist", `${FIXTURES}/bad`);
    expect([code, stderr]).toEqual([1, ""]);
    expect(stdout).toContain("## Container-Checkliste (DGX Spark)");
    expect(stdout).toContain(
      "❌ Nicht bestanden: Fehler beheben (Exit-Code 1). 14 Fehler · 15 Warnungen · 4 Hinweise — 3 Dateien geprüft.",
    );
    expect(stdout).toContain(
      "| ❌ | `test/fixtures/containers/bad/compose.yaml` | 7 | `trainer` | `HF_TOKEN` steht als Klartext in der Datei: als Secret oder aus der Umgebung (`${…}`) übergeben. |",
    );
  });

  it("exits 0 without errors, in English and as JSON", async () => {
    const { code, stdout } = await nova(
      "containers",
      "--checklist",
      "--lang",
      "en",
      "--format",
      "json",
      `${FIXTURES}/good/compose.yaml`,
      `${FIXTURES}/good/Dockerfile`,
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      passed: boolean;
      counts: object;
      findings: Array<{ message: string }>;
    };
    expect(json.passed).toBe(true);
    expect(json.counts).toEqual({ error: 0, warning: 0, info: 4 });
    expect(json.findings[0]?.message).toMatch(
      /^Make sure `nvcr\.io\/nvidia\/tritonserver:25\.01-py3@sha256:[0-9a-f]{64}` exists for `linux\/arm64`/,
    );
  });

  it("reports an empty search as passed, and a missing path as bad input", async () => {
    const empty = await nova("containers", "--checklist", "--lang", "en", "templates");
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("No Compose files or Dockerfiles found.");
    const missing = await nova("containers", "--checklist", "no/such/compose.yaml");
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: "nova: no/such/compose.yaml: nicht gefunden\n",
    });
  });

  it("has help in both languages and rejects unknown options", async () => {
    expect((await nova("containers", "--help")).stdout).toContain(
      "nova containers --checklist [PFADE] –",
    );
    expect((await nova("help", "containers", "--lang", "en")).stdout).toContain(
      "Exit codes: 0 no errors",
    );
    expect((await nova("--help", "--lang", "en")).stdout).toContain(
      "nova containers  checks Compose files",
    );
    const wrong = await nova("containers", "--fix");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      "nova: unbekannte Option --fix für „nova containers“ (siehe nova containers --help).\n",
    );
  });
});

describe("the rules", () => {
  it.each([
    ["nginx", { repository: "nginx" }],
    [
      "registry.local:5000/team/app:1.2",
      { repository: "registry.local:5000/team/app", tag: "1.2" },
    ],
    ["registry.local:5000/team/app", { repository: "registry.local:5000/team/app" }],
    [`app@sha256:${"a".repeat(64)}`, { repository: "app", digest: `sha256:${"a".repeat(64)}` }],
  ])("parses %s", (raw, expected) => {
    expect(parseImageReference(raw)).toEqual({ raw, ...expected });
  });

  it("judges pins: digest fine, tag a warning, latest or none an error, variables unknowable", () => {
    expect(judgeImagePin(`app:1@sha256:${"b".repeat(64)}`)).toBeNull();
    expect(judgeImagePin("registry.local:5000/app")).toEqual({
      check: "image-unpinned",
      severity: "error",
    });
    expect(judgeImagePin("app:latest")).toEqual({ check: "image-latest", severity: "error" });
    expect(judgeImagePin("app:2.1")).toEqual({ check: "image-no-digest", severity: "warning" });
    expect(judgeImagePin("app:${TAG}")).toEqual({ check: "image-variable", severity: "warning" });
  });

  it("tells literal secrets from references, files and ordinary settings", () => {
    expect(isLiteralSecret("HF_TOKEN", "abc")).toBe(true);
    expect(isLiteralSecret("NGC_API_KEY", "abc")).toBe(true);
    expect(isLiteralSecret("HF_TOKEN", "${HF_TOKEN}")).toBe(false);
    expect(isLiteralSecret("HF_TOKEN", "$HF_TOKEN")).toBe(false);
    expect(isLiteralSecret("HF_TOKEN", "${HF_TOKEN:?set it}")).toBe(false);
    expect(isLiteralSecret("HF_TOKEN_FILE", "/run/secrets/hf")).toBe(false);
    expect(isLiteralSecret("HF_TOKEN", null)).toBe(false);
    expect(isLiteralSecret("TOKENIZERS_PARALLELISM", "false")).toBe(false);
    expect(isLiteralSecret("MAX_TOKENS", "4096")).toBe(false);
    // A token-shaped value is a secret under any name (built here, so no token sits in the repo).
    expect(isLiteralSecret("EXTRA_ARGS", `hf_${"Ab1".repeat(10)}`)).toBe(true);
    expect(isLiteralSecret("EXTRA_ARGS", `ghp_${"Zz9".repeat(12)}`)).toBe(true);
  });

  it("finds Compose files and Dockerfiles by name", () => {
    for (const name of [
      "compose.yaml",
      "compose.yml",
      "docker-compose.yml",
      "compose.gpu.yaml",
      "docker-compose.override.yaml",
    ])
      expect(classifyContainerFile(name)).toBe("compose");
    for (const name of ["Dockerfile", "Dockerfile.gpu", "gpu.Dockerfile", "Containerfile"])
      expect(classifyContainerFile(name)).toBe("dockerfile");
    for (const name of ["compose.md", "values.yaml", "Dockerfile.md.txt~"])
      expect(classifyContainerFile(name)).toBeNull();
  });

  it("accepts the gpus shorthand and needs capabilities on a reservation", () => {
    const shorthand = checkCompose(
      "c.yaml",
      "services:\n  a:\n    image: ollama/ollama:0.6.5\n    gpus: all\n",
    );
    expect(shorthand.findings.map((finding) => finding.check)).not.toContain("gpu-reservation");
    const driverless = checkCompose(
      "c.yaml",
      "services:\n  a:\n    image: x/y:1\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n",
    );
    expect(
      driverless.findings.find((finding) => finding.check === "gpu-reservation")?.facts,
    ).toEqual({ problem: "driver" });
  });

  it("follows ARG defaults into FROM and treats earlier stages as local", () => {
    const { findings } = checkDockerfile(
      "Dockerfile",
      "ARG TAG=latest\nFROM python:${TAG} AS base\nFROM base\nUSER 0\nHEALTHCHECK NONE\n",
    );
    expect(brief(findings)).toEqual([
      "error image-latest Dockerfile:2 base",
      "info arm64-image Dockerfile:2 base",
      "error user-root Dockerfile:4 #2",
      "warning healthcheck-disabled Dockerfile:5 #2",
    ]);
  });
});
