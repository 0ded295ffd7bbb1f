import type { AppIdentity } from "../app-identity.js";
import { getRoute, send, type RouteHandler } from "./route.js";

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * `GET /healthz`: the process is up and its event loop answers. Deliberately checks nothing
 * else, so a GitHub outage never makes an orchestrator restart a healthy Nova (that is what
 * `/readyz` is for). The Dockerfile's HEALTHCHECK uses it.
 */
export function createHealthzRoute(): RouteHandler {
  return getRoute("/healthz", (req, res) => {
    send(req, res, 200, JSON_TYPE, `${JSON.stringify({ status: "ok" })}\n`);
  });
}

/** Resolves when Nova can work; rejects with a reason a person can act on. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<void>;

export interface ReadyzOptions {
  /** A result is reused this long, so frequent probes cost GitHub one request (default 10 s). */
  cacheMs?: number;
  /** A check that takes longer counts as failed (default 5 s). */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * `GET /readyz`: 200 when the check passes, 503 with the reason otherwise. Concurrent probes
 * share one check, and a result is reused for `cacheMs`.
 */
export function createReadyzRoute(
  check: ReadinessCheck,
  options: ReadyzOptions = {},
): RouteHandler {
  const cacheMs = options.cacheMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  let last: { at: number; result: Promise<string | null> } | undefined;

  const run = async (): Promise<string | null> => {
    try {
      await check(AbortSignal.timeout(timeoutMs));
      return null;
    } catch (error) {
      return describeFailure(error);
    }
  };

  return getRoute("/readyz", async (req, res) => {
    if (!last || now() - last.at >= cacheMs) last = { at: now(), result: run() };
    const reason = await last.result;
    if (reason === null) {
      send(req, res, 200, JSON_TYPE, `${JSON.stringify({ status: "ready" })}\n`);
    } else {
      send(req, res, 503, JSON_TYPE, `${JSON.stringify({ status: "not ready", reason })}\n`);
    }
  });
}

/**
 * Nova's readiness: an app JWT can be made from the private key and GitHub accepts it
 * (`GET /app`). Everything Nova does starts with that JWT: installation tokens, the bot login.
 */
export function checkGitHubApp(identity: Pick<AppIdentity, "probe">): ReadinessCheck {
  // One attempt, no retries: the probe's own 5 s are the whole budget.
  return (signal) => identity.probe(signal);
}

/** A failed check that already says, in words for an operator, what is wrong. */
export class NotReady extends Error {}

/**
 * With `REDIS_URL`: Redis answers `PING`. Replicas without their shared locks would sync one
 * repository at once, so a replica that cannot reach Redis should take no traffic.
 */
export function checkRedis(redis: { ping(): Promise<string> }): ReadinessCheck {
  return async (signal) => {
    const aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener("abort", () => reject(new NotReady("Redis did not answer in time")), {
        once: true,
      });
    });
    try {
      await Promise.race([redis.ping(), aborted]);
    } catch (error) {
      if (error instanceof NotReady) throw error;
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new NotReady(`Redis could not be asked: ${detail}`);
    }
  };
}

/** Every check in turn; the first failure is the answer. */
export function checkAll(checks: readonly ReadinessCheck[]): ReadinessCheck {
  return async (signal) => {
    for (const check of checks) await check(signal);
  };
}

/** A short reason without request details (headers carry the JWT). */
function describeFailure(error: unknown): string {
  if (error instanceof NotReady) return error.message;
  const { status, name, message, response } = error as {
    status?: unknown;
    name?: unknown;
    message?: unknown;
    response?: unknown;
  };
  if (name === "TimeoutError" || name === "AbortError") return "GitHub did not answer in time";
  // Octokit reports a failed connection as status 500 without a response.
  if (typeof status === "number" && status > 0 && response !== undefined) {
    return `GitHub answered ${status} to GET /app`;
  }
  const detail = typeof message === "string" ? message.split("\n")[0] : String(error);
  return `GitHub could not be asked: ${detail}`;
}
