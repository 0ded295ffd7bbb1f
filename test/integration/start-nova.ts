import type { Probot } from "probot";
import type { SyncService } from "../../src/app/workers/sync-service.js";
import { createNova, type NovaOptions } from "../../src/index.js";
import { createTestProbot, type FakeGitHub } from "../fake-github/index.js";

export interface TestNova {
  probot: Probot;
  secret: string;
  service: SyncService;
  /** Delivers an event and waits until every sync it caused (follow-ups too) has finished. */
  receive: (event: Parameters<Probot["receive"]>[0]) => Promise<void>;
}

/**
 * The real app in a Probot instance that talks to the fake GitHub, for integration tests and
 * benchmarks: no reconcile timer, and no real waiting (secondary-limit retries and follow-up
 * runs happen at once).
 */
export async function startNova(fake: FakeGitHub, options: NovaOptions = {}): Promise<TestNova> {
  const { probot, secret } = createTestProbot(fake, { logLevel: "fatal" });
  let service: SyncService | undefined;
  await probot.load(
    createNova({
      reconcile: false,
      sleep: () => Promise.resolve(),
      followUpDelayMs: 0,
      ...options,
      onReady: (ready) => {
        service = ready;
        options.onReady?.(ready);
      },
    }),
  );
  if (!service) throw new Error("Nova did not start its sync service");
  const ready = service;
  return {
    probot,
    secret,
    service: ready,
    async receive(event) {
      await probot.receive(event);
      await ready.settled();
    },
  };
}
