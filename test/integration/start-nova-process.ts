import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findFreePort } from "../fake-github/find-free-port.js";
import { getTestPrivateKey, type FakeGitHub } from "../fake-github/index.js";

/** The webhook secret of the child process. */
export const CHILD_WEBHOOK_SECRET = "child-webhook-secret-0123456789abcdef";

export interface NovaProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** Every line the process wrote (stdout and stderr), as written. */
  lines: string[];
  /** Resident set size now and its peak since start (or since `resetPeak`), in bytes (Linux). */
  memory(): { rss: number; peak: number };
  /** Starts measuring the peak afresh (`/proc/<pid>/clear_refs`). */
  resetPeak(): void;
  /** SIGKILL: no shutdown, no goodbye. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const tsx = pathToFileURL(
  fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url)),
).href;

/**
 * Nova as `npm start` runs it (src/main.ts: Probot's `run()`, the production Octokit with
 * retries and throttling), in a child process that talks to the fake GitHub as a GitHub
 * Enterprise Server (`GHE_HOST`); the fake lives in the test process, so its state outlives
 * the child. Resolves once the server listens.
 */
export async function startNovaProcess(
  fake: FakeGitHub,
  env: Record<string, string> = {},
): Promise<NovaProcess> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", tsx, main], {
    env: {
      PATH: process.env.PATH ?? "",
      APP_ID: String(fake.state.app.id),
      PRIVATE_KEY: getTestPrivateKey(),
      WEBHOOK_SECRET: CHILD_WEBHOOK_SECRET,
      GHE_HOST: new URL(fake.url).host,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const listening = new Promise<void>((resolve, reject) => {
    const collect = (stream: NodeJS.ReadableStream | null) => {
      let rest = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop() ?? "";
        for (const line of parts) {
          lines.push(line);
          if (line.includes("Listening on")) resolve();
        }
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    void exit.then(() => reject(new Error(`Nova exited before listening:\n${lines.join("\n")}`)));
  });
  await listening;
  const pid = child.pid!;
  const status = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return Number(match?.[1] ?? 0) * 1024;
  };
  const end = async (signal: NodeJS.Signals) => {
    if (exited) return;
    child.kill(signal);
    await exit;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    lines,
    memory: () => ({ rss: status("VmRSS"), peak: status("VmHWM") }),
    resetPeak: () => {
      // "5" resets the peak resident set size to the current one (Linux ≥ 4.0).
      writeFileSync(`/proc/${pid}/clear_refs`, "5");
    },
    kill: () => end("SIGKILL"),
    stop: () => end("SIGTERM"),
  };
}
