import { parseKeyValues } from "../parse/parse-key-values.js";
import { PROBES } from "../probes/probe-catalog.js";
import { succeeded, type ProbeResult, type ProbeSource } from "../probes/probe-types.js";
import type { Host } from "@nova/protocol";

/**
 * The host facts every report carries, read before the checks run (and so also with `--only`):
 * host name, OS, kernel, architecture, model and DGX release. Files rather than `hostname` or
 * `uname -r`, so a recording holds them too.
 */
export async function collectHost(
  probes: ProbeSource,
): Promise<{ host: Host; probes: ProbeResult[] }> {
  const asked: ProbeResult[] = [];
  const read = async (spec: Parameters<ProbeSource["run"]>[0]): Promise<string | null> => {
    const result = await probes.run(spec);
    asked.push(result);
    // Device-tree strings end in NUL; sysfs values in a newline.
    const text = result.stdout.replace(/\0/g, "").trim();
    return succeeded(result) && text !== "" ? text.slice(0, 256) : null;
  };
  const osRelease = await read(PROBES.osRelease);
  const dgxRelease = await read(PROBES.dgxRelease);
  const os = osRelease === null ? null : (parseKeyValues(osRelease).PRETTY_NAME ?? null);
  const host: Host = {
    hostname: await read(PROBES.hostname),
    os,
    kernel: await read(PROBES.kernelRelease),
    arch: await read(PROBES.unameMachine),
    model: (await read(PROBES.dmiProductName)) ?? (await read(PROBES.deviceTreeModel)),
    dgxRelease: dgxRelease === null ? null : describeDgxRelease(dgxRelease),
  };
  return { host, probes: asked };
}

/** `/etc/dgx-release` → `NVIDIA DGX Spark 7.2.3` (name and software build). */
export function describeDgxRelease(text: string): string | null {
  const values = parseKeyValues(text);
  const name = values.DGX_PRETTY_NAME ?? values.DGX_NAME;
  if (name === undefined) return null;
  const version = values.DGX_SWBUILD_VERSION ?? values.DGX_OTA_VERSION;
  return version === undefined ? name : `${name} ${version}`;
}
