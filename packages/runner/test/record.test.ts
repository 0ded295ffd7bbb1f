import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLiveProbeSource } from "../src/probes/create-live-probe-source.js";
import { gpuReportSchema } from "@nova/protocol";
import { loadCaptureSection, loadGpuFixture, loadSynthetic } from "./gpu-fixtures.js";
import { runCli } from "./run-cli.js";

const H100 = "nvidia_gpu_exporter__h100-80gb-hbm3__590.48.01__full-capture.txt";
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "nova-record-"));
  const fixtures = join(root, "answers");
  await mkdir(fixtures);
  await writeFile(
    join(fixtures, "list"),
    loadSynthetic("smi-list_h100-x8.txt").split("\n")[0] + "\n",
  );
  await writeFile(join(fixtures, "version"), loadCaptureSection(H100, "capabilities :: version"));
  await writeFile(
    join(fixtures, "query.csv"),
    loadGpuFixture("h100-80gb-hbm3_590.48.01_query-gpu-allfields_idle.csv"),
  );
  await writeFile(
    join(fixtures, "table"),
    loadGpuFixture("h100-80gb-hbm3_590.48.01_nvidia-smi-table_load.txt"),
  );
  const bin = join(root, "bin");
  await mkdir(bin);
  // A fake nvidia-smi that answers like the H100 of the capture.
  await writeFile(
    join(bin, "nvidia-smi"),
    `#!/bin/sh\ncase "$1" in\n  -L) exec /bin/cat "${fixtures}/list" ;;\n  --version) exec /bin/cat "${fixtures}/version" ;;\n  --query-gpu=*) exec /bin/cat "${fixtures}/query.csv" ;;\n  *) exec /bin/cat "${fixtures}/table" ;;\nesac\n`,
  );
  await chmod(join(bin, "nvidia-smi"), 0o755);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const FILES: Record<string, string> = {
  "/proc/driver/nvidia/version": "proc-driver-version_h100.txt",
  "/etc/os-release": "os-release_dgx-os-7.txt",
  "/proc/sys/kernel/hostname": "",
};

describe("nova-runner record DIR", () => {
  it("saves every probe's raw output, exit code and duration, masked; check --from gives the same result", async () => {
    const dir = join(root, "recording");
    const live = () =>
      createLiveProbeSource({
        // Only the fake nvidia-smi exists: every other tool is "not installed".
        env: { PATH: join(root, "bin") },
        readFile: (path) => {
          const name = FILES[path];
          if (name === undefined)
            return Promise.reject(Object.assign(new Error(path), { code: "ENOENT" }));
          return Promise.resolve(
            name === "" ? "dgx-lab-07\n" : loadSynthetic(name as "os-release_dgx-os-7.txt"),
          );
        },
      });
    const recorded = await runCli(["record", dir, "--json", "--expect-gpus", "1"], {
      createLiveProbes: live,
      writeFile: (path, text) => writeFile(path, text),
    });
    expect(recorded.stderr).toContain(`Aufzeichnung in ${dir} gespeichert.`);
    const report = gpuReportSchema.parse(
      JSON.parse(await readFile(join(dir, "report.json"), "utf8")),
    );

    const list = await readFile(join(dir, "smi-list.stdout"), "utf8");
    expect(list).toBe(
      "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-0000-0000-0000-000000000000)\n",
    );
    expect(await readFile(join(dir, "hostname.stdout"), "utf8")).toBe("nova-host\n");
    const meta = JSON.parse(await readFile(join(dir, "smi-list.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(meta).toMatchObject({
      key: "smi-list",
      command: "nvidia-smi -L",
      exitCode: 0,
      timedOut: false,
      missing: false,
    });
    expect(typeof meta.durationMs).toBe("number");
    expect(JSON.parse(await readFile(join(dir, "df.json"), "utf8"))).toMatchObject({
      missing: true,
    });
    expect(JSON.parse(await readFile(join(dir, "recording.json"), "utf8"))).toMatchObject({
      format: "nova.gpu-recording/v1",
      masked: true,
      options: { expectGpus: 1 },
    });

    const replayed = await runCli(["check", "--from", dir, "--json"]);
    const again = gpuReportSchema.parse(JSON.parse(replayed.stdout));
    const statuses = (r: typeof report) => r.checks.map((check) => [check.id, check.status]);
    expect(statuses(again)).toEqual(statuses(report));
    expect(report.checks.find((check) => check.id === "gpu-kpis")?.status).toBe("pass");
    expect(replayed.code).toBe(recorded.code);
  });
});
