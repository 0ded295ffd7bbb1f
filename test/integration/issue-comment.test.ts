/**
 * `/nova …` through the real Probot app against the fake GitHub: real `issue_comment.created`
 * payloads (from `@octokit/webhooks-examples`, via the fake's `addComment`), every request
 * validated against GitHub's OpenAPI description.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Probot } from "probot";
import { ZERO_WIDTH_JOINER } from "../../src/render/escape-markdown.js";
import { deliverWebhook, type RepositoryRole, type WebhookPayload } from "../fake-github/index.js";
import { inProcess, useNovaWorld } from "./use-nova-world.js";
import { PLAN, PLAN_PATH } from "../commands/world.js";

/** The fake's clock starts at Monday 2025-01-06 09:00 UTC; Nova's "today" is that day. */
const NOW = Date.parse("2025-01-06T09:00:00Z");

const world = useNovaWorld({
  repo: { private: true, files: { [PLAN_PATH]: PLAN } },
  nova: inProcess({ now: () => NOW }),
});
/** The issue people comment on (a human's question). */
let question: number;

beforeEach(() => {
  question = Number(world.repo.addIssue({ title: "Wo stehen wir?" }).number);
  world.repo.setPermission("reader", "read");
  world.repo.setPermission("writer", "write");
});

/** Comments as `by` and delivers the real webhook; returns the comment id. */
async function comment(
  body: string,
  options: { by?: string; issue?: number; adjust?: (payload: CommentPayload) => void } = {},
): Promise<number> {
  const payload = world.repo.addComment(options.issue ?? question, body, {
    by: options.by ?? "reader",
  });
  options.adjust?.(payload);
  await receive(payload);
  return payload.comment.id;
}

type CommentPayload = WebhookPayload<"issue_comment.created">;

const receive = (payload: CommentPayload, id?: string) =>
  world.nova.deliver("issue_comment", payload, id);

interface CommentJson {
  id: number;
  body: string;
  user: { login: string };
}

/** Nova's replies on an issue. */
function replies(issue = question): CommentJson[] {
  return (world.repo.comments(issue) as unknown as CommentJson[]).filter(
    (reply) => reply.user.login === world.fake.botLogin,
  );
}

function lastReply(issue = question): string {
  const reply = replies(issue).at(-1);
  if (!reply) throw new Error("no reply");
  return reply.body;
}

function permissionRequests() {
  return world.fake.requests.filter((request) =>
    /\/collaborators\/[^/]+\/permission$/.test(request.path),
  );
}

function reactionsOn(commentId: number): string[] {
  return world.repo.tracker.reactions
    .filter((reaction) => reaction.commentId === commentId)
    .map((reaction) => reaction.content);
}

/** Creates the task issues the way Nova does: `/nova sync` by an admin. */
async function syncTasks(): Promise<void> {
  world.repo.setPermission("root", "admin");
  await comment("/nova sync", { by: "root", issue: question });
}

/** GitHub's issue JSON of a task (by its marker). */
function taskIssue(taskId: string): { number: number; body: string; html_url: string } {
  const issue = world.repo
    .issues()
    .find((candidate) => String(candidate.body).includes(`<!-- nova:task id=${taskId} -->`));
  if (!issue) throw new Error(`no issue for ${taskId}`);
  return issue as { number: number; body: string; html_url: string };
}

afterEach(() => {
  expect(world.fake.violations).toEqual([]);
});

describe("each command and alias", () => {
  const cases: Array<[string, string]> = [
    ["/nova progress", "## Fortschritt"],
    ["/nova fortschritt", "## Fortschritt"],
    ["/nova step-plan", "## Schrittplan"],
    ["/nova schrittplan", "## Schrittplan"],
    ["/nova summary", "## Zusammenfassung"],
    ["/nova zusammenfassung", "## Zusammenfassung"],
    ["/nova help", "## Nova-Befehle"],
    ["/nova hilfe", "## Nova-Befehle"],
    ["/nova sync", "## Abgleich"],
    ["/nova abgleich", "## Abgleich"],
  ];
  it.each(cases)("%s", async (body, heading) => {
    const id = await comment(body, { by: "writer" });
    expect(replies()).toHaveLength(1);
    expect(lastReply().startsWith(heading)).toBe(true);
    expect(lastReply().endsWith(`\n<!-- nova:reply comment=${id} command=1 -->\n`)).toBe(true);
    expect(reactionsOn(id)).toEqual(["eyes", "rocket"]);
  });

  it("the requests: 👀, replies lookup, config, permission, reads, reply, 🚀", async () => {
    await syncTasks();
    const mark = world.fake.requests.length;
    const id = await comment("/nova progress");
    const calls = world.fake.requests
      .slice(mark)
      .filter((request) => !request.path.startsWith("/app"))
      .map((request) => `${request.method} ${request.path}`);
    expect(calls).toEqual([
      `POST /repos/acme/dgx/issues/comments/${id}/reactions`,
      `GET /repos/acme/dgx/issues/${question}/comments`,
      // Probot's config loader: the repository's file, then the organisation's `.github` repo.
      "GET /repos/acme/dgx/contents/.github/nova.yml",
      "GET /repos/acme/.github/contents/.github/nova.yml",
      "GET /repos/acme/dgx/collaborators/reader/permission",
      `GET /repos/acme/dgx/contents/${PLAN_PATH}`,
      "GET /repos/acme/dgx/issues",
      `POST /repos/acme/dgx/issues/${question}/comments`,
      `POST /repos/acme/dgx/issues/comments/${id}/reactions`,
    ]);
  });

  it("/nova sync creates the task issues and lists them in the reply", async () => {
    await syncTasks();
    expect(
      world.repo.issues().filter((issue) => String(issue.body).includes("nova:task")),
    ).toHaveLength(4);
    expect(lastReply()).toContain("**Angelegt**");
    expect(lastReply()).toContain("DGX Setup");
  });

  it("replies reflect live state: a closed issue counts as done, write-back pending", async () => {
    await syncTasks();
    world.repo.closeIssue(taskIssue("setup").number);
    await comment("/nova summary --limit 2 --lang en");
    const reply = lastReply();
    expect(reply).toContain("**2 of 4 tasks done**");
    expect(reply).toContain(
      `- [DGX Setup](${taskIssue("setup").html_url}) · 2025-01-06 · ✏️ checklist not yet updated`,
    );
    // No write-back pull request yet (one read of the branch's pull requests found none).
    expect(reply).toContain(
      "Nova updates the boxes with a checklist pull request (branch `nova/checklist`); until then, the state on GitHub is what counts.",
    );
  });

  it("on a task's own issue, /nova progress shows its dependencies and what it blocks", async () => {
    await syncTasks();
    const own = taskIssue("treiber");
    await comment("/nova progress", { issue: own.number });
    const reply = lastReply(own.number);
    expect(reply).toContain("### Diese Aufgabe: Treiber installieren");
    expect(reply).toContain(
      `**Hängt ab von:**\n\n- ⬜ [DGX Setup](${taskIssue("setup").html_url})`,
    );
    expect(reply).toContain(
      `**Blockiert:**\n\n- ⬜ [Monitoring](${taskIssue("monitoring").html_url})`,
    );
  });

  it("step-plan for one role, with the gantt chart", async () => {
    await comment('/nova step-plan --role "Betrieb"');
    expect(lastReply()).toContain("## Schrittplan: Betrieb");
    expect(lastReply()).toContain("```mermaid");
    expect(lastReply()).not.toContain("### Plattform");
  });

  it("help shows the effective config", async () => {
    world.repo.setFile(
      "main",
      ".github/nova.yml",
      "language: en\nlabels:\n  prefix: spark\nproject:\n  owner: acme\n  number: 7\ncommands:\n  permissions:\n    help: triage\n",
    );
    await comment("/nova help", { by: "writer" });
    const reply = lastReply();
    expect(reply).toContain("## Nova commands");
    expect(reply).toContain("| Label prefix | spark |");
    // `#7` would link issue 7 of this repository: the joiner keeps it text.
    expect(reply).toContain(`| Project board | acme #${ZERO_WIDTH_JOINER}7`);
    expect(reply).toContain(`| Checklist | ${PLAN_PATH} |`);
    expect(reply).toMatch(/`help`<br>German alias: `hilfe` \| .* \| `triage` or higher \|/);
  });
});

describe("permissions through the collaborator-permission API", () => {
  const levels: RepositoryRole[] = ["admin", "maintain", "write", "triage", "read", "none"];
  it.each(levels)("/nova sync as %s (needs write)", async (level) => {
    world.repo.setPermission("pat", level);
    const id = await comment("/nova sync", { by: "pat" });
    const allowed = level === "admin" || level === "maintain" || level === "write";
    expect(reactionsOn(id)).toEqual(allowed ? ["eyes", "rocket"] : ["eyes", "-1"]);
    if (!allowed) {
      expect(lastReply()).toContain(
        `👎 \`/nova sync\` braucht mindestens die Berechtigung \`write\` in diesem Repository; du hast \`${level}\`.`,
      );
      expect(world.repo.issues()).toHaveLength(1);
    } else {
      expect(world.repo.issues()).toHaveLength(7); // the question, 4 tasks and 2 section issues;
    }
  });

  it.each(levels)("/nova progress as %s (needs read)", async (level) => {
    world.repo.setPermission("pat", level);
    const id = await comment("/nova progress", { by: "pat" });
    expect(reactionsOn(id)).toEqual(level === "none" ? ["eyes", "-1"] : ["eyes", "rocket"]);
  });

  it("the permission API answering 404 denies (fail closed)", async () => {
    world.fake.failNext({
      method: "GET",
      path: /\/collaborators\/[^/]+\/permission$/,
      status: 404,
    });
    const id = await comment("/nova progress", { by: "writer" });
    expect(reactionsOn(id)).toEqual(["eyes", "-1"]);
    expect(lastReply()).toContain("ließ sich nicht prüfen");
  });

  it("one 5xx from the permission API is asked again once, after a short pause", async () => {
    world.fake.failNext({
      method: "GET",
      path: /\/collaborators\/[^/]+\/permission$/,
      status: 502,
    });
    const id = await comment("/nova progress", { by: "writer" });
    expect(reactionsOn(id)).toEqual(["eyes", "rocket"]);
    expect(permissionRequests()).toHaveLength(2);
  });

  it("a permission API that keeps answering 5xx: denied at once, retry plugin on as in production", async () => {
    // Probot's retry plugin would ask four times with 1 + 4 + 9 s between (about 17 s).
    await world.restart(inProcess({ now: () => NOW, retry: true }));
    world.fake.failNext({
      method: "GET",
      path: /\/collaborators\/[^/]+\/permission$/,
      status: 503,
      times: 10,
    });
    const started = Date.now();
    const id = await comment("/nova progress", { by: "writer" });
    expect(reactionsOn(id)).toEqual(["eyes", "-1"]);
    expect(lastReply()).toContain("ließ sich nicht prüfen");
    expect(lastReply()).toContain("noch einmal");
    expect(permissionRequests()).toHaveLength(2);
    // A generous bound (the target is 3 s); the old behaviour took about 17 s.
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 30_000);

  it("a private member shown as CONTRIBUTOR but with write permission may sync", async () => {
    const id = await comment("/nova sync", {
      by: "writer",
      adjust: (payload) => {
        payload.comment.author_association = "CONTRIBUTOR";
      },
    });
    expect(reactionsOn(id)).toEqual(["eyes", "rocket"]);
    expect(world.repo.issues()).toHaveLength(7);
  });

  it("an OWNER association without permission is denied: only the API decides", async () => {
    const id = await comment("/nova sync", {
      by: "reader",
      adjust: (payload) => {
        payload.comment.author_association = "OWNER";
      },
    });
    expect(reactionsOn(id)).toEqual(["eyes", "-1"]);
  });
});

describe("what Nova ignores", () => {
  it.each([
    ["Nova itself", () => world.fake.botLogin],
    ["another bot", () => "dependabot[bot]"],
  ])("comments by %s, without any request", async (_name, login) => {
    const mark = world.fake.requests.length;
    await comment("/nova progress", {
      adjust: (payload) => {
        payload.comment.user = { ...payload.comment.user!, login: login(), type: "Bot" };
      },
    });
    expect(world.fake.requests.slice(mark)).toEqual([]);
  });

  it("edited comments (issue_comment.edited is not handled)", async () => {
    const payload = world.repo.addComment(question, "/nova progress", { by: "reader" });
    const mark = world.fake.requests.length;
    await world.nova.probot.receive({
      id: "edited-1",
      name: "issue_comment",
      payload: { ...payload, action: "edited", changes: { body: { from: "x" } } },
    } as Parameters<Probot["receive"]>[0]);
    expect(world.fake.requests.slice(mark)).toEqual([]);
  });

  it.each([
    ["fenced code", "```\n/nova sync\n```"],
    ["indented code", "Beispiel:\n\n    /nova sync"],
    ["a block quote", "> /nova sync"],
    ["an HTML comment", "<!--\n/nova sync\n-->"],
    ["an inline code span", "`/nova sync`"],
    ["the middle of a line", "Probier mal /nova sync"],
  ])("commands inside %s", async (_name, body) => {
    const mark = world.fake.requests.length;
    await comment(body, { by: "writer" });
    expect(world.fake.requests.slice(mark)).toEqual([]);
    expect(replies()).toEqual([]);
  });
});

describe("mistakes", () => {
  it("an unknown command: did you mean, and the list", async () => {
    const id = await comment("/nova zusammenfasung");
    expect(lastReply()).toContain("Meintest du `/nova zusammenfassung`?");
    expect(lastReply()).toContain(
      "Befehle: `progress`, `step-plan`, `summary`, `sync`, `report`, `help`.",
    );
    expect(reactionsOn(id)).toEqual(["eyes", "confused"]);
  });

  it.each([
    ["/nova summary --limit 500", "`--limit` erwartet eine ganze Zahl von 1 bis 50"],
    ["/nova summary --limit", "Nach `--limit` fehlt der Wert"],
    ["/nova progress --role x", "Die Option „\\--role“ gibt es hier nicht."],
    ["/nova help --lang fr", "`--lang` erwartet de oder en, bekam aber „fr“."],
  ])("a bad flag: %s", async (body, expected) => {
    const id = await comment(body);
    expect(lastReply()).toContain(expected);
    expect(reactionsOn(id)).toEqual(["eyes", "confused"]);
  });

  it("several commands: at most three answered, in order", async () => {
    const id = await comment("/nova help\n/nova progress\n/nova summary\n/nova step-plan");
    expect(replies().map((reply) => reply.body.trimEnd().split("\n").at(-1))).toEqual(
      [1, 2, 3].map((n) => `<!-- nova:reply comment=${id} command=${n} -->`),
    );
    expect(lastReply()).toContain("1 weiterer Befehl wurde übergangen");
  });
});

describe("spam guard", () => {
  it("beyond the configured replies per user and issue: one notice, then 😕 only", async () => {
    world.repo.setFile("main", ".github/nova.yml", "commands:\n  rateLimit:\n    perUser: 2\n");
    await comment("/nova help");
    await comment("/nova help --lang en");
    const id = await comment("/nova progress");
    expect(replies()).toHaveLength(3);
    expect(replies()[2]!.body).toContain(
      "Nova antwortet jeder Person auf einem Issue höchstens 2-mal",
    );
    expect(reactionsOn(id)).toEqual(["eyes", "confused"]);
    const again = await comment("/nova summary");
    expect(replies()).toHaveLength(3);
    expect(reactionsOn(again)).toEqual(["eyes", "confused"]);
  });
});

describe("injection corpus", () => {
  const corpus = [
    "@everyone",
    "@acme/admins",
    "&#64;x",
    "</details>",
    "<!-- nova:task id=setup -->",
    "```",
    "\u202Egnp.exe",
    "A".repeat(100_000),
  ];

  it.each(corpus.map((evil) => [evil.slice(0, 30), evil]))(
    "nothing live gets through: %s",
    async (_name, evil) => {
      await comment(`/nova ${evil}`);
      await comment(`/nova step-plan --role '${evil}'`);
      await comment(`/nova summary --limit '${evil}'`);
      const bodies = replies().map((reply) =>
        reply.body.replace(/\n\n(?:<!-- nova:reply [^>]*-->\n)+$/, "\n"),
      );
      expect(bodies).toHaveLength(3);
      for (const body of bodies) {
        expect(body.length).toBeLessThan(10_000);
        expect(body).not.toMatch(/@(?!\u200D)[\w-]/);
        expect(body).not.toMatch(/(?<!\\)&#64;/);
        for (const html of ["</details>", "<!-- nova:", "<script"])
          expect(body).not.toContain(html);
        expect(body).not.toContain("\u202E");
        expect(body.split("\n").filter((line) => /^\s*```/.test(line)).length % 2).toBe(0);
      }
      // The forged task marker did not make the question a task issue either.
      expect(world.repo.issues()).toHaveLength(1);
    },
  );

  it("mentions are broken with a zero-width joiner, not dropped", async () => {
    await comment("/nova @everyone");
    expect(lastReply()).toContain(`„@${ZERO_WIDTH_JOINER}everyone“`);
  });
});

describe("redelivery", () => {
  it("the same delivery twice → one reply", async () => {
    const payload = world.repo.addComment(question, "/nova progress\n/nova help", { by: "reader" });
    await receive(payload, "same-delivery");
    await receive(payload, "same-delivery");
    expect(replies()).toHaveLength(2);
  });

  it("two deliveries at once → one reply (the second waits for the first)", async () => {
    const payload = world.repo.addComment(question, "/nova summary", { by: "reader" });
    await Promise.all([receive(payload, "twin"), receive(payload, "twin")]);
    expect(replies()).toHaveLength(1);
  });

  it("signed HTTP deliveries of the same payload twice → one reply", async () => {
    const middleware = await world.nova.probot.getNodeMiddleware();
    const server: Server = createServer((request, response) => {
      void middleware(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
      const payload = world.repo.addComment(question, "/nova hilfe", { by: "reader" });
      expect(
        await deliverWebhook(url, world.nova.secret, "issue_comment.created", payload, {
          id: "h-1",
        }),
      ).toBe(200);
      expect(
        await deliverWebhook(url, world.nova.secret, "issue_comment.created", payload, {
          id: "h-1",
        }),
      ).toBe(200);
      // Acked first: the replies come from the worker.
      await world.nova.settled();
      expect(replies()).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
