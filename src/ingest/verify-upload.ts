/**
 * The checks of an upload that need no GitHub: the signature on the raw bytes (before anything
 * is parsed), then UTF-8, JSON and the report schema, each failure a precise answer. Pure apart
 * from hashing.
 */
import { createHash } from "node:crypto";
import { gpuReportSchema, REPOSITORY_PATTERN, type GpuReport } from "@nova/protocol";
import { deriveRunnerKey, verifySignature } from "@nova/protocol";
import { errorAnswer, type UploadAnswer, type UploadProblem } from "./upload-answer.js";
import { truncateText } from "./runner-text.js";

/** Problems listed in one 400 answer; a body with more has more of the same. */
const MAX_PROBLEMS = 50;

export interface SignedUpload {
  /** `X-Nova-Repository`. */
  repository: string | undefined;
  /** `X-Nova-Signature`. */
  signature: string | undefined;
  body: Buffer;
}

const SIGNATURE_REASONS = {
  missing: "X-Nova-Signature is missing",
  malformed: "X-Nova-Signature is not t=<unix seconds>,v1=<64 hex>",
  timestamp:
    "the signature's timestamp is more than 300 s from the server's clock (check the DGX's time)",
  mismatch:
    "the signature does not match (check NOVA_RUNNER_KEY: it must be this repository's key)",
} as const;

/**
 * Verifies the signature with the keys derived from the secrets for the header's repository
 * (the current secret, and the previous one during a rotation). A key derived for another
 * repository cannot match: the repository is part of the derivation.
 */
export function verifyUpload(
  upload: SignedUpload,
  secrets: readonly string[],
  nowSeconds: number,
): { ok: true; repository: string } | { ok: false; answer: UploadAnswer } {
  const repository = upload.repository?.trim() ?? "";
  if (!REPOSITORY_PATTERN.test(repository)) {
    return {
      ok: false,
      answer: errorAnswer(404, "X-Nova-Repository must name a repository as owner/repo"),
    };
  }
  const result = verifySignature({
    header: upload.signature,
    // Not yet checked for UTF-8: bytes that are not would change here and fail the comparison.
    body: upload.body.toString("utf8"),
    keys: secrets.map((secret) => deriveRunnerKey(secret, repository)),
    nowSeconds,
  });
  if (!result.ok) return { ok: false, answer: errorAnswer(401, SIGNATURE_REASONS[result.reason]) };
  return { ok: true, repository };
}

/**
 * Parses an authenticated body: UTF-8, JSON, the report schema, then the protocol's rules
 * (`repository` equals the header, `id` equals `Idempotency-Key`). Every problem becomes a
 * 400 with `details` naming it by JSON path.
 */
export function parseUpload(
  body: Buffer,
  headers: { repository: string; idempotencyKey: string | undefined },
): { ok: true; report: GpuReport; hash: string } | { ok: false; answer: UploadAnswer } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return invalid("the body is not UTF-8", [{ path: "$", message: "not valid UTF-8" }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return invalid("invalid JSON", [{ path: "$", message: truncateText(message, 200) }]);
  }
  const parsed = gpuReportSchema.safeParse(value);
  if (!parsed.success) {
    return invalid(
      "the body is not a valid nova.gpu-report/v1 report",
      listProblems(parsed.error.issues),
    );
  }
  const report = parsed.data;
  const problems: UploadProblem[] = [];
  if (
    report.repository === null ||
    report.repository.toLowerCase() !== headers.repository.toLowerCase()
  ) {
    problems.push({
      path: "$.repository",
      message: `must be the repository of X-Nova-Repository (${headers.repository})`,
    });
  }
  const key = headers.idempotencyKey?.trim();
  if (key !== report.id) {
    problems.push({
      path: "$.id",
      message:
        key === undefined || key === ""
          ? "Idempotency-Key is missing; it must be the report's id"
          : "must equal the Idempotency-Key header",
    });
  }
  if (problems.length > 0) return invalid("the report does not match its headers", problems);
  return { ok: true, report, hash: hashBody(body) };
}

/** The first 32 hex digits of the body's SHA-256: one id is one body, forever. */
export function hashBody(body: Buffer): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 32);
}

function invalid(error: string, details: UploadProblem[]): { ok: false; answer: UploadAnswer } {
  return {
    ok: false,
    answer: errorAnswer(400, error, { details: details.slice(0, MAX_PROBLEMS) }),
  };
}

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** Zod's issues as JSON paths; an unknown key is named by its own path. */
function listProblems(issues: readonly SchemaIssue[]): UploadProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      return issue.keys.map((key) => ({
        path: toJsonPath([...issue.path, key]),
        message: "unknown key",
      }));
    }
    return [{ path: toJsonPath(issue.path), message: truncateText(issue.message, 200) }];
  });
}

/** `["checks", 3, "status"]` → `$.checks[3].status`; odd keys are quoted: `$["a b"]`. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let text = "$";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) text += `.${part}`;
    else text += `[${JSON.stringify(truncateText(String(part), 64))}]`;
  }
  return text;
}
