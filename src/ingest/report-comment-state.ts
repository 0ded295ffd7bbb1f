/**
 * The hidden marker of a sticky GPU report comment: which host it is for, the runs it has shown
 * (newest first: the current one, then the history folded in `<details>`), and the ids of older
 * runs. It is what makes a repeated upload idempotent across restarts: the report id and the
 * hash of its body are recorded here, so Nova finds an earlier result instead of posting again.
 *
 * `<!-- nova:gpu-report data=<percent-encoded JSON> -->`; the JSON is percent-encoded (`-` too),
 * so runner-supplied text in it (the hostname) can never contain `--` or `-->`. Only comments
 * the app's bot wrote are read for this marker.
 */
import { z } from "zod";
import { CHECK_STATUSES, type CheckStatus, type Summary } from "@nova/protocol";
import { parseGpuReportMarker, renderGpuReportMarker } from "../github/hidden-markers.js";

/** Runs a comment shows: the current one and the last 10 before it. */
export const MAX_RUNS = 11;
/** Older report ids a comment remembers (for idempotency) after they left the history. */
export const MAX_SEEN = 100;

/** One run as the comment remembers it. */
export interface RunEntry {
  /** The report id (`Idempotency-Key`). */
  id: string;
  /** The first 32 hex digits of the body's SHA-256: same id, other body → 422. */
  hash: string;
  /** The report's `createdAt`. */
  at: string;
  status: CheckStatus;
  summary: Summary;
  /** The commit the report was about, when one was known. */
  sha: string | null;
}

export interface CommentState {
  /** The host key: the hostname in lower case, "" when the report had none. */
  host: string;
  /** Newest first; `runs[0]` is the report the comment shows in full. */
  runs: RunEntry[];
  /** `<id>:<hash>` of runs that left `runs`, newest first. */
  seen: string[];
}

const countSchema = z.number().int().min(0).max(1000);
const entrySchema = z.object({
  id: z.string().regex(/^[0-9A-Fa-f-]{1,64}$/),
  hash: z.string().regex(/^[0-9a-f]{32}$/),
  at: z.string().max(64),
  status: z.enum(CHECK_STATUSES),
  summary: z.object({
    pass: countSchema,
    warn: countSchema,
    fail: countSchema,
    skip: countSchema,
    unknown: countSchema,
  }),
  sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .nullable(),
});
const stateSchema = z.object({
  v: z.literal(1),
  host: z.string().max(300),
  runs: z.array(entrySchema).min(1).max(MAX_RUNS),
  seen: z
    .array(z.string().regex(/^[0-9A-Fa-f-]{1,64}:[0-9a-f]{32}$/))
    .max(MAX_SEEN)
    .default([]),
});

/** The host key of a report: comments are per host, names compared without case. */
export function hostKey(hostname: string | null): string {
  return (hostname ?? "").trim().toLowerCase();
}

/** The marker for a state. */
export function renderStateMarker(state: CommentState): string {
  return renderGpuReportMarker({ v: 1, host: state.host, runs: state.runs, seen: state.seen });
}

/** The state of a body Nova wrote, or null when it has no (valid) GPU report marker. */
export function parseCommentState(body: string | null | undefined): CommentState | null {
  const raw = parseGpuReportMarker(body);
  if (raw === undefined) return null;
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) return null;
  return { host: parsed.data.host, runs: parsed.data.runs, seen: parsed.data.seen };
}

/** What the state knows of a report id: the hash it was recorded with, or null. */
export function findRecordedHash(state: CommentState, id: string): string | null {
  const run = state.runs.find((entry) => entry.id === id);
  if (run) return run.hash;
  const seen = state.seen.find((entry) => entry.slice(0, entry.lastIndexOf(":")) === id);
  return seen === undefined ? null : seen.slice(seen.lastIndexOf(":") + 1);
}

/** The state after a new run: it becomes `runs[0]`; the oldest runs move to `seen`. */
export function addRun(state: CommentState | null, host: string, run: RunEntry): CommentState {
  const runs = [run, ...(state?.runs ?? [])];
  const kept = runs.slice(0, MAX_RUNS);
  const dropped = runs.slice(MAX_RUNS).map((entry) => `${entry.id}:${entry.hash}`);
  return {
    host: state?.host ?? host,
    runs: kept,
    seen: [...dropped, ...(state?.seen ?? [])].slice(0, MAX_SEEN),
  };
}
