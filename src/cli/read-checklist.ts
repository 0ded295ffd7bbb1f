import { readFile, stat } from "node:fs/promises";

/** Larger files are refused: the biggest real plans are a few hundred KiB. */
export const MAX_CHECKLIST_BYTES = 4 * 1024 * 1024;

/** A checklist that cannot be read, with a reason a user can act on. */
export class ChecklistReadError extends Error {
  constructor(
    readonly reason: "not-found" | "directory" | "too-large" | "binary" | "unreadable",
    readonly path: string,
    readonly size?: number,
  ) {
    super(`${reason}: ${path}`);
    this.name = "ChecklistReadError";
  }
}

/**
 * Reads a checklist file as UTF-8 text, refusing what is not one: a missing path, a directory,
 * a file over 4 MiB (checked before reading), or bytes that are not text (NUL or invalid UTF-8).
 */
export async function readChecklistFile(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ChecklistReadError("directory", path);
    size = info.size;
  } catch (error) {
    if (error instanceof ChecklistReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ChecklistReadError(
      code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable",
      path,
    );
  }
  if (size > MAX_CHECKLIST_BYTES) throw new ChecklistReadError("too-large", path, size);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ChecklistReadError("unreadable", path);
  }
  if (bytes.includes(0)) throw new ChecklistReadError("binary", path);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ChecklistReadError("binary", path);
  }
}
