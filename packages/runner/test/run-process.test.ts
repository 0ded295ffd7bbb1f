import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLiveProbeSource } from "../src/probes/create-live-probe-source.js";
import { PROBES } from "../src/probes/probe-catalog.js";
import { runProcess } from "../src/probes/run-process.js";

let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), "nova-fake-bin-"));
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const path = join(bin, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/** Alive and not a zombie (a killed child of a killed shell waits for init to reap it). */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return stat !== "" && !/^\d+ \(.*\) Z /.test(stat);
}

async function waitUntil(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe("runProcess", () => {
  it("kills a hanging nvidia-smi at the timeout, its children too", async () => {
    const pids = join(bin, "hang.pids");
    // Like a wedged driver: the tool and a helper it started both hang.
    await script("nvidia-smi", `sleep 600 &\necho $! > "${pids}"\necho $$ >> "${pids}"\nwait`);
    const started = Date.now();
    const outcome = await runProcess(["nvidia-smi", "-L"], {
      // Long enough for a loaded CI machine to start the script and write the pids.
      timeoutMs: 1500,
      killGraceMs: 200,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` },
    });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    const [child, shell] = (await readFile(pids, "utf8")).trim().split("\n").map(Number);
    expect(
      await waitUntil(async () => !(await isAlive(child!)) && !(await isAlive(shell!)), 2000),
    ).toBe(true);
  });

  it("escalates to SIGKILL when the process ignores SIGTERM", async () => {
    const path = await script("stubborn", `trap '' TERM\nsleep 600 &\nwait\nwait`);
    const outcome = await runProcess([path], { timeoutMs: 200, killGraceMs: 200 });
    expect(outcome.timedOut).toBe(true);
  });

  it("runs with LC_ALL=C and returns output and exit code", async () => {
    const path = await script("locale", 'echo "LC_ALL=$LC_ALL LANG=$LANG"\necho oops >&2\nexit 3');
    const outcome = await runProcess([path], {
      timeoutMs: 5000,
      env: { ...process.env, LC_ALL: "de_DE.UTF-8" },
    });
    expect(outcome).toMatchObject({
      stdout: "LC_ALL=C LANG=C\n",
      stderr: "oops\n",
      exitCode: 3,
      timedOut: false,
      missing: false,
    });
  });

  it("reports a missing binary instead of throwing", async () => {
    const outcome = await runProcess(["nova-no-such-binary-xyz"], { timeoutMs: 1000 });
    expect(outcome).toMatchObject({ missing: true, exitCode: null, timedOut: false });
  });
});

describe("live probes", () => {
  it("runs each probe once, even when two checks ask", async () => {
    const counter = join(bin, "count");
    await script("nvidia-smi", `echo x >> "${counter}"\necho "GPU 0: NVIDIA GB10 (UUID: GPU-1)"`);
    const probes = createLiveProbeSource({
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` },
    });
    const [first, second] = await Promise.all([
      probes.run(PROBES.smiList),
      probes.run(PROBES.smiList),
    ]);
    expect(first).toBe(second);
    expect(first?.stdout).toBe("GPU 0: NVIDIA GB10 (UUID: GPU-1)\n");
    expect(await readFile(counter, "utf8")).toBe("x\n");
  });

  it("reads files, and a missing file is missing", async () => {
    const probes = createLiveProbeSource();
    const missing = await probes.run({
      kind: "file",
      key: "dgx-release",
      path: join(bin, "no-such-file"),
    });
    expect(missing).toMatchObject({
      missing: true,
      exitCode: 1,
      command: `read ${join(bin, "no-such-file")}`,
    });
  });
});
