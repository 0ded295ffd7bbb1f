import type { ProbeResult } from "../probes/probe-types.js";
import { EVIDENCE_MAX_BYTES, type Evidence } from "@nova/protocol";

/**
 * Evidence from a probe: command, exit code, duration and the start of its output, cut to
 * 4 KiB at a character boundary. stderr follows stdout after a `--- stderr ---` line, because
 * that is where a failing tool says why. `excerpt` replaces the output with the lines that
 * matter (the XID lines of a kernel log).
 */
export function toEvidence(result: ProbeResult, excerpt?: string): Evidence {
  const stderr = result.stderr.trim();
  const text =
    excerpt ?? (stderr === "" ? result.stdout : `${result.stdout}\n--- stderr ---\n${stderr}`);
  const { text: cut, truncated } = cutToBytes(text, EVIDENCE_MAX_BYTES);
  return {
    command: result.command.slice(0, 1000),
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    timedOut: result.timedOut,
    stdout: cut,
    truncated,
  };
}

/** Cuts UTF-8 text to at most `maxBytes` bytes without splitting a character. */
export function cutToBytes(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return { text, truncated: false };
  const marker = "\n[…]";
  let end = maxBytes - Buffer.byteLength(marker);
  // Step back over UTF-8 continuation bytes (10xxxxxx) to the start of a character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return { text: `${bytes.subarray(0, end).toString("utf8")}${marker}`, truncated: true };
}
