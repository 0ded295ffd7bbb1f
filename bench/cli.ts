/**
 * `npm run bench:cli`: cold-start wall time of the installed `nova` command (`node bin/nova.js`,
 * the compiled CLI in lib/, built first by the npm script) on the bundled plan, next to a bare
 * `node` start for scale. Target (issue #14): `nova progress` under 300 ms. Uses hyperfine when
 * it is installed, else times its own runs; prints min and median of BENCH_RUNS (default 10).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CASES: Array<[string, string[]]> = [
  ["node (no script)", ["-e", "0"]],
  ["nova --help", ["bin/nova.js", "--help"]],
  ["nova progress", ["bin/nova.js", "progress"]],
  ["nova progress --format json", ["bin/nova.js", "progress", "--format", "json"]],
  ["nova step-plan --format text", ["bin/nova.js", "step-plan", "--format", "text"]],
  ["nova tasks --format json", ["bin/nova.js", "tasks", "--format", "json"]],
];

function hasHyperfine(): boolean {
  return spawnSync("hyperfine", ["--version"], { stdio: "ignore" }).status === 0;
}

function quote(arg: string): string {
  return /^[\w./=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

if (hasHyperfine()) {
  execFileSync(
    "hyperfine",
    [
      "--warmup",
      "2",
      "--runs",
      String(RUNS),
      "-N",
      ...CASES.map(([, args]) => [process.execPath, ...args].map(quote).join(" ")),
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
} else {
  console.log(`hyperfine not found; timing ${RUNS} runs of each (after one warm-up run).`);
  for (const [name, args] of CASES) {
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
      const elapsed = performance.now() - start;
      if (result.status !== 0) throw new Error(`${name} exited with ${result.status}`);
      if (run > 0) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `${name.padEnd(32)} min ${times[0]!.toFixed(0).padStart(5)} ms   median ${median.toFixed(0).padStart(5)} ms`,
    );
  }
}
