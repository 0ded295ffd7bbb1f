import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ProbeKey } from "../src/probes/probe-types.js";
import {
  RECORDING_FORMAT,
  probeFileNames,
  type RecordedOptions,
} from "../src/probes/recording-format.js";

export interface RecordedProbe {
  stdout?: string;
  stderr?: string;
  exitCode?: number | null;
  timedOut?: boolean;
  missing?: boolean;
  durationMs?: number;
}

export type Recording = Partial<Record<ProbeKey, RecordedProbe>>;

/**
 * Writes a recording directory in the layout `nova-runner record` writes (recording-format.ts),
 * from fixture texts: what a machine would have answered, for `check --from DIR`.
 */
export async function writeRecording(
  dir: string,
  probes: Recording,
  options: RecordedOptions = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    format: RECORDING_FORMAT,
    runnerVersion: "test",
    createdAt: "2026-01-12T09:00:00.000Z",
    masked: true,
    options,
  };
  await writeFile(join(dir, "recording.json"), JSON.stringify(manifest));
  for (const [key, probe] of Object.entries(probes) as Array<[ProbeKey, RecordedProbe]>) {
    const names = probeFileNames(key);
    const meta = {
      key,
      command: key,
      exitCode: probe.exitCode === undefined ? 0 : probe.exitCode,
      durationMs: probe.durationMs ?? 12,
      timedOut: probe.timedOut ?? false,
      missing: probe.missing ?? false,
    };
    await writeFile(join(dir, names.meta), JSON.stringify(meta));
    await writeFile(join(dir, names.stdout), probe.stdout ?? "");
    await writeFile(join(dir, names.stderr), probe.stderr ?? "");
  }
  return dir;
}
