/** What the runner needs from `docker info --format '{{json .}}'`. */
export interface DockerInfo {
  serverVersion: string | null;
  runtimes: string[];
  defaultRuntime: string | null;
  /** Directories Docker reads CDI specs from (Docker ≥ 25 with CDI enabled). */
  cdiSpecDirs: string[];
  /** Why the daemon did not answer (`permission denied while trying to connect …`). */
  serverErrors: string[];
}

/** Parses the JSON form of `docker info`; null when the output is not that JSON. */
export function parseDockerInfo(text: string): DockerInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const info = value as Record<string, unknown>;
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
  const runtimes =
    typeof info.Runtimes === "object" && info.Runtimes !== null ? Object.keys(info.Runtimes) : [];
  return {
    serverVersion:
      typeof info.ServerVersion === "string" && info.ServerVersion !== ""
        ? info.ServerVersion
        : null,
    runtimes: runtimes.sort(),
    defaultRuntime: typeof info.DefaultRuntime === "string" ? info.DefaultRuntime : null,
    cdiSpecDirs: strings(info.CDISpecDirs),
    serverErrors: strings(info.ServerErrors),
  };
}
