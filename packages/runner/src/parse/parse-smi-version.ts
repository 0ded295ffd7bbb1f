/** Driver and CUDA versions as nvidia-smi states them. */
export interface SmiVersions {
  driver: string | null;
  cuda: string | null;
}

/**
 * `nvidia-smi --version` (`DRIVER version : 590.48.01`, `CUDA Version : 13.1`) or the header of
 * the default table (`Driver Version: 580.95.05  CUDA Version: 13.0`); both are accepted, so the
 * table serves drivers too old for `--version`.
 */
export function parseSmiVersions(text: string): SmiVersions {
  const driver = /Driver Version\s*:\s*([0-9][0-9.]*)/i.exec(text)?.[1] ?? null;
  const cuda = /CUDA Version\s*:\s*([0-9][0-9.]*)/i.exec(text)?.[1] ?? null;
  return { driver, cuda };
}
