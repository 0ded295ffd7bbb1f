import type { ProbeSource } from "../probes/probe-types.js";

/** Everything the CLI takes from the outside world; main.ts passes the real ones, tests fakes. */
export interface RunnerDeps {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (and NO_COLOR is unset): colour the table. */
  color: boolean;
  now: () => Date;
  randomUUID: () => string;
  /** A fresh live probe source (each run caches its own probes). */
  createLiveProbes: () => ProbeSource;
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  readStdin: () => Promise<string>;
  /** The process's uid (null where there is none), for the default spool directory. */
  uid: number | null;
  home: string;
}
