import { join } from "node:path";
import { CHECKS } from "../checks/check-registry.js";
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from "../checks/check-types.js";
import { collectHost } from "../checks/collect-host.js";
import { runChecks } from "../checks/run-checks.js";
import { PROBES } from "../probes/probe-catalog.js";
import { createRecordingProbeSource } from "../probes/create-recording-probe-source.js";
import { createReplayProbeSource } from "../probes/create-replay-probe-source.js";
import type { ProbeSource } from "../probes/probe-types.js";
import type { RecordedOptions } from "../probes/recording-format.js";
import { buildReport } from "../report/build-report.js";
import { renderReportTable } from "../report/render-report-table.js";
import { exitCodeFor } from "../report/summarize-report.js";
import type { GpuReport } from "@nova/protocol";
import { RUNNER_VERSION } from "../runner-version.js";
import { parseUploadConfig, spoolAndFlush } from "./deliver.js";
import type { RunnerArgs } from "./runner-args.js";
import type { RunnerDeps } from "./runner-deps.js";
import { say } from "../text/say.js";

type CheckLike = Extract<RunnerArgs, { command: "check" | "record" }>;

/**
 * `check` and `record`: probe (the live machine, a recording, or the live machine while
 * recording it), run the checks, print the table or the JSON report, and with `--upload` send
 * it. Exit code 0/1/2 by the worst check, 3 when the upload was rejected or not configured.
 */
export async function runCheckCommand(args: CheckLike, deps: RunnerDeps): Promise<number> {
  const { language } = args;
  const upload = args.command === "check" && args.upload;
  const uploadConfig = upload ? parseUploadConfig(deps.env, args.repository) : null;
  if (uploadConfig !== null && "missing" in uploadConfig) {
    deps.stderr(`${say(language, "missingConfig", { names: uploadConfig.missing.join(", ") })}\n`);
    return 3;
  }
  const { probes, recorded, replay } = await openProbes(args, deps);
  const options = mergeOptions(
    args,
    recorded,
    replay ? (recorded.novaUrl ?? null) : deps.env.NOVA_URL?.trim() || null,
  );
  const { host } = await collectHost(probes);
  const only = args.check.only === undefined ? undefined : new Set(args.check.only);
  const { results, facts } = await runChecks({
    checks: CHECKS,
    probes,
    options,
    host,
    ...(only ? { only } : {}),
  });
  const report = buildReport({
    id: deps.randomUUID(),
    createdAt: deps.now(),
    repository: args.repository ?? null,
    target: args.target,
    runnerVersion: RUNNER_VERSION,
    results,
    facts,
  });
  print(report, args, deps);
  if (args.command === "record") {
    await deps.writeFile(join(args.dir, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    deps.stderr(`${say(language, "recorded", { dir: args.dir })}\n`);
  }
  const code = exitCodeFor(report.status);
  if (uploadConfig === null) return code;
  const delivered = await spoolAndFlush(deps, language, uploadConfig.config, {
    format: "nova.spool/v1",
    id: report.id,
    repository: uploadConfig.config.repository,
    body: JSON.stringify(report),
    spooledAt: deps.now().toISOString(),
  });
  return delivered === 3 ? 3 : code;
}

async function openProbes(
  args: CheckLike,
  deps: RunnerDeps,
): Promise<{ probes: ProbeSource; recorded: RecordedOptions; replay: boolean }> {
  if (args.command === "check" && args.from !== undefined) {
    const { source, manifest } = await createReplayProbeSource(args.from);
    return { probes: source, recorded: manifest.options, replay: true };
  }
  const live = deps.createLiveProbes();
  if (args.command !== "record") return { probes: live, recorded: {}, replay: false };
  const novaUrl = deps.env.NOVA_URL?.trim();
  const { expectGpus, minDriver, minCuda, smokeImage } = args.check;
  const options: RecordedOptions = {
    ...(expectGpus === undefined ? {} : { expectGpus }),
    ...(minDriver === undefined ? {} : { minDriver }),
    ...(minCuda === undefined ? {} : { minCuda }),
    ...(smokeImage === undefined ? {} : { smokeImage }),
    ...(novaUrl ? { novaUrl } : {}),
  };
  const hostname = (await live.run(PROBES.hostname)).stdout.trim();
  const probes = await createRecordingProbeSource(live, {
    dir: args.dir,
    mask: !args.raw,
    hostname: hostname === "" ? null : hostname,
    runnerVersion: RUNNER_VERSION,
    now: deps.now,
    options,
  });
  return { probes, recorded: {}, replay: false };
}

/** Defaults (a DGX Spark), then what a recording was made with, then the command line. */
function mergeOptions(
  args: CheckLike,
  recorded: RecordedOptions,
  novaUrl: string | null,
): CheckOptions {
  const pick = <T>(cli: T | undefined, fromRecording: T | undefined, fallback: T): T =>
    cli ?? fromRecording ?? fallback;
  return {
    expectGpus: pick(args.check.expectGpus, recorded.expectGpus, DEFAULT_CHECK_OPTIONS.expectGpus),
    minDriver: pick(args.check.minDriver, recorded.minDriver, DEFAULT_CHECK_OPTIONS.minDriver),
    minCuda: pick(args.check.minCuda, recorded.minCuda, DEFAULT_CHECK_OPTIONS.minCuda),
    smokeImage: pick(args.check.smokeImage, recorded.smokeImage, DEFAULT_CHECK_OPTIONS.smokeImage),
    novaUrl,
  };
}

function print(report: GpuReport, args: CheckLike, deps: RunnerDeps): void {
  if (args.json) deps.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else deps.stdout(renderReportTable(report, { language: args.language, color: deps.color }));
}
