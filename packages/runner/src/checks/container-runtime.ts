import { parseContainerCliInfo, parseCtkVersion } from "../parse/parse-container-toolkit.js";
import { parseDockerInfo } from "../parse/parse-docker-info.js";
import { parseSmokeOutput } from "../parse/parse-smoke-output.js";
import { PROBES, dockerSmokeProbe } from "../probes/probe-catalog.js";
import { succeeded, type ProbeResult } from "../probes/probe-types.js";
import { labelled, say, type CheckContext, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { say as sayText, type Language } from "../text/say.js";
import { summarizeFindings, type Finding } from "./summarize-findings.js";

/**
 * 9. NVIDIA Container Toolkit and Docker: `nvidia-ctk` is installed, `nvidia-container-cli info`
 * reaches the driver, Docker answers and knows the `nvidia` runtime (or CDI); with
 * `--smoke-image`, a container sees the GPUs (`docker run --gpus all IMAGE nvidia-smi -L`).
 */
export const containerRuntimeCheck: CheckDefinition = {
  id: "container-runtime",
  dependsOn: [],
  async run(context) {
    const { probes } = context;
    const asked: ProbeResult[] = [];
    const run = async (spec: Parameters<typeof probes.run>[0]): Promise<ProbeResult> => {
      const result = await probes.run(spec);
      asked.push(result);
      return result;
    };
    const findings: Finding[] = [];
    const ctk = await run(PROBES.nvidiaCtkVersion);
    const toolkit = succeeded(ctk) ? parseCtkVersion(ctk.stdout) : null;
    if (toolkit === null) findings.push(ctkFinding(ctk));
    const cli = await run(PROBES.containerCliInfo);
    if (!cli.missing && !succeeded(cli))
      findings.push({
        status: "fail",
        action: "FIX_CONFIG",
        runbook: "docs/runbooks/container-toolkit.md#nvidia-container-cli-cannot-reach-the-driver",
        de: "nvidia-container-cli info erreicht den Treiber nicht",
        en: "nvidia-container-cli info cannot reach the driver",
      });
    const cliDriver = succeeded(cli) ? parseContainerCliInfo(cli.stdout).driver : null;
    findings.push(...dockerFindings(await run(PROBES.dockerInfo)));
    const smoke = await smokeFinding(context, run);
    if (smoke !== null) findings.push(smoke);

    const evidence = asked.map((result) => toEvidence(result));
    const observed = labelled(
      toolkit,
      null,
      say("NVIDIA Container Toolkit", "NVIDIA Container Toolkit"),
    );
    const expected =
      context.options.smokeImage === null
        ? say(
            "nvidia-ctk installiert, Docker mit der nvidia-Runtime oder CDI",
            "nvidia-ctk installed, Docker with the nvidia runtime or CDI",
          )
        : say(
            "nvidia-ctk installiert, Docker mit der nvidia-Runtime oder CDI, GPU-Container-Test bestanden",
            "nvidia-ctk installed, Docker with the nvidia runtime or CDI, GPU container smoke test passes",
          );
    const facts = { toolkit };
    if (findings.length === 0) {
      const seen = cliDriver === null ? "" : `, sieht Treiber ${cliDriver}`;
      const seenEn = cliDriver === null ? "" : `, sees driver ${cliDriver}`;
      return {
        status: "pass",
        observed,
        expected,
        message: say(
          `NVIDIA Container Toolkit ${toolkit ?? "?"}${seen}; Docker bereit${smokeNote(context, "de")}.`,
          `NVIDIA Container Toolkit ${toolkit ?? "?"}${seenEn}; Docker ready${smokeNote(context, "en")}.`,
        ),
        remediation: null,
        evidence,
        facts,
      };
    }
    return { ...summarizeFindings(findings), observed, expected, evidence, facts };
  },
};

/**
 * Why `nvidia-ctk --version` gave no version. A command that hangs is installed: reinstalling
 * would not help; something below it (the driver, a stuck mount) blocks, which a reboot clears.
 */
function ctkFinding(ctk: ProbeResult): Finding {
  if (ctk.timedOut) {
    const seconds = Math.round(ctk.durationMs / 1000);
    return {
      status: "fail",
      action: "REBOOT_SYSTEM",
      runbook: "docs/runbooks/container-toolkit.md#nvidia-ctk-does-not-answer",
      de: `nvidia-ctk --version hat nach ${seconds} s nicht geantwortet und wurde beendet (Zeitüberschreitung)`,
      en: `nvidia-ctk --version did not answer within ${seconds} s and was killed (timed out)`,
    };
  }
  if (ctk.missing)
    return {
      status: "fail",
      action: "INSTALL_CONTAINER_TOOLKIT",
      runbook: "docs/runbooks/container-toolkit.md#install-the-toolkit",
      de: "nvidia-ctk ist nicht installiert",
      en: "nvidia-ctk is not installed",
    };
  const code = ctk.exitCode === null ? "" : ` (Exit-Code ${ctk.exitCode})`;
  const codeEn = ctk.exitCode === null ? "" : ` (exit code ${ctk.exitCode})`;
  return {
    status: "fail",
    action: "INSTALL_CONTAINER_TOOLKIT",
    runbook: "docs/runbooks/container-toolkit.md#install-the-toolkit",
    de: `nvidia-ctk --version ist fehlgeschlagen${code}`,
    en: `nvidia-ctk --version failed${codeEn}`,
  };
}

function dockerFindings(docker: ProbeResult): Finding[] {
  if (docker.missing)
    return [
      {
        status: "fail",
        action: "INSTALL_CONTAINER_TOOLKIT",
        runbook: "docs/runbooks/container-toolkit.md#docker",
        de: "Docker ist nicht installiert",
        en: "Docker is not installed",
      },
    ];
  const info = parseDockerInfo(docker.stdout);
  if (info === null || info.serverVersion === null) {
    const denied = /permission denied/i.test(`${docker.stdout}\n${docker.stderr}`);
    return [
      {
        status: denied ? "warn" : "fail",
        action: "FIX_CONFIG",
        runbook: "docs/runbooks/container-toolkit.md#docker",
        de: denied
          ? "Der Runner darf den Docker-Daemon nicht fragen (Gruppe docker)"
          : "Der Docker-Daemon antwortet nicht",
        en: denied
          ? "The runner may not talk to the Docker daemon (docker group)"
          : "The Docker daemon does not answer",
      },
    ];
  }
  if (!info.runtimes.includes("nvidia") && info.cdiSpecDirs.length === 0)
    return [
      {
        status: "warn",
        action: "FIX_CONFIG",
        runbook: "docs/runbooks/container-toolkit.md#register-the-nvidia-runtime",
        de: `Docker ${info.serverVersion} kennt die Runtime „nvidia“ nicht (Runtimes: ${info.runtimes.join(", ")})`,
        en: `Docker ${info.serverVersion} does not know the "nvidia" runtime (runtimes: ${info.runtimes.join(", ")})`,
      },
    ];
  return [];
}

async function smokeFinding(
  { options, statuses }: CheckContext,
  run: (spec: ReturnType<typeof dockerSmokeProbe>) => Promise<ProbeResult>,
): Promise<Finding | null> {
  if (options.smokeImage === null) return null;
  // Without working NVML no container can see a GPU; the NVML check already says why.
  const nvml = statuses.get("nvml");
  if (nvml !== "pass" && nvml !== "warn") return null;
  const result = await run(dockerSmokeProbe(options.smokeImage));
  const output = parseSmokeOutput(result.stdout);
  if (succeeded(result) && output.gpus > 0 && output.deviceQueryResult !== "FAIL") return null;
  return {
    status: "fail",
    action: "FIX_CONFIG",
    runbook: "docs/runbooks/container-toolkit.md#the-smoke-test-fails",
    de: `Der GPU-Container-Test mit ${options.smokeImage} schlug fehl${result.timedOut ? " (Zeitüberschreitung)" : ""}`,
    en: `The GPU container smoke test with ${options.smokeImage} failed${result.timedOut ? " (timed out)" : ""}`,
  };
}

function smokeNote({ options, statuses }: CheckContext, language: Language): string {
  if (options.smokeImage === null) return "";
  const nvml = statuses.get("nvml");
  return sayText(language, nvml !== "pass" && nvml !== "warn" ? "smokeSkipped" : "smokePassed");
}
