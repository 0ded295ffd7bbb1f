import { defaultSpoolDir } from "../upload/default-spool-dir.js";
import { flushSpool, type FlushResult, type UploadConfig } from "../upload/flush-spool.js";
import { SpoolConflictError, createSpool, type Spool, type SpoolEntry } from "../upload/spool.js";
import { uploadReport } from "../upload/upload-report.js";
import type { RunnerDeps } from "./runner-deps.js";
import { say, type Language } from "../text/say.js";

/** The upload configuration from the environment, or the names of what is missing. */
export function parseUploadConfig(
  env: RunnerDeps["env"],
  repository: string | undefined,
): { config: UploadConfig } | { missing: string[] } {
  const baseUrl = env.NOVA_URL?.trim();
  const key = env.NOVA_RUNNER_KEY?.trim();
  const missing = [
    ...(baseUrl ? [] : ["NOVA_URL"]),
    ...(repository ? [] : ["NOVA_REPOSITORY (--repository)"]),
    ...(key ? [] : ["NOVA_RUNNER_KEY"]),
  ];
  if (missing.length > 0 || !baseUrl || !key || !repository) return { missing };
  return { config: { baseUrl, repository, key } };
}

export function openSpool(deps: RunnerDeps): Spool {
  return createSpool(defaultSpoolDir({ env: deps.env, uid: deps.uid, home: deps.home }));
}

/**
 * Spools a report (before any attempt, so nothing is lost), then sends the whole spool, older
 * reports first. Returns what happened, printed on stderr; exit code 3 when the server rejected
 * a report or the id conflicts, else 0 (delivered) or 1 (waiting in the spool).
 */
export async function spoolAndFlush(
  deps: RunnerDeps,
  language: Language,
  config: UploadConfig,
  entry: SpoolEntry | null,
): Promise<0 | 1 | 3> {
  const spool = openSpool(deps);
  if (entry !== null) {
    try {
      const added = await spool.add(entry);
      if (added === "already-sent") {
        deps.stderr(`${say(language, "alreadySent", { id: entry.id })}\n`);
      }
    } catch (error) {
      if (!(error instanceof SpoolConflictError)) throw error;
      deps.stderr(`${say(language, "conflict", { id: entry.id })}\n`);
      return 3;
    }
  }
  const result = await flushSpool({
    spool,
    config,
    now: () => deps.now().getTime(),
    upload: (request) =>
      uploadReport(request, {
        fetch: deps.fetch,
        sleep: deps.sleep,
        now: () => deps.now().getTime(),
        random: deps.random,
        log: (line) => deps.stderr(`${line}\n`),
      }),
  });
  printFlush(deps, language, spool.dir, result);
  if (result.rejected.length > 0) return 3;
  return result.deferred.length > 0 ? 1 : 0;
}

function printFlush(deps: RunnerDeps, language: Language, dir: string, result: FlushResult): void {
  for (const { id, result: delivered } of result.delivered) {
    const links = [delivered.answer?.commentUrl, delivered.answer?.checkRunUrl]
      .filter(Boolean)
      .join(" ");
    const url = links === "" ? "" : `: ${links}`;
    const key = delivered.httpStatus === 200 ? "duplicate" : "delivered";
    deps.stderr(`${say(language, key, { id, status: delivered.httpStatus, url })}\n`);
  }
  for (const { id, result: rejected } of result.rejected) {
    const details = (rejected.answer?.details ?? [])
      .map((detail) => `\n  - ${typeof detail === "string" ? detail : JSON.stringify(detail)}`)
      .join("");
    deps.stderr(
      `${say(language, "rejected", { id, status: rejected.httpStatus, error: rejected.answer?.error ?? rejected.answer?.status ?? "", details })}\n`,
    );
  }
  for (const { id, reason } of result.deferred)
    deps.stderr(`${say(language, "deferred", { id, dir, reason })}\n`);
}
