/**
 * `NOVA_RUNNER_SECRET` (and `NOVA_RUNNER_SECRET_PREVIOUS` during a rotation): the server's
 * secret from which each repository's runner key is derived (docs/runner-protocol.md). The
 * upload endpoint is off without it; a secret shorter than 32 bytes is refused, so a weak one
 * never protects an endpoint.
 */
import { Buffer } from "node:buffer";

/** The shortest secret accepted, in UTF-8 bytes (the protocol's "≥ 32 bytes"). */
export const MIN_SECRET_BYTES = 32;

export type RunnerSecrets =
  | { ok: true; current: string; previous: string | null; warnings: string[] }
  | { ok: false; reason: string };

/**
 * Validates the secrets. A previous secret that is too short (or equal to the current one) is
 * left out with a warning: the rotation is optional, the endpoint is not.
 */
export function parseRunnerSecrets(
  current: string | null | undefined,
  previous: string | null | undefined,
): RunnerSecrets {
  // Used exactly as given (the shell recipe in the protocol hashes the variable as it is).
  const secret = current ?? "";
  if (secret.trim() === "") return { ok: false, reason: "NOVA_RUNNER_SECRET is not set" };
  if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
    return {
      ok: false,
      reason: `NOVA_RUNNER_SECRET is shorter than ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -hex 32\`)`,
    };
  }
  const warnings: string[] = [];
  let old: string | null = previous && previous.trim() !== "" ? previous : null;
  if (old !== null && Buffer.byteLength(old, "utf8") < MIN_SECRET_BYTES) {
    warnings.push(`NOVA_RUNNER_SECRET_PREVIOUS is shorter than ${MIN_SECRET_BYTES} bytes; ignored`);
    old = null;
  }
  if (old === secret) old = null;
  return { ok: true, current: secret, previous: old, warnings };
}
