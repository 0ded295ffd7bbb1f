/**
 * The signature of the runner upload protocol (docs/runner-protocol.md), shared by the runner,
 * which signs, and the app's ingestion, which verifies. Pure functions over node:crypto.
 *
 *   key       = hex(HMAC-SHA256(NOVA_RUNNER_SECRET, "nova-runner:v1:" + lowercase("owner/repo")))
 *   signature = hex(HMAC-SHA256(key, "<t>.<raw body>"))
 *   header    X-Nova-Signature: t=<unix seconds>,v1=<signature>
 *
 * The key is used as its 64-character hex text (its ASCII bytes), exactly as it is printed by
 * `nova runner-key` and stored in NOVA_RUNNER_KEY, so `openssl dgst -sha256 -hmac "$KEY"`
 * computes the same signature.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Nova-Signature";
/** Signatures older or newer than this are rejected (replay window, clock skew). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const KEY_CONTEXT = "nova-runner:v1:";

/**
 * A repository's runner key, derived from the server's secret. A key for one repository
 * cannot sign for another: the repository is part of what the key is derived from.
 */
export function deriveRunnerKey(secret: string, repository: string): string {
  return createHmac("sha256", secret)
    .update(`${KEY_CONTEXT}${repository.toLowerCase()}`, "utf8")
    .digest("hex");
}

/** hex(HMAC-SHA256(key, "<timestamp>.<body>")). */
export function computeSignature(key: string, timestamp: number, body: string): string {
  return createHmac("sha256", key).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The `X-Nova-Signature` value for a body, signed at `timestamp` (unix seconds). */
export function signReport(key: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${computeSignature(key, timestamp, body)}`;
}

/** `t=…,v1=…[,v1=…]`; null when there is no integer `t` or no `v1`. */
export function parseSignatureHeader(
  header: string,
): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === "t" && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === "v1" && value !== undefined && /^[0-9a-f]{64}$/i.test(value))
      signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export type VerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "missing" | "malformed" | "timestamp" | "mismatch" };

/**
 * Checks an upload's signature against the raw body, before anything parses it. `keys` holds
 * the repository's key derived from the current secret and, during a rotation, the one derived
 * from NOVA_RUNNER_SECRET_PREVIOUS. The comparison is constant-time.
 */
export function verifySignature(input: {
  header: string | undefined;
  body: string;
  keys: readonly string[];
  nowSeconds: number;
  toleranceSeconds?: number;
}): VerifyResult {
  if (input.header === undefined || input.header.trim() === "")
    return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(input.header);
  if (parsed === null) return { ok: false, reason: "malformed" };
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - parsed.timestamp) > tolerance)
    return { ok: false, reason: "timestamp" };
  for (const key of input.keys) {
    const expected = Buffer.from(computeSignature(key, parsed.timestamp, input.body), "hex");
    for (const signature of parsed.signatures) {
      const given = Buffer.from(signature, "hex");
      if (given.length === expected.length && timingSafeEqual(given, expected))
        return { ok: true, timestamp: parsed.timestamp };
    }
  }
  return { ok: false, reason: "mismatch" };
}
