import { createHash } from "node:crypto";

/**
 * The git object id a text gets as a blob (what `git hash-object` prints), so a file on GitHub
 * can be compared with new content by the sha a directory listing already gave, without reading
 * it.
 */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
