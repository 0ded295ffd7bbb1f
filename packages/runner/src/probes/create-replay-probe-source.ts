import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeSpec, type ProbeSource } from "./probe-types.js";
import {
  parseProbeMeta,
  parseRecordingManifest,
  probeFileNames,
  type RecordingManifest,
} from "./recording-format.js";

/**
 * Answers probes from a recording directory (`check --from DIR`). A probe the recording does
 * not hold counts as missing, like a binary that is not installed: a recording made by hand
 * from a few outputs still evaluates, with the other checks skipped.
 */
export async function createReplayProbeSource(
  dir: string,
): Promise<{ source: ProbeSource; manifest: RecordingManifest }> {
  const manifest = parseRecordingManifest(await readOptional(join(dir, "recording.json")));
  const source: ProbeSource = {
    async run(spec) {
      const names = probeFileNames(spec.key);
      const metaText = await readOptional(join(dir, names.meta));
      if (metaText === undefined)
        return {
          key: spec.key,
          command: describeSpec(spec),
          exitCode: null,
          durationMs: 0,
          timedOut: false,
          missing: true,
          stdout: "",
          stderr: `${spec.key}: not in the recording`,
        };
      const meta = parseProbeMeta(spec.key, metaText);
      return {
        ...meta,
        stdout: (await readOptional(join(dir, names.stdout))) ?? "",
        stderr: (await readOptional(join(dir, names.stderr))) ?? "",
      };
    },
  };
  return { source, manifest };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
