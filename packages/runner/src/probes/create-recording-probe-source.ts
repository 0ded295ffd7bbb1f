import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { maskIdentifiers } from "./mask-identifiers.js";
import type { ProbeResult, ProbeSource } from "./probe-types.js";
import {
  RECORDING_FORMAT,
  probeFileNames,
  type RecordedOptions,
  type RecordingManifest,
} from "./recording-format.js";

export interface RecordingOptions {
  dir: string;
  /** Replace UUIDs, serial numbers and the host name before writing (the default). */
  mask: boolean;
  hostname: string | null;
  runnerVersion: string;
  now: () => Date;
  options: RecordedOptions;
}

/**
 * Wraps a live source: every probe the checks run is also written to the recording directory
 * (`nova-runner record DIR`). The checks themselves see the unmasked output.
 */
export async function createRecordingProbeSource(
  inner: ProbeSource,
  recording: RecordingOptions,
): Promise<ProbeSource> {
  await mkdir(recording.dir, { recursive: true });
  const manifest: RecordingManifest = {
    format: RECORDING_FORMAT,
    runnerVersion: recording.runnerVersion,
    createdAt: recording.now().toISOString(),
    masked: recording.mask,
    options: recording.options,
  };
  await writeFile(join(recording.dir, "recording.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const written = new Set<string>();
  const mask = (text: string, key?: string): string => {
    if (!recording.mask) return text;
    // A kernel log says much about a machine besides its GPU (addresses, users, devices); a
    // masked recording keeps only the driver's lines, which is all the XID check reads.
    const kept = key === "journalctl-kernel" || key === "dmesg" ? keepDriverLines(text) : text;
    return maskIdentifiers(kept, { hostname: recording.hostname });
  };
  return {
    async run(spec) {
      const result = await inner.run(spec);
      if (!written.has(spec.key)) {
        written.add(spec.key);
        await writeProbe(recording.dir, result, mask);
      }
      return result;
    },
  };
}

async function writeProbe(
  dir: string,
  result: ProbeResult,
  mask: (text: string, key?: string) => string,
): Promise<void> {
  const names = probeFileNames(result.key);
  const { stdout, stderr, ...meta } = result;
  await writeFile(
    join(dir, names.meta),
    `${JSON.stringify({ ...meta, command: mask(meta.command) }, null, 2)}\n`,
  );
  await writeFile(join(dir, names.stdout), mask(stdout, result.key));
  await writeFile(join(dir, names.stderr), mask(stderr));
}

/**
 * Lines of a kernel log that come from the NVIDIA driver (NVRM, nvidia modules, XIDs), and the
 * lines in which journalctl or dmesg say they may not read the log (the XID check needs those to
 * answer `unknown` on a replay too).
 */
export function keepDriverLines(log: string): string {
  const wanted =
    /NVRM|nvidia|Xid|insufficient permissions|not seeing messages|Operation not permitted|No journal files/i;
  const lines = log.split("\n").filter((line) => wanted.test(line));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
