/**
 * "Ack first, then work" through Probot's real server and the fake GitHub: a delivery is
 * answered before Nova makes any GitHub request for it, whatever GitHub does meanwhile (slow,
 * 503, hanging), and every command is still answered exactly once afterwards.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { parseReplyMarkers } from "../../src/github/hidden-markers.js";
import { deliverWebhook } from "../fake-github/index.js";
import { PLAN, PLAN_PATH } from "../commands/world.js";
import { startNovaServer, type NovaServer } from "./start-nova-server.js";
import { useNovaWorld } from "./use-nova-world.js";

const world = useNovaWorld({ repo: { files: { [PLAN_PATH]: PLAN } } });
let nova: NovaServer | undefined;
let deliveries = 0;

afterEach(async () => {
  world.fake.setOutage(null);
  await nova?.sync.settled();
  await nova?.close();
  nova = undefined;
});

interface Sent {
  commentId: number;
  issue: number;
  status: number;
  /** Requests the fake had answered for this comment when the ack arrived. */
  requestsBeforeAck: number;
}

/** `count` people each comment `/nova help` (five issues, so the spam guard stays out of it). */
function prepareComments(count: number) {
  const issues = Array.from({ length: 5 }, (_, index) =>
    Number(world.repo.addIssue({ title: `Frage ${index + 1}` }).number),
  );
  return Array.from({ length: count }, (_, index) => {
    const issue = issues[index % issues.length]!;
    const payload = world.repo.addComment(issue, "/nova help", { by: `person-${index}` });
    return { issue, payload };
  });
}

/** Delivers every comment at once, over HTTP, as GitHub does. */
async function sendAll(server: NovaServer, comments: ReturnType<typeof prepareComments>) {
  return Promise.all(
    comments.map(async ({ issue, payload }): Promise<Sent> => {
      const status = await deliverWebhook(
        `${server.url}/api/github/webhooks`,
        server.secret,
        "issue_comment.created",
        payload,
        { id: `ack-${++deliveries}` },
      );
      const commentId = payload.comment.id;
      const requestsBeforeAck = world.fake.requests.filter((request) =>
        request.path.includes(`/comments/${commentId}/`),
      ).length;
      return { commentId, issue, status, requestsBeforeAck };
    }),
  );
}

/** How many of Nova's comments answer each command comment (by their reply markers). */
function answersPer(sent: Sent[]): number[] {
  const bot = world.fake.botLogin;
  return sent.map(
    ({ commentId, issue }) =>
      (world.repo.comments(issue) as unknown as Array<{ body: string; user: { login: string } }>)
        .filter((reply) => reply.user.login === bot)
        .filter((reply) => parseReplyMarkers(reply.body, commentId).length > 0).length,
  );
}

describe("acks come before any GitHub request", () => {
  it("a burst of 50 commands against a slow GitHub: all acked first, each answered once", async () => {
    nova = await startNovaServer(world.fake);
    const comments = prepareComments(50);
    // Every answer takes 300 ms: a handler that waited for GitHub would ack after it answered.
    world.fake.setLatency(300);
    const sent = await sendAll(nova, comments);
    world.fake.setLatency(0);
    expect(sent.map((delivery) => delivery.status)).toEqual(sent.map(() => 200));
    expect(sent.filter((delivery) => delivery.requestsBeforeAck > 0)).toEqual([]);

    await nova.sync.settled();
    expect(answersPer(sent)).toEqual(sent.map(() => 1));
    expect(world.fake.violations).toEqual([]);
  });

  it("GitHub hanging: all 50 acked at once (not by the 9 s fallback), answered once after", async () => {
    nova = await startNovaServer(world.fake);
    const comments = prepareComments(50);
    world.fake.setOutage({ hang: true });
    const sent = await sendAll(nova, comments);
    // 200 "ok" from the handlers, not the webhooks library's 202 "still processing" after 9 s.
    expect(sent.map((delivery) => delivery.status)).toEqual(sent.map(() => 200));

    world.fake.setOutage(null);
    await nova.sync.settled();
    expect(answersPer(sent)).toEqual(sent.map(() => 1));
    expect(world.fake.violations).toEqual([]);
  });

  it("GitHub answering 503: all acked, and each command answered once GitHub is back", async () => {
    let recover = () => undefined as void;
    const recovered = new Promise<void>((resolve) => (recover = resolve));
    // Nova's retries wait until GitHub is back (instead of real back-off times).
    nova = await startNovaServer(world.fake, { sleep: () => recovered });
    const comments = prepareComments(8);
    world.fake.setOutage({ status: 503 });
    const sent = await sendAll(nova, comments);
    expect(sent.map((delivery) => delivery.status)).toEqual(sent.map(() => 200));
    // Let the first attempts meet the outage.
    await waitFor(
      () => world.fake.requests.filter((request) => request.status === 503).length >= 8,
    );

    world.fake.setOutage(null);
    recover();
    await nova.sync.settled();
    expect(answersPer(sent)).toEqual(sent.map(() => 1));
    expect(world.fake.violations).toEqual([]);
  });

  it("a redelivery while the first delivery is still queued adds nothing", async () => {
    nova = await startNovaServer(world.fake);
    const [{ issue, payload }] = prepareComments(1) as [ReturnType<typeof prepareComments>[0]];
    world.fake.setOutage({ hang: true });
    const url = `${nova.url}/api/github/webhooks`;
    const statuses = await Promise.all(
      [1, 2, 3].map(() =>
        deliverWebhook(url, nova!.secret, "issue_comment.created", payload, { id: "again" }),
      ),
    );
    expect(statuses).toEqual([200, 200, 200]);
    world.fake.setOutage(null);
    await nova.sync.settled();
    expect(
      answersPer([{ commentId: payload.comment.id, issue, status: 200, requestsBeforeAck: 0 }]),
    ).toEqual([1]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
