import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { findFreePort } from "../../fake-github/find-free-port.js";

/** Whether Debian's `redis-server` is installed (`.ci/run` installs it). */
export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

if (!hasRedis) {
  console.warn(
    "SKIPPED: redis-server is not installed (apt-get install redis-server); .ci/run installs it.",
  );
}

export interface TestRedis {
  url: string;
  /** A new client; all of them are disconnected by `stop()`. */
  connect(): Redis;
  stop(): void;
}

/** A throwaway `redis-server` on a free loopback port, without persistence. */
export async function startRedis(): Promise<TestRedis> {
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  // Wait until the server answers (it starts in a few milliseconds).
  for (let attempt = 0; ; attempt++) {
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (error) {
      probe.disconnect();
      if (attempt > 100) {
        server.kill();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const clients: Redis[] = [];
  return {
    url,
    connect() {
      const client = new Redis(url, { maxRetriesPerRequest: 3 });
      clients.push(client);
      return client;
    },
    stop() {
      for (const client of clients) client.disconnect();
      server.kill();
    },
  };
}
