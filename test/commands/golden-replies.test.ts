/**
 * Golden files of every reply kind in both languages: the whole comment Nova posts, marker
 * included, from the real use-case (`respondToComment`) against in-memory ports. A change to a
 * template or its data shows up here as a diff to read. After a deliberate change, rewrite them:
 *
 *     UPDATE_GOLDENS=1 npm test -- test/commands/golden-replies.test.ts
 *
 * and review `git diff test/fixtures/replies/` (see test/fixtures/replies/README.md).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { renderConfigInvalid, renderNote } from "../../src/commands/render-command-replies.js";
import { parseConfig } from "../../src/config/parse-config.js";
import type { Language } from "../../src/render/i18n.js";
import { CommandWorld, PLAN, PLAN_PATH } from "./world.js";

const GOLDEN_DIR = new URL("../fixtures/replies/", import.meta.url);
const UPDATE = process.env["UPDATE_GOLDENS"] === "1";

function compareGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(name, GOLDEN_DIR));
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`no golden file ${name}: run with UPDATE_GOLDENS=1`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** A world seeded with the small plan, one task closed on GitHub (a pending write-back). */
async function createWorld(lang: Language, config: object = {}): Promise<CommandWorld> {
  const world = new CommandWorld();
  await world.seed();
  world.port.humanEdit(world.issueOf("setup").number, {
    state: "closed",
    stateReason: "completed",
  });
  world.port.config = { language: lang, ...config };
  world.commands.setRole("alice", "read");
  world.commands.setRole("wanda", "write");
  return world;
}

/** The one reply to a comment. */
async function replyTo(world: CommandWorld, body: string, author = "alice"): Promise<string> {
  const before = world.commands.replies().length;
  await world.comment(body, { author });
  const replies = world.commands.replies().slice(before);
  if (replies.length !== 1) throw new Error(`expected one reply to ${body}, got ${replies.length}`);
  return replies[0]!.body;
}

const CASES: Record<string, (lang: Language) => Promise<string>> = {
  progress: async (lang) => replyTo(await createWorld(lang), "/nova progress"),
  "progress-broken-checklist": async (lang) => {
    const world = await createWorld(lang);
    world.port.setFile(PLAN_PATH, PLAN.replace("id=monitoring;", "id=setup;"));
    world.port.checkRuns.push({
      name: "Nova: Sync",
      headSha: world.port.branchSha,
      status: "completed",
      conclusion: "failure",
      title: "",
      summary: "",
    });
    return replyTo(world, "/nova progress");
  },
  summary: async (lang) => replyTo(await createWorld(lang), "/nova summary"),
  "step-plan": async (lang) =>
    replyTo(await createWorld(lang, { delivery: "2025-01-17" }), "/nova step-plan"),
  help: async (lang) => replyTo(await createWorld(lang), "/nova help"),
  sync: async (lang) => replyTo(await createWorld(lang), "/nova sync", "wanda"),
  unknown: async (lang) => replyTo(await createWorld(lang), "/nova progres"),
  denied: async (lang) => replyTo(await createWorld(lang), "/nova sync"),
  "bad-arguments": async (lang) => replyTo(await createWorld(lang), "/nova summary --limit 99"),
  failed: async (lang) => {
    const world = await createWorld(lang);
    world.port.files.clear();
    return replyTo(world, "/nova progress");
  },
  // An invalid config cannot say which language it wants: the reply is German, so the English
  // golden file is the template rendered directly.
  "config-invalid": async (lang) => {
    if (lang === "de") {
      const world = await createWorld(lang);
      world.port.config = { language: "fr", checklist: 5 };
      return replyTo(world, "/nova help");
    }
    const parsed = parseConfig({ language: "fr", checklist: 5 });
    if (parsed.ok) throw new Error("expected an invalid config");
    return renderConfigInvalid(parsed.problems, "en");
  },
  note: async (lang) => {
    const world = await createWorld(lang);
    await world.comment("/nova progres\n/nova summary --limit 0\n/nova help\n/nova sync");
    const last = world.commands.replies().at(-1)!.body;
    // The other note: a reply cut to GitHub's size limit.
    return `${last}\n---\n${renderNote({ truncated: true, overLimit: 2 }, lang)}\n`;
  },
  "spam-guard": async (lang) => {
    const world = await createWorld(lang, {
      commands: { rateLimit: { perUser: 1, windowMinutes: 10 } },
    });
    await replyTo(world, "/nova help");
    return replyTo(world, "/nova progress");
  },
};

describe("golden replies", () => {
  for (const [kind, reply] of Object.entries(CASES)) {
    for (const lang of ["de", "en"] as const) {
      it(`${kind} (${lang})`, async () => {
        compareGolden(`${kind}.${lang}.md`, await reply(lang));
      });
    }
  }
});
