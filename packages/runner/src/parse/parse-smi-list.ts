/** One line of `nvidia-smi -L`: `GPU 0: NVIDIA GB10 (UUID: GPU-…)`. MIG lines belong to it. */
export interface ListedGpu {
  index: number;
  name: string;
  uuid: string | null;
  migDevices: number;
}

/** Parses `nvidia-smi -L`. Lines that are not GPUs or MIG devices are ignored. */
export function parseSmiList(text: string): ListedGpu[] {
  const gpus: ListedGpu[] = [];
  for (const line of text.split(/\r?\n/)) {
    const gpu = /^GPU (\d+): (.+?)(?: \(UUID: ([^)]+)\))?\s*$/.exec(line);
    if (gpu !== null) {
      gpus.push({ index: Number(gpu[1]), name: gpu[2]!, uuid: gpu[3] ?? null, migDevices: 0 });
      continue;
    }
    const last = gpus.at(-1);
    if (/^\s+MIG\s/.test(line) && last !== undefined) last.migDevices += 1;
  }
  return gpus;
}
