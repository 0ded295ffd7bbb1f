import { beforeEach, describe, expect, it } from "@jest/globals";
import { GitHubError } from "../../src/github/github-error.js";
import { ZERO_WIDTH_JOINER } from "../../src/render/escape-markdown.js";
import { CommandWorld, PLAN, PLAN_PATH } from "./world.js";

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
    expect(reply).toContain("Schreiben ins Repository ausstehend");
    expect(reply).toContain(`- ✅ [DGX Setup](${setup.htmlUrl})`);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "rocket"]);
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
    expect(reply).toContain("```mermaid\ngantt");
    expect(reply).toContain("### Plattform");
    expect(reply).not.toContain("### Betrieb");
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
    expect(reply).toContain("`/nova summary [--limit N] [--lang de\\|en]`");
    expect(reply).toMatch(/zusammenfassung --limit=10` \| ab `triage` \|/);
    expect(reply).toMatch(/`\/nova abgleich` \| ab `write` \|/);
    expect(reply).toContain(`| Checkliste | ${PLAN_PATH} |`);
    expect(reply).toContain(`| Projekt | acme: DGX \\*Spark\\* @${ZERO_WIDTH_JOINER}team |`);
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
      "createReply",
      new GitHubError("Bad gateway", 502, null, "unavailable"),
    );
    const { id, result } = await world.comment("/nova progress\n/nova help");
    expect(result).toEqual({ status: "answered", outcomes: ["reply-failed", "replied"] });
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
    });
    await world.comment("/nova help", { id: 777 });
    expect(world.commands.replies()).toHaveLength(1);
  });

  it("posts nothing when earlier replies cannot be listed (😕 only)", async () => {
    world.commands.failures.set(
      "listCommentsSince",
      new GitHubError("down", 503, null, "unavailable"),
    );
    const { id } = await world.comment("/nova help");
    expect(world.commands.replies()).toHaveLength(0);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "confused"]);
  });
});

describe("spam guard", () => {
  it("beyond N replies per user and issue in the window: 👎 only, nothing runs", async () => {
    world.port.config = { commands: { rateLimit: { perUser: 2, windowMinutes: 10 } } };
    world.commands.setRole("alice", "write");
    await world.comment("/nova help");
    await world.comment("/nova progress");
    const { id, result } = await world.comment("/nova sync");
    expect(result).toEqual({ status: "answered", outcomes: ["rate-limited"] });
    expect(world.syncRuns).toBe(0);
    expect(world.commands.replies()).toHaveLength(2);
    expect(world.commands.reactionsOn(id)).toEqual(["eyes", "-1"]);
    // Another person, or the same person on another issue, is not limited.
    await world.comment("/nova help", { author: "wanda" });
    await world.comment("/nova help", { issue: { number: 501, body: "", author: "x" } });
    expect(world.commands.replies()).toHaveLength(4);
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
