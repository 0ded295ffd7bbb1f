import { readFile } from "node:fs/promises";
import { describeFetchError, isTimeoutError } from "../describe-fetch-error.js";
import { runProcess, type RunProcessOptions } from "./run-process.js";
import { describeSpec, type ProbeResult, type ProbeSource, type ProbeSpec } from "./probe-types.js";

export interface LiveProbeDeps {
  runProcess?: typeof runProcess;
  readFile?: (path: string) => Promise<string>;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Passed to every command (tests put a fake `nvidia-smi` first on PATH). */
  env?: NodeJS.ProcessEnv;
  killGraceMs?: RunProcessOptions["killGraceMs"];
}

/**
 * Probes the machine this process runs on. Each key runs at most once per source: several
 * checks read `nvidia-smi -L`, and a second call must not cost a second timeout on a hung GPU.
 */
export function createLiveProbeSource(deps: LiveProbeDeps = {}): ProbeSource {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, Promise<ProbeResult>>();
  const probe = async (spec: ProbeSpec): Promise<ProbeResult> => {
    const started = now();
    const base = { key: spec.key, command: describeSpec(spec) };
    switch (spec.kind) {
      case "command": {
        const outcome = await (deps.runProcess ?? runProcess)(spec.argv, {
          timeoutMs: spec.timeoutMs,
          now,
          ...(deps.env === undefined ? {} : { env: deps.env }),
          ...(deps.killGraceMs === undefined ? {} : { killGraceMs: deps.killGraceMs }),
        });
        return {
          ...base,
          exitCode: outcome.exitCode,
          durationMs: outcome.durationMs,
          timedOut: outcome.timedOut,
          missing: outcome.missing,
          stdout: outcome.stdout,
          stderr: outcome.stderr,
        };
      }
      case "file":
        try {
          const text = await (deps.readFile ?? ((path) => readFile(path, "utf8")))(spec.path);
          return {
            ...base,
            ...done(started, now),
            exitCode: 0,
            missing: false,
            stdout: text,
            stderr: "",
          };
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const missing = code === "ENOENT" || code === "ENOTDIR";
          return {
            ...base,
            ...done(started, now),
            exitCode: 1,
            missing,
            stdout: "",
            stderr: String(code ?? error),
          };
        }
      case "http":
        try {
          const response = await (deps.fetch ?? globalThis.fetch)(spec.url, {
            signal: AbortSignal.timeout(spec.timeoutMs),
          });
          const body = (await response.text()).slice(0, 1024);
          return {
            ...base,
            ...done(started, now),
            exitCode: 0,
            missing: false,
            stdout: `HTTP ${response.status}\n${body}`,
            stderr: "",
          };
        } catch (error) {
          const timedOut = isTimeoutError(error);
          return {
            ...base,
            ...done(started, now),
            exitCode: null,
            timedOut,
            missing: false,
            stdout: "",
            stderr: describeFetchError(error),
          };
        }
    }
  };
  return {
    run(spec) {
      let pending = cache.get(spec.key);
      if (pending === undefined) {
        pending = probe(spec);
        cache.set(spec.key, pending);
      }
      return pending;
    },
  };
}

function done(started: number, now: () => number): { durationMs: number; timedOut: false } {
  return { durationMs: Math.max(0, Math.round(now() - started)), timedOut: false };
}
