import { createServer } from "node:net";

/**
 * A loopback port the OS just handed out. Probot's `Server` treats port 0 as "use 3000", so tests
 * that start a server choose the port here; the short window before it is bound is harmless on
 * loopback.
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
