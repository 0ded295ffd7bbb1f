import { describe, expect, it } from "@jest/globals";
import {
  computeSignature,
  deriveRunnerKey,
  parseSignatureHeader,
  signReport,
  verifySignature,
} from "@nova/protocol";
import { VECTOR } from "./signature-vector.js";

describe("signing", () => {
  it("derives the repository key from the secret and the lowercased repository", () => {
    expect(deriveRunnerKey(VECTOR.secret, VECTOR.repository)).toBe(VECTOR.key);
    expect(deriveRunnerKey(VECTOR.secret, "octo-org/dgx-plan")).toBe(VECTOR.key);
    expect(deriveRunnerKey(VECTOR.secret, "octo-org/other")).not.toBe(VECTOR.key);
  });

  it("signs <t>.<body> with the key's hex text", () => {
    expect(computeSignature(VECTOR.key, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(signReport(VECTOR.key, VECTOR.body, VECTOR.timestamp)).toBe(
      `t=1767225600,v1=${VECTOR.signature}`,
    );
  });

  it("verifies within ±300 s, with the current or the previous secret's key", () => {
    const header = `t=${VECTOR.timestamp},v1=${VECTOR.signature}`;
    const base = { header, body: VECTOR.body, nowSeconds: VECTOR.timestamp + 299 };
    expect(verifySignature({ ...base, keys: [VECTOR.key] })).toEqual({
      ok: true,
      timestamp: VECTOR.timestamp,
    });
    const previous = deriveRunnerKey("an-older-secret-that-is-32-bytes-long!!", VECTOR.repository);
    expect(verifySignature({ ...base, keys: [previous, VECTOR.key] }).ok).toBe(true);
    expect(
      verifySignature({ ...base, nowSeconds: VECTOR.timestamp + 301, keys: [VECTOR.key] }),
    ).toEqual({ ok: false, reason: "timestamp" });
    expect(
      verifySignature({ ...base, nowSeconds: VECTOR.timestamp - 301, keys: [VECTOR.key] }),
    ).toEqual({ ok: false, reason: "timestamp" });
  });

  it("rejects another repository's key, a changed body, and broken headers", () => {
    const header = `t=${VECTOR.timestamp},v1=${VECTOR.signature}`;
    const now = VECTOR.timestamp;
    const other = deriveRunnerKey(VECTOR.secret, "octo-org/other");
    expect(verifySignature({ header, body: VECTOR.body, keys: [other], nowSeconds: now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(
      verifySignature({ header, body: `${VECTOR.body} `, keys: [VECTOR.key], nowSeconds: now }),
    ).toEqual({ ok: false, reason: "mismatch" });
    expect(
      verifySignature({
        header: undefined,
        body: VECTOR.body,
        keys: [VECTOR.key],
        nowSeconds: now,
      }),
    ).toEqual({ ok: false, reason: "missing" });
    expect(
      verifySignature({ header: "v1=abc", body: VECTOR.body, keys: [VECTOR.key], nowSeconds: now }),
    ).toEqual({ ok: false, reason: "malformed" });
  });

  it("parses several v1 values (a rotation on the sending side)", () => {
    expect(parseSignatureHeader(`t=5, v1=${"a".repeat(64)}, v1=${"B".repeat(64)}`)).toEqual({
      timestamp: 5,
      signatures: ["a".repeat(64), "b".repeat(64)],
    });
    expect(parseSignatureHeader("t=x,v1=00")).toBeNull();
  });
});
