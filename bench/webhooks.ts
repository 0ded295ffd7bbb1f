/**
 * `npm run bench:webhooks`: how fast Nova acks a burst of webhooks, measured by the sender.
 *
 * `bench/webhooks-server.ts` runs in a child process: Nova in Probot's real server against the
 * fake GitHub, which answers every request only after 50 ms (a distant GitHub). This process is
 * the sender: 50 signed deliveries at once, 25 pushes that change the checklist and 25
 * `/nova progress` comments, interleaved. Printed: the ack time's p50, p99 and maximum, whether
 * p99 < 100 ms (the target in issue 13), and whether every command was answered exactly once
 * after the work was done. The machine's load average is printed too: on a shared machine the
 * numbers move with it.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { request as httpRequest } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { BenchDelivery } from "./webhooks-server.js";

const TARGET_P99_MS = 100;

const server = spawn(
  process.execPath,
  ["--import", "tsx", fileURLToPath(new URL("./webhooks-server.ts", import.meta.url))],
  { stdio: ["pipe", "pipe", "inherit"] },
);
// The server's JSON lines, in order (a `for await` over readline would close it after one).
const received: string[] = [];
let wake: (() => void) | undefined;
createInterface({ input: server.stdout }).on("line", (line) => {
  if (!line.startsWith("{")) return;
  received.push(line);
  wake?.();
});
let ended = false;
server.once("exit", () => {
  ended = true;
  wake?.();
});
const nextLine = async (): Promise<string> => {
  while (received.length === 0) {
    if (ended) throw new Error("the bench server ended early");
    await new Promise<void>((resolve) => (wake = resolve));
  }
  return received.shift()!;
};

try {
  const { url, warmUps, deliveries } = JSON.parse(await nextLine()) as {
    url: string;
    warmUps: BenchDelivery[];
    deliveries: BenchDelivery[];
  };
  // Plain node:http, a new connection per delivery as GitHub's senders do: the sender's own cost
  // stays small next to what it measures.
  const target = new URL(url);
  const send = (delivery: BenchDelivery) =>
    new Promise<{ event: string; status: number; ms: number }>((resolve, reject) => {
      const start = performance.now();
      const request = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          agent: false,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(delivery.body),
            "x-github-event": delivery.event,
            "x-github-delivery": delivery.id,
            "x-hub-signature-256": delivery.signature,
          },
        },
        (response) => {
          response.resume();
          response.on("end", () =>
            resolve({
              event: delivery.event,
              status: response.statusCode ?? 0,
              ms: performance.now() - start,
            }),
          );
        },
      );
      request.on("error", reject);
      request.end(delivery.body);
    });
  // One delivery of each kind first, alone (what an ack costs without a burst), and their work
  // done, so the burst meets a warm server as GitHub does.
  const alone: Array<{ event: string; ms: number }> = [];
  for (const warmUp of warmUps) alone.push(await send(warmUp));
  server.stdin.write("settle\n");
  await nextLine();
  const load = loadavg()[0]!;
  server.stdin.write("start\n");
  await new Promise((resolve) => setTimeout(resolve, 100)); // the server has read the line
  const burstStart = performance.now();
  const acks = await Promise.all(deliveries.map(send));
  const burstMs = performance.now() - burstStart;
  server.stdin.write("acked\ncount\n");
  const { answers, workMs, ackCpuMs, violations } = JSON.parse(await nextLine()) as {
    answers: number[];
    workMs: number;
    ackCpuMs: number;
    violations: number;
  };

  const times = acks.map((ack) => ack.ms).sort((a, b) => a - b);
  const quantile = (q: number) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const p99 = quantile(0.99);
  const statuses = [...new Set(acks.map((ack) => ack.status))].join(", ");
  const pushes = acks.filter((ack) => ack.event === "push").length;
  const once = answers.filter((count) => count === 1).length;

  console.log(
    `${pushes} pushes + ${acks.length - pushes} /nova commands at once; ` +
      `GitHub answers after 50 ms; load average ${load.toFixed(1)}`,
  );
  console.log(`ack statuses: ${statuses}`);
  console.log(
    `ack time (sender): p50 ${quantile(0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
      `max ${times.at(-1)!.toFixed(1)} ms; all acked after ${burstMs.toFixed(0)} ms`,
  );
  console.log(
    `one delivery alone (first of its kind): ${alone.map((a) => `${a.event} ${a.ms.toFixed(1)} ms`).join(", ")}`,
  );
  // Independent of the machine's load: what receiving the burst cost the server's one core.
  console.log(
    `server CPU from the first delivery to the last ack: ${ackCpuMs.toFixed(0)} ms ` +
      `(${(ackCpuMs / acks.length).toFixed(1)} ms a delivery; includes work started meanwhile)`,
  );
  console.log(`work done ${(workMs / 1000).toFixed(1)} s after the last ack`);
  console.log(
    `commands answered exactly once: ${once}/${answers.length}` +
      (once < answers.length ? ` (replies per command: ${answers.join(",")})` : ""),
  );
  if (violations > 0) console.log(`fake GitHub violations: ${violations}`);
  const met = p99 < TARGET_P99_MS && once === answers.length && statuses === "200";
  console.log(
    `target (p99 < ${TARGET_P99_MS} ms, every command answered once): ${met ? "met" : "NOT met"}`,
  );
} finally {
  server.kill();
}
