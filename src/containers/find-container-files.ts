import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";

export type ContainerFileKind = "compose" | "dockerfile";

export interface ContainerFile {
  /** As shown in the report: relative to the working directory, with `/`. */
  path: string;
  kind: ContainerFileKind;
  text: string;
}

/** Folders never searched: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set([
  "node_modules",
  ".git",
  "dist",
  "lib",
  "coverage",
  ".cache",
  "vendor",
]);
const MAX_DEPTH = 8;
const MAX_BYTES = 1024 * 1024;

/** A path that does not exist or cannot be read (exit code 2). */
export class ContainerPathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: "not-found" | "too-large" | "unreadable",
  ) {
    super(`${reason}: ${path}`);
    this.name = "ContainerPathError";
  }
}

/**
 * Which checks a file gets, by its name: Compose's default names (`compose.yaml`,
 * `docker-compose.yml`, and variants such as `compose.gpu.yaml`), and Dockerfiles (`Dockerfile`,
 * `Dockerfile.gpu`, `gpu.Dockerfile`). Pure.
 */
export function classifyContainerFile(name: string): ContainerFileKind | null {
  if (/^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/i.test(name)) return "compose";
  if (
    /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(name) ||
    /\.(?:Dockerfile|Containerfile)$/i.test(name)
  ) {
    return "dockerfile";
  }
  return null;
}

/**
 * The Compose files and Dockerfiles under `paths` (files or folders, relative to `cwd`; `.`
 * when none). A file named explicitly is checked whatever its name: as Compose when it parses
 * to a `services:` map by its extension (`.yml`/`.yaml`), else as a Dockerfile. Sorted by path.
 */
export async function findContainerFiles(
  paths: readonly string[],
  cwd: string,
): Promise<ContainerFile[]> {
  const found = new Map<string, ContainerFile>();
  const display = (absolute: string) =>
    relative(cwd, absolute).split(sep).join("/") || basename(absolute);

  const read = async (absolute: string): Promise<string> => {
    const info = await stat(absolute);
    if (info.size > MAX_BYTES) throw new ContainerPathError(display(absolute), "too-large");
    return readFile(absolute, "utf8");
  };

  const walk = async (folder: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith("."))
          await walk(absolute, depth + 1);
      } else if (entry.isFile()) {
        const kind = classifyContainerFile(entry.name);
        if (kind && !found.has(absolute)) {
          found.set(absolute, { path: display(absolute), kind, text: await read(absolute) });
        }
      }
    }
  };

  for (const path of paths.length > 0 ? paths : ["."]) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ContainerPathError(
        path,
        code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable",
      );
    }
    if (info.isDirectory()) {
      await walk(absolute, 0);
    } else {
      const kind =
        classifyContainerFile(basename(absolute)) ??
        (/\.ya?ml$/i.test(absolute) ? "compose" : "dockerfile");
      found.set(absolute, { path: display(absolute), kind, text: await read(absolute) });
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
