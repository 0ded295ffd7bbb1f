/**
 * The layout of a recording directory (`nova-runner record DIR`), shared by the writer and the
 * replaying reader:
 *
 *   DIR/recording.json        format, runner version, time, whether identifiers are masked,
 *                             the check options the recording was made with
 *   DIR/<probe-key>.json      command, exit code, duration, timed out, missing
 *   DIR/<probe-key>.stdout    raw standard output
 *   DIR/<probe-key>.stderr    raw standard error
 *
 * Raw outputs stay separate files so a recording can be read, diffed and built from fixtures.
 */
import { PROBE_KEYS, type ProbeKey, type ProbeResult } from "./probe-types.js";

export const RECORDING_FORMAT = "nova.gpu-recording/v1";

export interface RecordedOptions {
  expectGpus?: number;
  minDriver?: string;
  minCuda?: string;
  smokeImage?: string;
  novaUrl?: string;
}

export interface RecordingManifest {
  format: typeof RECORDING_FORMAT;
  runnerVersion: string;
  createdAt: string;
  masked: boolean;
  options: RecordedOptions;
}

export type ProbeMeta = Omit<ProbeResult, "stdout" | "stderr">;

export function probeFileNames(key: ProbeKey): { meta: string; stdout: string; stderr: string } {
  return { meta: `${key}.json`, stdout: `${key}.stdout`, stderr: `${key}.stderr` };
}

/** Reads `<key>.json`; throws with the file's name when it is not a probe's metadata. */
export function parseProbeMeta(key: ProbeKey, text: string): ProbeMeta {
  const value = JSON.parse(text) as Record<string, unknown>;
  const exitCode = value.exitCode;
  if (
    typeof value.command !== "string" ||
    !(exitCode === null || Number.isInteger(exitCode)) ||
    typeof value.durationMs !== "number"
  )
    throw new Error(`${key}.json: not a probe record (command, exitCode, durationMs)`);
  return {
    key,
    command: value.command,
    exitCode: exitCode as number | null,
    durationMs: Math.max(0, Math.round(value.durationMs)),
    timedOut: value.timedOut === true,
    missing: value.missing === true,
  };
}

/** Reads `recording.json`, tolerating a missing one (a hand-made recording of a few outputs). */
export function parseRecordingManifest(text: string | undefined): RecordingManifest {
  const fallback: RecordingManifest = {
    format: RECORDING_FORMAT,
    runnerVersion: "unknown",
    createdAt: new Date(0).toISOString(),
    masked: false,
    options: {},
  };
  if (text === undefined) return fallback;
  const value = JSON.parse(text) as Partial<RecordingManifest>;
  if (value.format !== RECORDING_FORMAT)
    throw new Error(`recording.json: format must be ${RECORDING_FORMAT}`);
  const options = (value.options ?? {}) as Record<string, unknown>;
  const picked: RecordedOptions = {};
  if (typeof options.expectGpus === "number") picked.expectGpus = options.expectGpus;
  for (const name of ["minDriver", "minCuda", "smokeImage", "novaUrl"] as const) {
    const option = options[name];
    if (typeof option === "string") picked[name] = option;
  }
  return { ...fallback, ...value, options: picked };
}

export function isProbeKey(name: string): name is ProbeKey {
  return (PROBE_KEYS as readonly string[]).includes(name);
}
