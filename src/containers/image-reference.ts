import type { CheckId, Severity } from "./container-findings.js";

export interface ImageReference {
  /** As written. */
  raw: string;
  /** Repository without tag or digest, e.g. `nvcr.io/nvidia/pytorch`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits an image reference (`[registry/]name[:tag][@sha256:…]`). A colon before the last
 * slash belongs to a registry port, not a tag. Pure.
 */
export function parseImageReference(raw: string): ImageReference {
  const trimmed = raw.trim();
  const at = trimmed.indexOf("@");
  const beforeDigest = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const digest = at >= 0 ? trimmed.slice(at + 1) : undefined;
  const slash = beforeDigest.lastIndexOf("/");
  const colon = beforeDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  return {
    raw: trimmed,
    repository: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
    ...(hasTag ? { tag: beforeDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** Whether a reference still holds an unresolved `$VAR` / `${VAR}`. */
export function hasVariable(raw: string): boolean {
  return /\$(?:\{[^}]*\}|[A-Za-z_])/.test(raw);
}

/**
 * How well an image is pinned: a digest is reproducible; a tag can be moved; `latest` or no tag
 * at all changes under you (and may lose its arm64 variant). Returns the finding, if any.
 */
export function judgeImagePin(raw: string): { check: CheckId; severity: Severity } | null {
  if (hasVariable(raw)) return { check: "image-variable", severity: "warning" };
  const image = parseImageReference(raw);
  if (image.digest && /^sha256:[0-9a-f]{64}$/.test(image.digest)) return null;
  if (image.tag === undefined) return { check: "image-unpinned", severity: "error" };
  if (image.tag === "latest") return { check: "image-latest", severity: "error" };
  return { check: "image-no-digest", severity: "warning" };
}
