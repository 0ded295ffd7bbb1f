import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { createTestProbot } from "./create-test-probot.js";
import { FakeGitHub } from "./fake-github.js";
import type { WebhookName } from "./webhooks.js";
import {
  adjustWebhookPayload,
  createWebhookPayload,
  deliverWebhook,
  loadWebhookExample,
} from "./webhooks.js";

describe("webhook examples", () => {
  // The events Nova handles (docs/architecture.md); each must have a usable example.
  const names: WebhookName[] = [
    "push",
    "installation.created",
    "installation_repositories.added",
    "issues.opened",
    "issues.closed",
    "issues.reopened",
    "issue_comment.created",
    "pull_request.closed",
  ];

  it.each(names)("loads %s with its action", (name) => {
    const payload = loadWebhookExample(name) as Record<string, unknown>;
    const action = name.split(".")[1];
    if (action !== undefined) expect(payload.action).toBe(action);
    expect(payload.sender).toBeDefined();
  });

  it("returns a copy, so adjusting one payload cannot leak into the next", () => {
    const first = loadWebhookExample("issues.opened");
    first.issue.title = "changed";
    expect(loadWebhookExample("issues.opened").issue.title).not.toBe("changed");
  });

  it("adjusts repository (URLs included), installation, sender and commits", () => {
    const example = loadWebhookExample("push", (p) => String(p.ref).startsWith("refs/heads/"));
    const payload = adjustWebhookPayload(example, {
      owner: "acme",
      repo: "plan",
      installationId: 42,
      sender: { login: "jana", id: 7, type: "User" },
      commits: [
        {
          id: "a".repeat(40),
          tree_id: "b".repeat(40),
          message: "Plan",
          timestamp: "2025-01-06T09:00:00Z",
          author: { name: "Jana", email: "jana@example.com" },
          committer: { name: "Jana", email: "jana@example.com" },
          added: ["docs/plan.md"],
          removed: [],
          modified: [],
        },
      ],
    });
    expect(payload.repository).toMatchObject({
      name: "plan",
      full_name: "acme/plan",
      owner: { login: "acme" },
      html_url: "https://github.com/acme/plan",
    });
    expect(JSON.stringify(payload)).not.toContain(example.repository.full_name);
    expect(payload.repository.owner?.url).toBe("https://api.github.com/users/acme");
    expect(payload.sender?.html_url).toBe("https://github.com/jana");
    expect(payload.installation).toMatchObject({ id: 42 });
    expect(payload.sender).toMatchObject({ login: "jana", id: 7 });
    expect(payload.head_commit).toMatchObject({ id: "a".repeat(40), added: ["docs/plan.md"] });
  });
});

describe("deliverWebhook", () => {
  let fake: FakeGitHub;
  let probot: Probot;
  let secret: string;
  let server: Server;
  let url: string;
  const received: { name: string; action: unknown; repo: unknown; installation: unknown }[] = [];

  beforeAll(async () => {
    fake = await FakeGitHub.start();
    ({ probot, secret } = createTestProbot(fake));
    await probot.load((app: Probot) => {
      app.onAny((event) => {
        const payload = event.payload as Record<string, { full_name?: string; id?: number }>;
        received.push({
          name: event.name,
          action: payload.action,
          repo: payload.repository?.full_name,
          installation: payload.installation?.id,
        });
      });
    });
    const middleware = await probot.getNodeMiddleware();
    server = createServer((request, response) => {
      void middleware(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  });

  it("signs deliveries so Probot accepts them, and Probot rejects a wrong secret", async () => {
    const repo = fake.seedRepo({ owner: "acme", name: "plan", installationId: 42 });
    const payload = repo.addComment(
      repo.tracker.createIssue({ title: "t", user: fake.state.user("jana") }).number,
      "/nova progress",
      { by: "jana" },
    );
    expect(await deliverWebhook(url, secret, "issue_comment.created", payload, { id: "d-1" })).toBe(
      200,
    );
    expect(
      await deliverWebhook(url, "wrong", "issue_comment.created", payload, { id: "d-2" }),
    ).toBeGreaterThanOrEqual(400);
    const other = createWebhookPayload("issues.opened", {
      owner: "acme",
      repo: "plan",
      installationId: 42,
    });
    expect(await deliverWebhook(url, secret, "issues.opened", other, { id: "d-3" })).toBe(200);
    expect(received).toEqual([
      { name: "issue_comment", action: "created", repo: "acme/plan", installation: 42 },
      { name: "issues", action: "opened", repo: "acme/plan", installation: 42 },
    ]);
  });
});
