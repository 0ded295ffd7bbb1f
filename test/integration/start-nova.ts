import { pino } from "pino";
import { Probot } from "probot";
import type { SyncService } from "../../src/app/workers/sync-service.js";
import { createNova, type NovaOptions, type NovaServices } from "../../src/index.js";
import {
  createTestProbot,
  getTestPrivateKey,
  type FakeGitHub,
  type TestProbotOptions,
  type WebhookName,
  type WebhookPayload,
} from "../fake-github/index.js";

export interface TestNova extends NovaServices {
  probot: Probot;
  secret: string;
  /** Log records as parsed JSON objects, in order (at `logLevel`). */
  logs: Record<string, unknown>[];
  /** The sync service (the same as `sync`). */
  service: SyncService;
  /** Delivers an event and waits until everything it caused (follow-ups too) has finished. */
  receive: (event: Parameters<Probot["receive"]>[0]) => Promise<void>;
  /**
   * `receive` by name (`push`, or `issues.closed` for the event `issues`) and payload, with a
   * fresh delivery id unless one is given (the same id again is a redelivery).
   */
  deliver<N extends WebhookName>(name: N, payload: WebhookPayload<N>, id?: string): Promise<void>;
}

let deliveries = 0;

/**
 * What every test's Nova starts with: no reconcile or schedule timers (tests call them), and no
 * real waiting (secondary-limit retries and follow-up runs happen at once).
 */
export const TEST_NOVA_OPTIONS = {
  reconcile: false,
  statusSchedule: false,
  sleep: () => Promise.resolve(),
  followUpDelayMs: 0,
} satisfies NovaOptions;

export type TestNovaOptions = NovaOptions & Pick<TestProbotOptions, "logLevel" | "retry">;

/**
 * The real app in a Probot instance that talks to the fake GitHub, for integration tests,
 * benchmarks and scripts: no reconcile timer, and no real waiting (secondary-limit retries and
 * follow-up runs happen at once). The one set-up every such test uses; options override it.
 */
export async function startNova(
  fake: FakeGitHub,
  options: TestNovaOptions = {},
): Promise<TestNova> {
  const { logLevel, retry, ...novaOptions } = options;
  const { probot, secret, logs } = createTestProbot(fake, {
    logLevel: logLevel ?? "fatal",
    ...(retry !== undefined ? { retry } : {}),
  });
  const nova = createNova({ ...TEST_NOVA_OPTIONS, ...novaOptions });
  await probot.load(nova);
  const services = nova.services;
  return {
    ...services,
    probot,
    secret,
    logs,
    service: services.sync,
    async receive(event) {
      await probot.receive(event);
      await services.settled();
    },
    async deliver(name, payload, id = `d-${++deliveries}`) {
      const event = name.split(".")[0];
      await probot.receive({ id, name: event, payload } as Parameters<Probot["receive"]>[0]);
      await services.settled();
    },
  };
}

/**
 * Loads the real app into a Probot whose `on` records every event name it is given (no GitHub
 * needed: nothing is delivered), in the order of registration.
 */
export async function listRegisteredEvents(): Promise<string[]> {
  const probot = new Probot({
    appId: 1,
    privateKey: getTestPrivateKey(),
    secret: "test-secret",
    log: pino({ level: "silent" }),
  });
  const names: string[] = [];
  const on = probot.on.bind(probot) as (events: string | string[], handler: unknown) => void;
  (probot as { on: unknown }).on = (events: string | string[], handler: unknown) => {
    names.push(...[events].flat());
    on(events, handler);
  };
  await probot.load(createNova(TEST_NOVA_OPTIONS));
  return names;
}
