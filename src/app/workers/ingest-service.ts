/**
 * Receiving a runner upload after the HTTP layer (method, content type, size) is done with it,
 * in the protocol's order: signature and timestamp → JSON and schema → installation for the
 * repository → idempotency → effects (configuration, rate limit, publish). Every outcome is an
 * `UploadAnswer`; nothing a client sends can make it throw.
 */
import type { Logger } from "../../logger.js";
import { createLocalLock, type SharedLock } from "../replicas/shared-lock.js";
import { createMemoryUploadRecords, type UploadRecords } from "../replicas/upload-records.js";
import type { Probot } from "probot";
import { parseConfig } from "../../config/parse-config.js";
import { DEFAULT_CONFIG } from "../../config/schema.js";
import { GitHubError, toGitHubError } from "../../github/github-error.js";
import { createOctokitInstallationLookup } from "../../github/octokit-identity.js";
import { createOctokitPort } from "../../github/octokit-port.js";
import { createOctokitProjectPort } from "../../github/octokit-project-port.js";
import type { GpuReport } from "@nova/protocol";
import { publishReport } from "../../ingest/publish-report.js";
import { createUploadRateLimiter, type UploadRateLimiter } from "../../ingest/upload-rate-limit.js";
import { errorAnswer, publishedAnswer, type UploadAnswer } from "../../ingest/upload-answer.js";
import { parseUpload, verifyUpload } from "../../ingest/verify-upload.js";
import { sleepInBackground } from "../../time/sleep.js";
import type { PendingWork } from "./pending-work.js";
import { createRepoWorker } from "./repo-worker.js";

/** An upload as the HTTP route read it: three headers and the raw body. */
export interface RawUpload {
  /** `X-Nova-Repository`. */
  repository: string | undefined;
  /** `X-Nova-Signature`. */
  signature: string | undefined;
  /** `Idempotency-Key`. */
  idempotencyKey: string | undefined;
  body: Buffer;
}

export interface IngestServiceOptions {
  app: Probot;
  /** The current secret first, then the previous one during a rotation. */
  secrets: readonly string[];
  /** The app's bot login (`<slug>[bot]`): only its comments and issues count. */
  botLogin: () => Promise<string>;
  now?: () => number;
  /** Waits out secondary rate limits; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Base of runbook links (`NOVA_RUNBOOK_BASE_URL`); default: Nova's published runbooks. */
  runbookBaseUrl?: string | null;
  /** How long an upload waits for the same report being processed before it is answered 409. */
  duplicateWaitMs?: number;
  /**
   * Publishing for one repository runs one at a time under it; across replicas with Redis
   * (`REDIS_URL`). The second then finds the first one's record and answers "duplicate".
   */
  lock?: SharedLock;
  /** Which uploads already got an answer (Redis with `REDIS_URL`, shared by the replicas). */
  uploads?: UploadRecords;
  /** The `gpu.rateLimit` window (Redis with `REDIS_URL`); in this process by default. */
  rateLimiter?: UploadRateLimiter;
  /** Where `settled()` looks for work in flight; shared by the app's workers (see `createNova`). */
  pending?: PendingWork;
}

export interface IngestService {
  receive(upload: RawUpload): Promise<UploadAnswer>;
  /** Resolves when no upload is being processed (tests, shutdown). */
  settled(): Promise<void>;
}

/** `Retry-After` when GitHub did not say (seconds). */
const DEFAULT_RETRY_AFTER = 30;
/** `Retry-After` while `.github/nova.yml` is invalid: over the runner's 300 s, so it keeps the report. */
const INVALID_CONFIG_RETRY_AFTER = 600;

export function createIngestService(options: IngestServiceOptions): IngestService {
  const { app } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepInBackground;
  const duplicateWaitMs = options.duplicateWaitMs ?? 10_000;
  const log = app.log.child({ name: "nova-ingest" });
  const limiter = options.rateLimiter ?? createUploadRateLimiter(now, DEFAULT_CONFIG.gpu.rateLimit);
  // Publishing for one repository runs one at a time (across replicas with Redis).
  const worker = createRepoWorker<never>({
    name: "ingest",
    log,
    lock: options.lock ?? createLocalLock(),
    ...(options.pending ? { pending: options.pending } : {}),
  });
  const uploads = options.uploads ?? createMemoryUploadRecords();
  const running = new Map<string, { hash: string; answer: Promise<UploadAnswer> }>();
  const retry = {
    sleep,
    onRetry: (wait: number) => log.warn({ wait }, "gpu report: secondary rate limit, waiting"),
  };

  /** The answer this upload got before (from any replica), as a duplicate; or a conflict. */
  const answerAgain = async (key: string, hash: string): Promise<UploadAnswer | null> => {
    let known;
    try {
      known = await uploads.get(key);
    } catch (error) {
      // Without the records the comment's marker still tells a duplicate (at a request's cost).
      log.warn({ err: error }, "gpu report: upload records unavailable");
      return null;
    }
    if (!known) return null;
    return known.hash === hash ? asDuplicate(known.answer) : conflict();
  };

  const record = async (key: string, hash: string, answer: UploadAnswer): Promise<void> => {
    try {
      await uploads.put(key, { hash, answer });
    } catch (error) {
      log.warn({ err: error }, "gpu report: could not record the upload");
    }
  };

  /** Configuration → rate limit → publish, for one repository at a time. */
  const publish = async (
    repo: { owner: string; repo: string },
    installationId: number,
    report: GpuReport,
    hash: string,
  ): Promise<UploadAnswer> => {
    const repoLog = log.child({ repository: `${repo.owner}/${repo.repo}`, report: report.id });
    try {
      const octokit = await app.auth(installationId);
      const port = createOctokitPort(octokit, repo, retry);
      const parsed = parseConfig(await port.readConfig());
      if (!parsed.ok) {
        repoLog.warn({ problems: parsed.problems.length }, "gpu report waits: nova.yml is invalid");
        return errorAnswer(
          503,
          ".github/nova.yml is invalid; the report is published once it is fixed",
          { retryAfterSeconds: INVALID_CONFIG_RETRY_AFTER },
        );
      }
      const config = parsed.config;
      const wait = await limiter.admit(`${repo.owner}/${repo.repo}`, config.gpu.rateLimit);
      if (wait > 0) return tooMany(wait);
      const result = await publishReport({
        port,
        projects: config.project ? createOctokitProjectPort(octokit, retry) : null,
        repo,
        report,
        hash,
        config,
        botLogin: await options.botLogin(),
        runbookBaseUrl: options.runbookBaseUrl ?? null,
        log: repoLog,
      });
      if (result.kind === "target-missing") return errorAnswer(422, result.message);
      if (result.kind === "conflict") return conflict();
      return publishedAnswer(result.urls, result.duplicate);
    } catch (error) {
      if (!isGitHubFailure(error)) throw error;
      return githubFailed(toGitHubError(error), repoLog);
    }
  };

  const receive = async (upload: RawUpload): Promise<UploadAnswer> => {
    const verified = verifyUpload(upload, options.secrets, Math.floor(now() / 1000));
    if (!verified.ok) return verified.answer;
    const parsed = parseUpload(upload.body, {
      repository: verified.repository,
      idempotencyKey: upload.idempotencyKey,
    });
    if (!parsed.ok) return parsed.answer;
    const { report, hash } = parsed;
    const [owner = "", name = ""] = verified.repository.split("/");
    const repo = { owner, repo: name };
    const repoKey = verified.repository.toLowerCase();

    let installationId: number | null;
    try {
      const lookup = createOctokitInstallationLookup(await app.auth(), retry);
      installationId = await lookup.findRepoInstallation(repo);
    } catch (error) {
      if (!isGitHubFailure(error)) throw error;
      return githubFailed(toGitHubError(error), log);
    }
    if (installationId === null)
      return errorAnswer(404, `the app is not installed on ${verified.repository}`);

    const key = `${repoKey}#${report.id}`;
    const before = await answerAgain(key, hash);
    if (before) return before;
    const inFlight = running.get(key);
    if (inFlight) {
      if (inFlight.hash !== hash) return conflict();
      // A real timer, not the injected `sleep` (that one is for GitHub's waits).
      const answer = await Promise.race([
        inFlight.answer,
        sleepInBackground(duplicateWaitMs).then(() => null),
      ]);
      if (answer === null) return errorAnswer(409, "this report is being processed");
      return asDuplicate(answer);
    }
    // With the limit last read for the repository: one over it costs no further request.
    const early = await limiter.check(repoKey);
    if (early > 0) return tooMany(early);
    const id = installationId;
    const answer = worker.exclusive(repoKey, async () => {
      // Another replica may have published it while this one waited for the lock.
      const meanwhile = await answerAgain(key, hash);
      if (meanwhile) return meanwhile;
      const result = await publish(repo, id, report, hash);
      if (result.httpStatus < 300) await record(key, hash, result);
      return result;
    });
    running.set(key, { hash, answer });
    try {
      return await answer;
    } finally {
      running.delete(key);
    }
  };

  return {
    async receive(upload) {
      try {
        return await receive(upload);
      } catch (error) {
        log.error({ err: error }, "gpu report: internal error");
        return errorAnswer(500, "internal error");
      }
    },
    settled: () => worker.settled(),
  };
}

/**
 * A failed request to GitHub (our `GitHubError`, or Octokit's `RequestError`, which carries an
 * HTTP status; a network failure is one with status 500). Anything else is a bug: a 500.
 */
function isGitHubFailure(error: unknown): boolean {
  return (
    error instanceof GitHubError ||
    (typeof error === "object" &&
      error !== null &&
      typeof (error as { status?: unknown }).status === "number")
  );
}

/** The answer for the same report again: what it got the first time, as a duplicate. */
function asDuplicate(answer: UploadAnswer): UploadAnswer {
  if (answer.httpStatus !== 201) return answer;
  return { ...answer, httpStatus: 200, body: { ...answer.body, status: "duplicate" } };
}

function conflict(): UploadAnswer {
  return errorAnswer(422, "this report id was already sent with a different body");
}

function tooMany(waitSeconds: number): UploadAnswer {
  return errorAnswer(429, "too many uploads for this repository", {
    retryAfterSeconds: waitSeconds,
  });
}

/**
 * GitHub did not do what was asked. Unavailable or rate limited → 503 with `Retry-After` (the
 * runner keeps the report and tries again; nothing is recorded as done). Something vanished
 * between reading and writing → 503 soon (the retry observes again). Anything else GitHub
 * refused is not the client's mistake either: 502.
 */
function githubFailed(failure: GitHubError, log: Pick<Logger, "warn">): UploadAnswer {
  log.warn(
    { err: failure, status: failure.status, kind: failure.kind },
    "gpu report: GitHub failed",
  );
  if (failure.transient) {
    return errorAnswer(503, "GitHub is unavailable; try again later", {
      retryAfterSeconds: Math.min(3600, failure.retryAfter ?? DEFAULT_RETRY_AFTER),
    });
  }
  if (failure.kind === "not-found") {
    return errorAnswer(503, "GitHub changed while the report was published; try again", {
      retryAfterSeconds: 5,
    });
  }
  return errorAnswer(502, `GitHub refused: ${failure.message.slice(0, 200)}`);
}
