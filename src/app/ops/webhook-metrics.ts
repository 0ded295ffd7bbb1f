import type { Probot } from "probot";
import type { NovaMetrics, WebhookOutcome } from "./metrics.js";

interface Delivery {
  expected: number;
  settled: number;
  failed: boolean;
  handled: boolean;
  started: number;
}

interface EventLike {
  id: string;
  name: string;
  payload: unknown;
}

type Listener = (context: EventLike) => unknown;

/**
 * Counts every webhook delivery by event, action and outcome and times Nova's handlers for it.
 *
 * Call it first in the app function: it replaces `app.on` with a version that wraps each handler,
 * and listens to every event itself so deliveries no handler wants count as `ignored`.
 * `@octokit/webhooks` runs all handlers of one delivery (those for `name`, `name.action` and
 * `*`) concurrently; counting the registrations tells how many will settle, so the delivery is
 * recorded exactly once, when the last one has.
 */
export function instrumentWebhooks(
  app: Pick<Probot, "on" | "onAny">,
  metrics: NovaMetrics,
  now: () => number = () => performance.now(),
): void {
  const registered = new Map<string, number>();
  const deliveries = new Map<string, Delivery>();
  const expectedFor = (name: string, action: string | undefined) =>
    (registered.get(name) ?? 0) +
    (action ? (registered.get(`${name}.${action}`) ?? 0) : 0) +
    (registered.get("*") ?? 0);

  const track = async (context: EventLike, listener: Listener, counts: boolean) => {
    const action = actionOf(context.payload);
    const key = `${context.name}:${context.id}`;
    let delivery = deliveries.get(key);
    if (!delivery) {
      delivery = {
        expected: expectedFor(context.name, action),
        settled: 0,
        failed: false,
        handled: false,
        started: now(),
      };
      deliveries.set(key, delivery);
    }
    if (counts) delivery.handled = true;
    try {
      await listener(context);
    } catch (error) {
      delivery.failed = true;
      throw error;
    } finally {
      delivery.settled++;
      if (delivery.settled >= delivery.expected) {
        deliveries.delete(key);
        const outcome: WebhookOutcome = delivery.failed
          ? "failed"
          : delivery.handled
            ? "handled"
            : "ignored";
        metrics.webhookEvents.inc({ event: context.name, action: action ?? "", outcome });
        if (delivery.handled) {
          metrics.handlerDuration.observe(
            { event: context.name },
            (now() - delivery.started) / 1000,
          );
        }
      }
    }
  };

  const on = app.on.bind(app) as (names: string | string[], listener: Listener) => void;
  const onAny = app.onAny.bind(app) as (listener: Listener) => void;
  const register = (name: string) => registered.set(name, (registered.get(name) ?? 0) + 1);

  register("*");
  onAny((context) => track(context, () => undefined, false));
  (app as { on: unknown }).on = (names: string | string[], listener: Listener) => {
    for (const name of Array.isArray(names) ? names : [names]) register(name);
    on(names, (context) => track(context, listener, true));
  };
}

function actionOf(payload: unknown): string | undefined {
  const action = (payload as { action?: unknown } | null)?.action;
  return typeof action === "string" ? action : undefined;
}
