/** `nvidia-ctk --version`: `NVIDIA Container Toolkit CLI version 1.17.8` → `1.17.8`. */
export function parseCtkVersion(text: string): string | null {
  return (
    /Container Toolkit CLI version\s+v?(\d+\.\d+(?:\.\d+)?(?:[-~+.\w]*)?)/i.exec(text)?.[1] ?? null
  );
}

/** What `nvidia-container-cli info` saw: the driver and CUDA versions and the devices. */
export interface ContainerCliInfo {
  driver: string | null;
  cuda: string | null;
  devices: Array<{ index: number; model: string | null; busLocation: string | null }>;
}

/**
 * `nvidia-container-cli info` (its debug lines, `I0114 … nvc_info.c:…]`, are skipped): the
 * toolkit's own view of the driver, so a container runtime that cannot talk to it shows here.
 */
export function parseContainerCliInfo(text: string): ContainerCliInfo {
  const devices: ContainerCliInfo["devices"] = [];
  let driver: string | null = null;
  let cuda: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Za-z][A-Za-z ]+?):\s+(.*)$/.exec(line);
    if (match === null) continue;
    const [, key, value] = match as unknown as [string, string, string];
    if (key === "NVRM version") driver = value.trim();
    else if (key === "CUDA version") cuda = value.trim();
    else if (key === "Device Index")
      devices.push({ index: Number(value), model: null, busLocation: null });
    else if (key === "Model" && devices.length > 0) devices.at(-1)!.model = value.trim();
    else if (key === "Bus Location" && devices.length > 0)
      devices.at(-1)!.busLocation = value.trim();
  }
  return { driver, cuda, devices };
}
