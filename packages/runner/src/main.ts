#!/usr/bin/env node
/**
 * The `nova-runner` command: wires the real process to `runRunnerCli`. esbuild bundles it with
 * the protocol package into one self-contained dist/nova-runner.mjs (`npm run build` here,
 * `npm run build:runner` at the root): the package's `bin` and the file to copy onto the DGX.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runRunnerCli } from "./cli/run-runner-cli.js";
import { createLiveProbeSource } from "./probes/create-live-probe-source.js";

const code = await runRunnerCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  now: () => new Date(),
  randomUUID,
  createLiveProbes: () => createLiveProbeSource(),
  fetch: globalThis.fetch,
  sleep: async (ms) => {
    await sleep(ms);
  },
  random: Math.random,
  readFile: (path) => readFile(path, "utf8"),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  uid: typeof process.getuid === "function" ? process.getuid() : null,
  home: homedir(),
});
process.exitCode = code;
