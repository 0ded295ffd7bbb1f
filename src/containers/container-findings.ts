/**
 * What `nova containers --checklist` reports: one finding per problem, with the facts its
 * message needs (messages are rendered per language in render-containers-report.ts).
 */

/** `error` fails the checklist (exit code 1); `warning` and `info` are advice. */
export type Severity = "error" | "warning" | "info";

export type CheckId =
  | "unreadable"
  | "gpu-reservation"
  | "gpu-legacy-runtime"
  | "image-unpinned"
  | "image-latest"
  | "image-no-digest"
  | "image-variable"
  | "healthcheck-missing"
  | "healthcheck-disabled"
  | "restart-missing"
  | "user-root"
  | "user-unset"
  | "memory-limit"
  | "privileged"
  | "capabilities"
  | "literal-secret"
  | "platform-amd64"
  | "arm64-image";

export interface Finding {
  check: CheckId;
  severity: Severity;
  /** The file, as given or found (relative to the working directory). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** The Compose service or the Dockerfile stage the finding is about. */
  where?: string;
  /** Values for the message: an image, a variable name (never a secret's value), … */
  facts: Record<string, string>;
}

export interface CheckedFile {
  file: string;
  kind: "compose" | "dockerfile";
  /** Services (Compose) or stages (Dockerfile) checked. */
  units: number;
}

export interface ContainersReport {
  files: CheckedFile[];
  findings: Finding[];
  counts: Record<Severity, number>;
  /** No finding of severity `error`. */
  passed: boolean;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings (file, then severity, then line) and counts them. Pure. */
export function summarizeFindings(
  files: readonly CheckedFile[],
  findings: readonly Finding[],
): ContainersReport {
  const sorted = [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.check.localeCompare(b.check),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of sorted) counts[finding.severity]++;
  return { files: [...files], findings: sorted, counts, passed: counts.error === 0 };
}
