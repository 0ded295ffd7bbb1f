import type { Spool, SpoolEntry } from "./spool.js";
import type { UploadRequest, UploadResult } from "./upload-report.js";

export interface UploadConfig {
  baseUrl: string;
  repository: string;
  key: string;
}

export interface FlushResult {
  delivered: Array<{ id: string; result: Extract<UploadResult, { kind: "delivered" }> }>;
  rejected: Array<{ id: string; result: Extract<UploadResult, { kind: "rejected" }> }>;
  /** Still in the spool: the network or the server failed, or it belongs to another repository. */
  deferred: Array<{ id: string; reason: string }>;
}

const SENT_MARKER_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Sends every spooled report, oldest first. Once one is deferred (network down, server
 * unavailable) the rest wait too: trying each would only repeat the same backoff.
 */
export async function flushSpool(input: {
  spool: Spool;
  config: UploadConfig;
  upload: (request: UploadRequest) => Promise<UploadResult>;
  now: () => number;
}): Promise<FlushResult> {
  const { spool, config } = input;
  const result: FlushResult = { delivered: [], rejected: [], deferred: [] };
  let blocked: string | null = null;
  for (const entry of await spool.list()) {
    if (entry.repository.toLowerCase() !== config.repository.toLowerCase()) {
      // The key signs for one repository only; this report waits for a runner configured for its own.
      result.deferred.push({
        id: entry.id,
        reason: `report is for ${entry.repository}, the key for ${config.repository}`,
      });
      continue;
    }
    if (blocked !== null) {
      result.deferred.push({ id: entry.id, reason: blocked });
      continue;
    }
    const outcome = await input.upload(toRequest(entry, config));
    if (outcome.kind === "delivered") {
      await spool.markSent(entry);
      result.delivered.push({ id: entry.id, result: outcome });
    } else if (outcome.kind === "rejected") {
      await spool.markRejected(entry, `HTTP ${outcome.httpStatus}: ${outcome.answer?.error ?? ""}`);
      result.rejected.push({ id: entry.id, result: outcome });
    } else {
      blocked = outcome.reason;
      result.deferred.push({ id: entry.id, reason: outcome.reason });
    }
  }
  await spool.prune(SENT_MARKER_MAX_AGE_MS, input.now());
  return result;
}

function toRequest(entry: SpoolEntry, config: UploadConfig): UploadRequest {
  return {
    baseUrl: config.baseUrl,
    repository: entry.repository,
    key: config.key,
    id: entry.id,
    body: entry.body,
  };
}
