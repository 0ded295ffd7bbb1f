import { beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubError } from "../../src/github/github-error.js";
import { ZERO_WIDTH_JOINER } from "../../src/render/escape-markdown.js";
import { WriteBackPrBody } from "../../src/bot-pr/write-back-pr-body.js";
import { BOT, CommandWorld, PLAN, PLAN_PATH } from "./world.js";

let world: CommandWorld;
beforeEach(async () => {
  world = new CommandWorld();
  await world.seed();
  world.commands.setRole("alice", "read");
  world.commands.setRole("wanda", "write");
});

/** The body without its marker line. */
/** A reply without its trailing markers (Nova writes them last, `src/github/hidden-markers.ts`). */
const withoutMarker = (body: string) => body.replace(/\n\n(?:<!-- nova:reply [^>]*-->\n)+$/, "\n");

describe("what Nova ignores", () => {
  it("ignores bots, Nova included, without a single API call", async () => {
    for (const [author, authorType] of [
      ["nova-test[bot]", "Bot"],
      ["dependabot[bot]", "Bot"],
      ["renovate[bot]", "User"],
    ]) {
      const { result } = await world.comment("/nova progress", { author, authorType });
      expect(result).toEqual({ status: "ignored", reason: "bot-author" });
    }
    expect(world.commands.calls).toEqual([]);
  });

  it("ignores comments without a command line, without a single API call", async () => {
    const { result } = await world.comment(
      "```\n/nova sync\n```\n> /nova sync\n<!-- /nova sync -->",
    );
    expect(result).toEqual({ status: "ignored", reason: "no-commands" });
    expect(world.commands.calls).toEqual([]);
  });
});

describe("the report commands", () => {
  it("/nova progress: 👀, a reply with the marker from live state, 🚀", async () => {
    const setup = world.issueOf("setup");
    world.port.humanEdit(setup.number, { state: "closed", stateReason: "completed" });
    const { result, id } = await world.comment("/nova progress");
    expect(result).toEqual({ status: "answered", outcomes: ["replied"] });
    const reply = world.lastReply();
    expect(reply.startsWith("## Fortschritt")).toBe(true);
    expect(reply.endsWith(`\n\n<!-- nova:reply comment=${id} command=1 -->\n`)).toBe(true);
    // The closed issue counts although its box is not ticked, and is marked write-back pending.
    expect(reply).toContain("**2 von 4 Aufgaben erledigt**");
    expect(reply).toContain(
      "✏️ **Auf GitHub erledigt oder wieder geöffnet, in der Checkliste noch nicht:** Nova setzt die Haken mit einem Checklisten-PR (Branch `nova/checklist`) nach; bis dahin zählt der Stand auf GitHub.",
    );
    expect(reply).toContain(`- ✅ [DGX Setup](${setup.htmlUrl})`);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "rocket"]);
  });

  it("a pending write-back links Nova's open write-back pull request (progress, summary)", async () => {
    world.port.humanEdit(world.issueOf("setup").number, {
      state: "closed",
      stateReason: "completed",
    });
    const pull = (author: string, number: number) => ({
      number,
      title: "Checkliste",
      body: new WriteBackPrBody({ lang: "de", changes: [], pinned: [] }).toString(),
      state: "open" as const,
      merged: false,
      author,
      headRef: "nova/checklist",
      headSha: "a".repeat(40),
      baseRef: "main",
      labels: [],
      htmlUrl: `https://github.com/acme/dgx/pull/${number}`,
      closedAt: null,
    });
    // Someone else's pull request on the branch is not Nova's.
    world.commands.pulls.set("nova/checklist", [pull("mallory", 13), pull(BOT, 12)]);
    await world.comment("/nova progress\n/nova summary");
    const [progress, summary] = world.commands.replies().map((reply) => reply.body);
    expect(progress).toContain(
      "Der Checklisten-PR [#12](https://github.com/acme/dgx/pull/12) setzt die Haken nach; bis er gemergt ist, zählt der Stand auf GitHub.",
    );
    expect(summary).toContain(
      "✏️ Checkliste noch nicht nachgezogen: Der Checklisten-PR [#12](https://github.com/acme/dgx/pull/12) setzt die Haken nach; bis er gemergt ist, zählt der Stand auf GitHub.",
    );
    // One read for both replies.
    expect(world.commands.calls.filter((call) => call.startsWith("pulls"))).toHaveLength(1);
  });

  it("/nova progress on a broken checklist says so and links the sync's check run", async () => {
    const broken = PLAN.replace("id=monitoring;", "id=setup;");
    world.port.setFile(PLAN_PATH, broken);
    world.port.checkRuns.push({
      name: "Nova: Sync",
      headSha: world.port.branchSha,
      status: "completed",
      conclusion: "failure",
      title: "Checkliste hat 1 Fehler: nichts abgeglichen",
      summary: "",
    });
    world.commands.setRole("alice", "write");
    await world.comment("/nova progress\n/nova sync");
    const [progress, sync] = world.commands.replies().map((reply) => reply.body);
    expect(progress).toMatch(
      /^⚠️ \*\*Die Checkliste hat 1 Fehler\*\*; bis er behoben ist, gleicht Nova keine Issues ab und die Zahlen unten können veraltet sein\. Alle Probleme mit Zeilen: \[Check-Run „Nova: Sync“\]\(https:\/\/github\.com\/acme\/dgx\/runs\/1\)\.\n\n- Zeile 8: /,
    );
    expect(sync).toContain(
      "Die Checkliste hat 1 Fehler; nichts wurde abgeglichen. Alle Probleme mit Zeilen: [Check-Run „Nova: Sync“](https://github.com/acme/dgx/runs/1).",
    );
  });

  it("/nova progress on a broken checklist without a check run points to nova lint", async () => {
    world.port.setFile(PLAN_PATH, PLAN.replace("id=monitoring;", "id=setup;"));
    await world.comment("/nova progress --lang en");
    expect(world.lastReply()).toContain(
      "⚠️ **The checklist has 1 error**; until it is fixed, Nova syncs no issues and the numbers below may be out of date. `nova lint` shows every problem with its line.",
    );
  });

  it("a clean checklist reads no check run", async () => {
    await world.comment("/nova progress");
    expect(world.lastReply()).not.toContain("⚠️");
    expect(world.port.calls.filter((call) => call.startsWith("find-check-run"))).toEqual([]);
  });

  it("without a pending write-back, no pull request is read", async () => {
    await world.comment("/nova progress\n/nova summary");
    expect(world.commands.calls.filter((call) => call.startsWith("pulls"))).toEqual([]);
  });

  it("an issue closed as not planned does not count as done", async () => {
    world.port.humanEdit(world.issueOf("setup").number, {
      state: "closed",
      stateReason: "not_planned",
    });
    await world.comment("/nova fortschritt");
    expect(world.lastReply()).toContain("**1 von 4 Aufgaben erledigt**");
  });

  it("on a task's own issue, progress shows its dependencies and what it blocks", async () => {
    const own = world.issueOf("treiber");
    world.port.humanEdit(world.issueOf("setup").number, { state: "closed" });
    await world.comment("/nova progress --lang en", {
      issue: { number: own.number, body: own.body, author: own.author },
    });
    const reply = world.lastReply();
    expect(reply).toContain("## Progress");
    expect(reply).toContain("### This task: Treiber installieren");
    expect(reply).toMatch(/\*\*Depends on:\*\*\n\n- ✅ \[DGX Setup\]/);
    expect(reply).toMatch(/\*\*Blocks:\*\*\n\n- ⬜ \[Monitoring\]/);
  });

  it("a copied task marker in a human's issue does not make it a task issue", async () => {
    const own = world.issueOf("treiber");
    await world.comment("/nova progress", {
      issue: { number: 600, body: own.body, author: "mallory" },
    });
    expect(world.lastReply()).not.toContain("Diese Aufgabe");
  });

  it("/nova step-plan --role filters the lanes and has the gantt chart", async () => {
    await world.comment('/nova schrittplan --role "plattform"');
    const reply = world.lastReply();
    expect(reply).toContain("## Schrittplan: plattform");
    expect(reply).toMatch(/```mermaid\n---\n[\s\S]*?\n---\ngantt\n/);
    expect(reply).toContain("<summary><strong>Plattform</strong>");
    expect(reply).not.toContain("Betrieb");
  });

  it("/nova summary --limit N lists N next tasks; the default is 5", async () => {
    await world.comment("/nova summary --limit=1 --lang en");
    const limited = world.lastReply();
    expect(limited).toContain("## Summary");
    expect(limited.match(/^1\. /gm)).toHaveLength(1);
    await world.comment("/nova zusammenfassung");
    expect(world.lastReply().match(/^1\. /gm)).toHaveLength(3);
  });

  it("/nova help is generated from the registry with the effective config", async () => {
    world.port.config = {
      checklist: PLAN_PATH,
      labels: { prefix: "dgx" },
      project: { owner: "acme", title: "DGX *Spark* @team" },
      commands: { permissions: { summary: "triage" } },
    };
    await world.comment("/nova hilfe");
    const reply = world.lastReply();
    for (const alias of ["fortschritt", "schrittplan", "zusammenfassung", "abgleich", "hilfe"]) {
      expect(reply).toContain(`\`${alias}\``);
    }
    // Usage lines and examples sit in code blocks, which GitHub never wraps (a code span in a
    // table cell broke after the hyphens of `[--role`); no table row carries a flag.
    const blocks = [...reply.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks[0]).toContain("/nova summary [--limit N] [--lang de|en]\n");
    expect(blocks[0]).toContain('/nova step-plan [--role "Rolle"] [--lang de|en]\n');
    expect(blocks[1]).toContain("/nova zusammenfassung --limit=10\n");
    expect(
      reply.split("\n").filter((line) => line.startsWith("|") && /--[a-z]/.test(line)),
    ).toEqual([]);
    expect(reply).toMatch(/`summary`<br>auch: `zusammenfassung` \| .* \| ab `triage` \|/);
    expect(reply).toMatch(/`sync`<br>auch: `abgleich` \| .* \| ab `write` \|/);
    expect(reply).toContain(`| Checkliste | ${PLAN_PATH} |`);
    expect(reply).toContain(`| Projekt-Board | acme: DGX \\*Spark\\* @${ZERO_WIDTH_JOINER}team |`);
  });

  it("/nova help says once that there is no board, and English help has no German", async () => {
    await world.comment("/nova help", {
      overrides: {
        describeBoard: () => "Kein Projekt-Board eingerichtet (`project` in `.github/nova.yml`).",
      },
    });
    const german = world.lastReply();
    expect(german).toContain("| Projekt-Board | keins (`project` in `.github/nova.yml`) |");
    expect(german).not.toContain("Kein Projekt-Board");
    expect(german.match(/Projekt/g)).toHaveLength(1);
    await world.comment("/nova help --lang en");
    const english = world.lastReply();
    expect(english).toContain('/nova step-plan [--role "role"] [--lang de|en]');
    for (const german of [
      "Rolle",
      "Plattform",
      "/nova fortschritt",
      "/nova schrittplan",
      "/nova hilfe",
    ]) {
      expect(english).not.toContain(german);
    }
    expect(english).toContain("| Project board | none (`project` in `.github/nova.yml`) |");
  });

  it("a missing checklist is a short failure reply with 😕", async () => {
    world.port.files.clear();
    const { id } = await world.comment("/nova progress");
    expect(withoutMarker(world.lastReply())).toContain(
      "`/nova progress` ist fehlgeschlagen: Die Checkliste docs/dgx-spark-plan.md gibt es",
    );
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "confused"]);
  });
});

describe("/nova sync", () => {
  it("runs the sync through the injected service and replies with what it did", async () => {
    world.port.setFile(PLAN_PATH, PLAN.replace("- [ ] **DGX Setup**", "- [x] **DGX Setup**"));
    const { id } = await world.comment("/nova abgleich", { author: "wanda" });
    expect(world.syncRuns).toBe(1);
    const reply = world.lastReply();
    expect(reply).toContain("## Abgleich");
    expect(reply).toContain("**Geschlossen (erledigt)**\n\n- #1 DGX Setup");
    expect(world.port.issues[0]?.state).toBe("closed");
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "rocket"]);
  });

  it("says so when the sync reports no result", async () => {
    await world.comment("/nova sync", {
      author: "wanda",
      overrides: { runSync: () => Promise.resolve(null) },
    });
    expect(world.lastReply()).toContain("kein Ergebnis gemeldet");
  });
});

describe("permissions", () => {
  const levels = ["admin", "maintain", "write", "triage", "read", "none"] as const;
  it.each(levels)("/nova sync as %s", async (level) => {
    world.commands.setRole("pat", level, level === "maintain" ? "write" : level);
    const { id } = await world.comment("/nova sync", { author: "pat" });
    const allowed = ["admin", "maintain", "write"].includes(level);
    expect(world.syncRuns).toBe(allowed ? 1 : 0);
    if (allowed) {
      expect(world.commands.reactionsOn(id)).toEqual(["eyes", "rocket"]);
    } else {
      expect(withoutMarker(world.lastReply())).toBe(
        `👎 \`/nova sync\` braucht mindestens die Berechtigung \`write\` in diesem Repository; du hast \`${level}\`.\n`,
      );
      expect(world.commands.reactionsOn(id)).toEqual(["eyes", "-1"]);
    }
  });

  it("uses role_name, not the legacy permission (maintain is reported as write)", async () => {
    world.port.config = { commands: { permissions: { sync: "maintain" } } };
    world.commands.setRole("mia", "maintain", "write");
    await world.comment("/nova sync", { author: "mia" });
    expect(world.syncRuns).toBe(1);
  });

  it("denies when the permission API fails (fail closed)", async () => {
    world.commands.failures.set(
      "getCollaboratorPermission",
      new GitHubError("Server Error", 500, null, "unavailable"),
    );
    const { id } = await world.comment("/nova progress", { author: "wanda" });
    expect(withoutMarker(world.lastReply())).toContain("ließ sich nicht prüfen");
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "-1"]);
  });

  it("a command set to `none` needs no permission call", async () => {
    world.port.config = { commands: { permissions: { help: "none" } } };
    await world.comment("/nova help", { author: "stranger" });
    expect(world.commands.calls.filter((call) => call.startsWith("permission"))).toEqual([]);
    expect(world.lastReply()).toContain("## Nova-Befehle");
  });

  it("asks GitHub once per comment however many commands it has", async () => {
    await world.comment("/nova progress\n/nova summary\n/nova help");
    expect(world.commands.calls.filter((call) => call.startsWith("permission"))).toEqual([
      "permission alice",
    ]);
  });
});

describe("mistakes", () => {
  it("an unknown command gets 'did you mean' and the list", async () => {
    const { id } = await world.comment("/nova porgress");
    expect(withoutMarker(world.lastReply())).toBe(
      "🤔 Den Befehl „porgress“ kennt Nova nicht. Meintest du `/nova progress`?\n\n" +
        "Befehle: `progress`, `step-plan`, `summary`, `sync`, `report`, `help`. Mehr mit `/nova help`.\n",
    );
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "confused"]);
  });

  it("a bad flag names the flag and what it accepts", async () => {
    await world.comment("/nova summary --limit 99");
    expect(world.lastReply()).toContain(
      "`--limit` erwartet eine ganze Zahl von 1 bis 50 (Standard 5), bekam aber „99“.",
    );
    await world.comment("/nova progress --role x");
    expect(world.lastReply()).toContain(
      "Die Option „\\--role“ gibt es hier nicht. `/nova progress` kennt `--lang`.",
    );
  });

  it("permission is checked before flags: a denied user learns nothing about flags", async () => {
    await world.comment("/nova sync --force");
    expect(world.lastReply()).toContain("braucht mindestens die Berechtigung `write`");
  });

  it("an invalid nova.yml gets one reply for all commands", async () => {
    world.port.config = { labels: { prefix: "kein gültiges präfix" } };
    const { id } = await world.comment("/nova progress\n/nova help");
    expect(world.commands.replies()).toHaveLength(1);
    const reply = world.lastReply();
    expect(reply).toContain(`<!-- nova:reply comment=${id} command=1 -->`);
    expect(reply).toContain(`<!-- nova:reply comment=${id} command=2 -->`);
    expect(reply).toContain("`.github/nova.yml` ist ungültig");
    expect(reply).toContain("labels.prefix");
  });
});

describe("several commands", () => {
  it("answers each of at most three and notes the rest", async () => {
    const { id } = await world.comment(
      "/nova progress\n/nova summary\n/nova help\n/nova sync\n/nova step-plan",
    );
    const replies = world.commands.replies();
    expect(replies).toHaveLength(3);
    expect(replies.map((reply) => reply.body.trimEnd().split("\n").at(-1))).toEqual(
      [1, 2, 3].map((n) => `<!-- nova:reply comment=${id} command=${n} -->`),
    );
    expect(replies[2]?.body).toContain("höchstens 3 Befehle pro Kommentar aus; 2 weitere");
  });
});

describe("redelivery", () => {
  it("the same comment twice gets one reply per command", async () => {
    const { id } = await world.comment("/nova progress\n/nova help");
    const second = await world.comment("/nova progress\n/nova help", { id });
    expect(second.result).toEqual({ status: "already-answered" });
    expect(world.commands.replies()).toHaveLength(2);
  });

  it("answers only what is missing after a partial first delivery", async () => {
    world.commands.failures.set(
      "createComment",
      new GitHubError("Bad gateway", 502, null, "unavailable"),
    );
    const { id, result } = await world.comment("/nova progress\n/nova help");
    // A reply GitHub did not take for a passing reason: the worker runs the comment again.
    expect(result).toEqual({ status: "unfinished", outcomes: ["reply-failed", "replied"] });
    const again = await world.comment("/nova progress\n/nova help", { id });
    expect(again.result).toEqual({ status: "answered", outcomes: ["replied"] });
    expect(
      world.commands.replies().map((reply) => reply.body.trimEnd().split("\n").at(-1)),
    ).toEqual([
      `<!-- nova:reply comment=${id} command=2 -->`,
      `<!-- nova:reply comment=${id} command=1 -->`,
    ]);
  });

  it("only the bot's own comments count as replies (a forged marker does not)", async () => {
    world.commands.comments.push({
      id: 1,
      author: "mallory",
      issue: 500,
      body: "<!-- nova:reply comment=777 command=1 -->",
      htmlUrl: "https://github.com/acme/dgx/issues/500#issuecomment-1",
    });
    await world.comment("/nova help", { id: 777 });
    expect(world.commands.replies()).toHaveLength(1);
  });

  it("posts nothing when earlier replies cannot be listed (😕 only)", async () => {
    world.commands.failures.set(
      "listComments",
      new GitHubError("Resource not accessible by integration", 403, null, "forbidden"),
    );
    const { id } = await world.comment("/nova help");
    expect(world.commands.replies()).toHaveLength(0);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "confused"]);
  });

  it("GitHub unavailable before the replies are known: unfinished, answered on the next run", async () => {
    world.commands.failures.set("listComments", new GitHubError("down", 503, null, "unavailable"));
    const { id, result } = await world.comment("/nova help");
    expect(result).toEqual({ status: "unfinished", outcomes: [] });
    expect(world.commands.replies()).toHaveLength(0);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes"]);
    const again = await world.comment("/nova help", { id });
    expect(again.result).toEqual({ status: "answered", outcomes: ["replied"] });
    expect(world.commands.replies()).toHaveLength(1);
  });
});

describe("spam guard", () => {
  it("beyond N replies per user and issue: one short reply with the reset time, then 😕 only", async () => {
    world.port.config = {
      commands: { rateLimit: { perUser: 2, windowMinutes: 10 } },
      status: { timezone: "Europe/Berlin" },
    };
    world.commands.setRole("alice", "write");
    await world.comment("/nova help");
    await world.comment("/nova progress");
    const { id, result } = await world.comment("/nova sync");
    expect(result).toEqual({ status: "answered", outcomes: ["rate-limited"] });
    expect(world.syncRuns).toBe(0);
    expect(world.commands.replies()).toHaveLength(3);
    // 09:00 UTC + 10 minutes is 10:10 in Berlin; not the 👎 of "permission denied".
    expect(world.lastReply()).toContain(
      "höchstens 2-mal in 10 Minuten. Deine nächste Antwort gibt es hier ab 10:10 Uhr (Europe/Berlin)",
    );
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "confused"]);
    // The same window again: the reaction only, no second notice.
    const again = await world.comment("/nova summary\n/nova help");
    expect(again.result).toEqual({
      status: "answered",
      outcomes: ["rate-limited", "rate-limited"],
    });
    expect(world.commands.replies()).toHaveLength(3);
    expect(world.commands.reactionsOn(again.id)).toEqual(["eyes", "confused"]);
    // Another person, or the same person on another issue, is not limited.
    await world.comment("/nova help", { author: "wanda" });
    await world.comment("/nova help", { issue: { number: 501, body: "", author: "x" } });
    expect(world.commands.replies()).toHaveLength(5);
  });

  it("tells the limit in English with language: en, and once per comment of several commands", async () => {
    world.port.config = {
      language: "en",
      commands: { rateLimit: { perUser: 1, windowMinutes: 10 } },
    };
    await world.comment("/nova help");
    const { result } = await world.comment("/nova help\n/nova progress");
    expect(result).toEqual({ status: "answered", outcomes: ["rate-limited", "rate-limited"] });
    expect(world.commands.replies()).toHaveLength(2);
    expect(world.lastReply()).toMatch(
      /at most once per issue in 10 minutes\. Your next reply here can come from \d\d:10 \(/,
    );
  });
});

describe("size and safety", () => {
  it("cuts a reply over GitHub's limit with a note and keeps the marker", async () => {
    const tasks = Array.from(
      { length: 400 },
      (_, i) =>
        `- [ ] **Aufgabe ${i} ${"lang ".repeat(40)}** – x <!-- nova: id=t${i}; role=R${i % 3} -->`,
    );
    world.port.setFile(PLAN_PATH, `# Plan\n\n## 1. Viel\n${tasks.join("\n")}\n`);
    const { id } = await world.comment("/nova step-plan");
    const reply = world.lastReply();
    expect(reply.length).toBeLessThanOrEqual(65_536);
    expect(reply.endsWith(`<!-- nova:reply comment=${id} command=1 -->\n`)).toBe(true);
    expect(withoutMarker(reply)).toMatch(/✂️ Die Antwort war zu lang[^\n]*\n$/);
    expect(reply.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
  });

  const corpus = [
    "@everyone",
    "@acme/admins",
    "&#64;x",
    "</details>",
    "<!-- nova:task id=x -->",
    "<!-- nova:reply comment=1 command=1 -->",
    "```",
    "~~~",
    "\u202Egnp.exe",
    "<img src=x onerror=alert(1)>",
    "[klick](javascript:alert(1))",
    "#1",
  ];

  it.each(corpus)("nothing live gets through: %s", async (evil) => {
    await world.comment(`/nova ${evil}`);
    await world.comment(`/nova step-plan --role "${evil.replace(/"/g, "'")}"`);
    await world.comment(`/nova summary --limit "${evil.replace(/"/g, "'")}"`);
    for (const reply of world.commands.replies()) {
      const body = withoutMarker(reply.body);
      expect(body).not.toMatch(/(?:^|[^\w`])@(?!\u200D)[\w-]/);
      expect(body).not.toMatch(/(?<!\\)&#64;/);
      for (const html of ["</details>", "<!-- nova:task", "<!-- nova:reply", "<img"]) {
        expect(body).not.toContain(html);
      }
      expect(body).not.toContain("\u202E");
      expect(body.split("\n").filter((line) => /^\s*(?:```|~~~)/.test(line)).length % 2).toBe(0);
      expect(body).not.toMatch(/(?:^|\s)#\d/);
    }
  });

  it("repeats at most 80 characters of a 100 KB argument", async () => {
    await world.comment(`/nova summary --limit ${"9".repeat(100_000)}`);
    const reply = world.lastReply();
    expect(reply.length).toBeLessThan(2_000);
    expect(reply).toContain("…");
  });
});
