import type { Writable } from "node:stream";
import { getTransformStream } from "@probot/pino";
import { pino, stdSerializers, type Logger } from "pino";

/** What replaces a secret in a log line. */
export const REDACTED = "[Redacted]";

/**
 * Fields that hold credentials, wherever Nova, Probot or Octokit log them. pino removes them
 * before a line is written (and before Sentry sees it).
 *
 * - `req`/`res`: Probot's HTTP log (pino-http) logs every request's headers: the webhook
 *   signature, the runner's signature, any bearer token (`/metrics`).
 * - `err.request`/`error.request`: Octokit errors carry the request that failed, headers included.
 * - Named fields, at the top level and one or two levels down.
 */
export const LOG_REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-hub-signature"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-nova-signature"]',
  'res.headers["set-cookie"]',
  "err.request.headers.authorization",
  "error.request.headers.authorization",
  "request.headers.authorization",
  "headers.authorization",
  "*.headers.authorization",
  ...[
    "token",
    "privateKey",
    "private_key",
    "secret",
    "webhookSecret",
    "clientSecret",
    "client_secret",
    "password",
    "authorization",
    "signature",
    "runnerSecret",
    "runnerKey",
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * Credentials recognisable by their shape, removed from messages and error texts (which
 * redaction paths cannot reach): GitHub tokens, JWTs (the app's own), PEM private keys, and
 * webhook or runner signatures.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:gh[opsur]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g,
  /\bsha(?:1|256)=[0-9a-f]{40,64}\b/gi,
  /\bv1=[0-9a-f]{64}\b/gi,
  /\b(Bearer|token)\s+[A-Za-z0-9._~+/-]{20,}=*/gi,
];

/** Replaces every credential-shaped part of a text with `[Redacted]`. */
export function scrubSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match, scheme?: string) =>
      typeof scheme === "string" && /^(bearer|token)$/i.test(scheme)
        ? `${scheme} ${REDACTED}`
        : REDACTED,
    );
  }
  return result;
}

export interface NovaLogOptions {
  level?: string;
  /** `json` or `pretty`, as Probot's LOG_FORMAT. */
  logFormat?: "json" | "pretty";
  logLevelInString?: boolean;
  logMessageKey?: string;
  sentryDsn?: string;
  /** Where lines go (default: stdout). */
  destination?: Writable;
}

/**
 * Probot's logger (the same pino setup and `@probot/pino` formatting as `probot run`) with
 * credentials redacted: by field path, and by shape in messages and error texts. Every child
 * logger (`app.log`, `context.log`, Octokit's) inherits it.
 */
export async function createNovaLog(options: NovaLogOptions = {}): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: options.logFormat,
    logLevelInString: options.logLevelInString,
    sentryDsn: options.sentryDsn,
  });
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as Writable));
  return pino(
    {
      level: options.level || "info",
      name: "probot",
      messageKey: options.logMessageKey || "msg",
      redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
      serializers: { err: scrubbedError, error: scrubbedError },
      hooks: {
        logMethod(args, method) {
          // `log.error(error)` takes its message from the error; give pino a scrubbed one.
          const [first] = args as unknown[];
          if (args.length === 1 && first instanceof Error) {
            method.apply(this, [{ err: first }, scrubSecrets(first.message)]);
            return;
          }
          const scrubbed = args.map((arg: unknown) =>
            typeof arg === "string" ? scrubSecrets(arg) : arg,
          ) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    transform,
  );
}

/** pino's error serializer, with credential-shaped text removed from the message and stack. */
function scrubbedError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ["message", "stack"]) {
    const value = serialized[key];
    if (typeof value === "string") serialized[key] = scrubSecrets(value);
  }
  return serialized;
}
