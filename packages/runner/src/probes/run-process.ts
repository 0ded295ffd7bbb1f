import { spawn } from "node:child_process";

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** The binary was not found (ENOENT) or could not be executed (EACCES). */
  missing: boolean;
}

export interface RunProcessOptions {
  timeoutMs: number;
  /** After SIGTERM to the process group, how long before SIGKILL. */
  killGraceMs?: number;
  /** Output beyond this many bytes per stream is dropped (a kernel log can be large). */
  maxOutputBytes?: number;
  /** The environment; `LC_ALL=C` and `LANG=C` are always set on top of it. */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

const DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024;

/**
 * Runs a command with `LC_ALL=C` and a timeout, and never throws.
 *
 * The child gets its own process group (`detached`), and on timeout the whole group is killed
 * (SIGTERM, then SIGKILL after a grace period): a wedged GPU makes `nvidia-smi` hang in the
 * kernel, and a wrapper script's children would otherwise outlive it and keep the pipes open.
 */
export function runProcess(
  argv: readonly string[],
  options: RunProcessOptions,
): Promise<ProcessOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  const [file, ...args] = argv;
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const graceMs = options.killGraceMs ?? 2000;
  return new Promise((resolve) => {
    if (file === undefined) {
      resolve(missingOutcome("empty command", 0));
      return;
    }
    const child = spawn(file, args, {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...(options.env ?? process.env), LC_ALL: "C", LANG: "C" },
    });
    const stdout = collect(child.stdout, maxBytes);
    const stderr = collect(child.stderr, maxBytes);
    let timedOut = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];

    const finish = (outcome: ProcessOutcome): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      resolve(outcome);
    };
    const outcome = (): ProcessOutcome => ({
      exitCode: timedOut ? null : (exit?.code ?? null),
      signal: exit?.signal ?? null,
      stdout: stdout.text(),
      stderr: stderr.text(),
      durationMs: Math.max(0, Math.round(now() - started)),
      timedOut,
      missing: false,
    });

    child.on("error", (error: NodeJS.ErrnoException) => {
      const missing = error.code === "ENOENT" || error.code === "EACCES";
      if (missing) finish(missingOutcome(`${file}: ${error.code}`, now() - started));
      else finish({ ...outcome(), exitCode: null, stderr: `${stderr.text()}${error.message}` });
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
    });
    // "close" waits until stdout and stderr are drained, so no output is lost.
    child.on("close", () => finish(outcome()));

    timers.push(
      setTimeout(() => {
        timedOut = true;
        killGroup(child.pid, "SIGTERM");
        timers.push(
          setTimeout(() => {
            killGroup(child.pid, "SIGKILL");
            // A grandchild that left the group can keep a pipe open: stop waiting for it.
            timers.push(
              setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(outcome());
              }, 500),
            );
          }, graceMs),
        );
      }, options.timeoutMs),
    );
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // A negative pid addresses the process group the detached child leads.
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function missingOutcome(message: string, durationMs: number): ProcessOutcome {
  return {
    exitCode: null,
    signal: null,
    stdout: "",
    stderr: message,
    durationMs: Math.max(0, Math.round(durationMs)),
    timedOut: false,
    missing: true,
  };
}

function collect(stream: NodeJS.ReadableStream, maxBytes: number): { text(): string } {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    if (size >= maxBytes) return;
    const room = maxBytes - size;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(kept);
    size += kept.length;
  });
  return { text: () => Buffer.concat(chunks).toString("utf8") };
}
