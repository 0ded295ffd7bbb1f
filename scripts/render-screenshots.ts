/**
 * The README's pictures (docs/images/*.png), from Nova's real output: `npm run docs:screenshots`.
 *
 * Runs the app against the fake GitHub on the bundled plan (scripts/screenshots/run-nova.ts),
 * then renders what Nova posted as GitHub would (GFM, GitHub's stylesheet, Mermaid) in headless
 * Chromium (scripts/screenshots/github-page.ts). Needs Debian's `chromium` (or CHROMIUM_PATH);
 * an emoji font (Debian: fonts-noto-color-emoji) makes the emoji show.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { escapeHtmlText } from "../src/render/escape-markdown.js";
import { openGitHubPage } from "./screenshots/github-page.js";
import { runNova, type NovaOutput } from "./screenshots/run-nova.js";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("docs/images/", ROOT);

const html = (text: unknown) => escapeHtmlText(text);

/** The grey bar above a comment on github.com. */
function commentHeader(who: string, what: string): string {
  return `<div class="comment-header"><b>${html(who)}</b> ${html(what)}</div>`;
}

/** An issue's or pull request's title line and labels, as above its first comment. */
function titleHeader(title: string, number: number, labels: string[] = []): string {
  const chips = labels
    .map(
      (label) =>
        `<span style="display:inline-block;margin:4px 4px 0 0;padding:0 7px;border:1px solid #d1d9e0;` +
        `border-radius:2em;font-size:12px;font-weight:500;line-height:18px">${html(label)}</span>`,
    )
    .join("");
  return (
    `<div class="comment-header" style="background:#fff;color:#1f2328">` +
    `<div style="font-size:24px;line-height:1.3">${html(title)} <span style="color:#59636e;font-weight:300">#${number}</span></div>` +
    `${chips ? `<div>${chips}</div>` : ""}</div>`
  );
}

/**
 * A board view of Nova's board data: one column per `Status` option, a card per item with the
 * fields Nova sets. A rendering of the fake GitHub's project state, not a GitHub screenshot.
 */
function renderBoard(board: NovaOutput["board"]): string {
  const columns = board.statusOptions.map((status) => {
    const cards = board.cards
      .filter((card) => card.values["Status"] === status)
      .sort((a, b) => Number(a.values["Reihenfolge"] ?? 0) - Number(b.values["Reihenfolge"] ?? 0));
    const items = cards
      .map(
        (card) =>
          `<div style="border:1px solid #d1d9e0;border-radius:6px;padding:6px 8px;margin:0 0 6px;background:#fff">` +
          `<div style="font-size:12px;color:#59636e">dgx #${card.number}</div>` +
          `<div style="font-size:13px;font-weight:600;line-height:1.3">${html(card.title)}</div>` +
          `<div style="font-size:11px;color:#59636e;margin-top:3px">${html(card.values["Rolle"] ?? "")}` +
          `${card.values["Ziel"] ? ` · Ziel ${html(card.values["Ziel"])}` : ""}</div></div>`,
      )
      .join("");
    return (
      `<div style="flex:1;background:#f6f8fa;border:1px solid #d1d9e0;border-radius:6px;padding:8px;min-width:0">` +
      `<div style="font-weight:600;font-size:14px;margin:0 0 8px">${html(status)} ` +
      `<span style="color:#59636e;font-weight:400">${cards.length}</span></div>${items}</div>`
    );
  });
  return (
    `<h3>${html(board.title)}</h3>` +
    `<div style="display:flex;gap:8px;align-items:flex-start">${columns.join("")}</div>`
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const output = await runNova(ROOT);
  const page = await openGitHubPage();
  const file = (name: string) => fileURLToPath(new URL(name, OUT));
  try {
    const bot = "nova[bot]";
    await page.shoot(output.progressReply, file("progress-reply.png"), {
      header: commentHeader(bot, "antwortet auf /nova progress"),
    });
    await page.shoot(output.stepPlanReply, file("step-plan-reply.png"), {
      header: commentHeader(bot, "antwortet auf /nova step-plan"),
      openDetails: 1,
    });
    await page.shoot(output.issue.body, file("issue.png"), {
      header: titleHeader(output.issue.title, output.issue.number, output.issue.labels),
    });
    await page.shoot(output.statusPull.body, file("status-pr.png"), {
      header: titleHeader(output.statusPull.title, output.statusPull.number),
    });
    await page.shoot(output.statusPull.report, file("status-report.png"), {
      header: commentHeader(output.statusPull.reportPath, "(Datei im Status-PR)"),
    });
    await page.shootHtml(renderBoard(output.board), file("board.png"), { width: 1000 });
  } finally {
    await page.close();
  }
  process.stdout.write(
    `wrote ${fileURLToPath(OUT)}{progress-reply,step-plan-reply,issue,status-pr,status-report,board}.png\n`,
  );
}

await main();
