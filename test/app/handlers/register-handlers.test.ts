import { describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Probot } from "probot";
import { createNova } from "../../../src/index.js";
import { getTestPrivateKey } from "../../fake-github/index.js";

/** Loads the real app into a Probot whose `on` records every event name it is given. */
async function recordRegistrations(): Promise<string[]> {
  const probot = new Probot({
    appId: 1,
    privateKey: getTestPrivateKey(),
    secret: "test-secret",
    log: pino({ level: "silent" }),
  });
  const names: string[] = [];
  const on = probot.on.bind(probot);
  probot.on = ((events: string | string[], handler: never) => {
    names.push(...[events].flat());
    return on(events as never, handler);
  }) as typeof probot.on;
  await probot.load(createNova({ reconcile: false, statusSchedule: false }));
  return names;
}

describe("the webhook handlers", () => {
  it("register every event once: one handler per event hands the jobs of all its use-cases", async () => {
    const names = await recordRegistrations();
    const twice = names.filter((name, index) => names.indexOf(name) !== index);
    expect(twice).toEqual([]);
    expect([...names].sort()).toEqual([
      "installation.created",
      "installation_repositories.added",
      "issue_comment.created",
      "issues.assigned",
      "issues.closed",
      "issues.reopened",
      "issues.unassigned",
      "pull_request.closed",
      "pull_request.opened",
      "pull_request.reopened",
      "pull_request.synchronize",
      "push",
    ]);
  });
});
