import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** One report waiting to be sent: the exact body, which never changes once spooled. */
export interface SpoolEntry {
  format: "nova.spool/v1";
  id: string;
  repository: string;
  body: string;
  spooledAt: string;
}

/** A report with this id is spooled or was sent with a different body. */
export class SpoolConflictError extends Error {
  constructor(readonly id: string) {
    super(`report ${id} was already spooled or sent with a different body`);
    this.name = "SpoolConflictError";
  }
}

export interface Spool {
  readonly dir: string;
  /** Stores a report before its first attempt; `already-sent` if this exact body went out. */
  add(entry: SpoolEntry): Promise<"spooled" | "already-spooled" | "already-sent">;
  /** Waiting reports, oldest first. */
  list(): Promise<SpoolEntry[]>;
  /** After delivery: forget the report, remember that its id went out with this body. */
  markSent(entry: SpoolEntry): Promise<void>;
  /** After a final rejection: keep it under `rejected/` for a person to look at. */
  markRejected(entry: SpoolEntry, why: string): Promise<void>;
  /** Drop "sent" markers older than `maxAgeMs`. */
  prune(maxAgeMs: number, nowMs: number): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The spool directory: `<id>.json` per waiting report, `sent/<id>` holding the SHA-256 of each
 * delivered body, `rejected/<id>.json` for reports the server refused. The report is written
 * here before the first attempt, so a crash or a killed process loses nothing, and an id is
 * bound to one body for good: the same id is never sent with two different bodies.
 */
export function createSpool(dir: string): Spool {
  const pending = (id: string): string => join(dir, `${checkId(id)}.json`);
  const sentMarker = (id: string): string => join(dir, "sent", checkId(id));
  return {
    dir,
    async add(entry) {
      const hash = sha256(entry.body);
      const sent = await readOptional(sentMarker(entry.id));
      if (sent !== undefined) {
        if (sent.trim() === hash) return "already-sent";
        throw new SpoolConflictError(entry.id);
      }
      const existing = await readOptional(pending(entry.id));
      if (existing !== undefined) {
        if ((JSON.parse(existing) as SpoolEntry).body === entry.body) return "already-spooled";
        throw new SpoolConflictError(entry.id);
      }
      await writeAtomically(pending(entry.id), `${JSON.stringify(entry)}\n`);
      return "spooled";
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      const entries: SpoolEntry[] = [];
      for (const name of names) {
        if (!name.endsWith(".json") || !UUID.test(name.slice(0, -5))) continue;
        const text = await readOptional(join(dir, name));
        if (text === undefined) continue;
        const entry = JSON.parse(text) as SpoolEntry;
        if (entry.format === "nova.spool/v1" && entry.id === name.slice(0, -5)) entries.push(entry);
      }
      return entries.sort(
        (a, b) => a.spooledAt.localeCompare(b.spooledAt) || a.id.localeCompare(b.id),
      );
    },
    async markSent(entry) {
      await writeAtomically(sentMarker(entry.id), `${sha256(entry.body)}\n`);
      await rm(pending(entry.id), { force: true });
    },
    async markRejected(entry, why) {
      await writeAtomically(
        join(dir, "rejected", `${checkId(entry.id)}.json`),
        `${JSON.stringify({ ...entry, rejected: why })}\n`,
      );
      // Rejected is final for this body; remember it like a sent one so it is not retried.
      await writeAtomically(sentMarker(entry.id), `${sha256(entry.body)}\n`);
      await rm(pending(entry.id), { force: true });
    },
    async prune(maxAgeMs, nowMs) {
      const sentDir = join(dir, "sent");
      let names: string[];
      try {
        names = await readdir(sentDir);
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(sentDir, name);
        const info = await stat(path).catch(() => null);
        if (info !== null && nowMs - info.mtimeMs > maxAgeMs) await rm(path, { force: true });
      }
    },
  };
}

function checkId(id: string): string {
  // The id names files: only a UUID may, so no report can write outside the spool.
  if (!UUID.test(id)) throw new Error(`not a report id: ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
