/**
 * One value as nvidia-smi prints it, in CSV (`[N/A]`, `81559 MiB`), `-q` text (`N/A`, `41 C`) or
 * XML (`N/A`, `6.41 W`).
 *
 * Values the driver does not report become `absent` (never 0): a GB10 has no separate GPU
 * memory, so `memory.total` is `[N/A]` there and must not read as "0 MiB". `[Unknown Error]`
 * and other bracketed NVML errors (`[GPU is lost]`, `[GPU requires reset]`) are `error`: they
 * say something is wrong, not that the field does not apply.
 */
export type SmiValue =
  | { kind: "value"; text: string }
  | { kind: "absent"; reason: "unsupported" | "permissions" }
  | { kind: "error"; text: string };

const UNSUPPORTED = new Set([
  "n/a",
  "not supported",
  "not available",
  "requested functionality has been deprecated",
  "",
]);

export function parseSmiValue(raw: string | undefined): SmiValue {
  if (raw === undefined) return { kind: "absent", reason: "unsupported" };
  const text = raw.trim();
  const bracketed = /^\[(.*)\]$/.exec(text);
  const inner = (bracketed?.[1] ?? text).trim().toLowerCase();
  if (inner === "insufficient permissions") return { kind: "absent", reason: "permissions" };
  if (UNSUPPORTED.has(inner)) return { kind: "absent", reason: "unsupported" };
  if (bracketed !== null || inner === "unknown error") return { kind: "error", text };
  return { kind: "value", text };
}

/** `81559 MiB`, `69.85 W`, `0 %`, `41 C`, `2560 bank(s)`, `0 us` → the number; null otherwise. */
export function parseSmiNumber(text: string): number | null {
  const match = /^(-?\d+(?:\.\d+)?)(?:\s*(?:[A-Za-z%]+(?:\(s\))?|°C))?$/.exec(text.trim());
  return match === null ? null : Number(match[1]);
}

/** `Active`/`Not Active`, `Yes`/`No`, `Enabled`/`Disabled`, `On`/`Off` → boolean; null otherwise. */
export function parseSmiBoolean(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (["active", "yes", "enabled", "on", "true"].includes(value)) return true;
  if (["not active", "no", "disabled", "off", "false"].includes(value)) return false;
  return null;
}
