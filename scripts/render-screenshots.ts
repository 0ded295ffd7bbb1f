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
import { runNova, type IssueView, type NovaOutput } from "./screenshots/run-nova.js";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("docs/images/", ROOT);

const html = (text: unknown) => escapeHtmlText(text);

/** The grey bar above a comment on github.com (GitHub's own words are English). */
function commentHeader(who: string, what: string): string {
  return `<div class="comment-header"><b>${html(who)}</b> ${html(what)}</div>`;
}

const CHIP =
  "display:inline-block;margin:4px 4px 0 0;padding:0 7px;border:1px solid #d1d9e0;" +
  "border-radius:2em;font-size:12px;font-weight:500;line-height:18px";

/** GitHub's octicons for an open and a closed (completed) issue. */
const ISSUE_ICON = {
  open:
    `<svg width="16" height="16" viewBox="0 0 16 16" fill="#1a7f37" style="vertical-align:text-bottom">` +
    `<path d="M8 9.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z"/>` +
    `<path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0ZM1.5 8a6.5 6.5 0 1 0 13 0 6.5 6.5 0 0 0-13 0Z"/></svg>`,
  closed:
    `<svg width="16" height="16" viewBox="0 0 16 16" fill="#8250df" style="vertical-align:text-bottom">` +
    `<path d="M11.28 6.78a.75.75 0 0 0-1.06-1.06L7.25 8.69 5.78 7.22a.75.75 0 0 0-1.06 1.06l2 2a.75.75 0 0 0 1.06 0l3.5-3.5Z"/>` +
    `<path d="M16 8A8 8 0 1 1 0 8a8 8 0 0 1 16 0Zm-1.5 0a6.5 6.5 0 1 0-13 0 6.5 6.5 0 0 0 13 0Z"/></svg>`,
};

/** A due date as github.com writes it beside a milestone ("Due by December 18, 2026"). */
function formatDue(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const text = date.toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return `due by ${text}`;
}

/**
 * An issue's or pull request's title block as on github.com: the parent issue above the title
 * (a sub-issue), the title, the state, then labels and the milestone (GitHub's sidebar, folded
 * into one line here).
 */
function titleHeader(
  title: string,
  number: number,
  issue: Partial<Pick<IssueView, "labels" | "state" | "milestone" | "parent">> = {},
): string {
  const parent = issue.parent
    ? `<div style="font-size:13px;color:#59636e;margin-bottom:2px">Parent issue: ` +
      `${ISSUE_ICON[issue.parent.state]} <span style="color:#0969da">${html(issue.parent.title)}</span> #${issue.parent.number}</div>`
    : "";
  const state = issue.state
    ? `<span style="display:inline-block;vertical-align:middle;margin-right:8px;padding:3px 10px;border-radius:2em;` +
      `font-size:14px;font-weight:500;color:#fff;background:${issue.state === "open" ? "#1f883d" : "#8250df"}">` +
      `${issue.state === "open" ? "Open" : "Closed"}</span>`
    : "";
  const chips = (issue.labels ?? []).map((label) => `<span style="${CHIP}">${html(label)}</span>`);
  if (issue.milestone) {
    const due = issue.milestone.dueOn ? `&nbsp;· ${html(formatDue(issue.milestone.dueOn))}` : "";
    chips.push(
      `<span style="${CHIP};border-color:transparent;color:#59636e">Milestone: ` +
        `<b style="color:#1f2328">${html(issue.milestone.title)}</b>${due}</span>`,
    );
  }
  return (
    `<div class="comment-header" style="background:#fff;color:#1f2328">${parent}` +
    `<div style="font-size:24px;line-height:1.3">${html(title)} <span style="color:#59636e;font-weight:300">#${number}</span></div>` +
    `${state || chips.length ? `<div style="margin-top:4px">${state}${chips.join("")}</div>` : ""}</div>`
  );
}

/**
 * GitHub's "Sub-issues" panel under an issue's body: "n of m" with a progress ring, then one row
 * per sub-issue in GitHub's order with its state icon.
 */
function subIssueList(subIssues: IssueView["subIssues"]): string {
  const done = subIssues.filter((sub) => sub.state === "closed").length;
  const circumference = 2 * Math.PI * 6;
  const filled = subIssues.length === 0 ? 0 : (circumference * done) / subIssues.length;
  const ring =
    `<svg width="16" height="16" viewBox="0 0 16 16" style="vertical-align:text-bottom;transform:rotate(-90deg)">` +
    `<circle cx="8" cy="8" r="6" fill="none" stroke="#d1d9e0" stroke-width="2.5"/>` +
    `<circle cx="8" cy="8" r="6" fill="none" stroke="#8250df" stroke-width="2.5" ` +
    `stroke-dasharray="${filled.toFixed(2)} ${circumference.toFixed(2)}"/></svg>`;
  const rows = subIssues
    .map(
      (sub) =>
        `<div style="padding:8px 16px;border-top:1px solid #d1d9e0;font-size:14px">` +
        `${ISSUE_ICON[sub.state]} <span style="margin-left:4px">${html(sub.title)}</span> ` +
        `<span style="color:#59636e">#${sub.number}</span></div>`,
    )
    .join("");
  return (
    `<div style="margin:0 16px 16px;border:1px solid #d1d9e0;border-radius:6px;` +
    `font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;color:#1f2328">` +
    `<div style="padding:8px 16px;background:#f6f8fa;border-radius:6px 6px 0 0;font-size:14px">` +
    `<b>Sub-issues</b> <span style="margin-left:8px;color:#59636e">${ring} ${done} of ${subIssues.length}</span></div>` +
    `${rows}</div>`
  );
}

/** The small line under a card's title: role and target date, or a section's sub-issue progress. */
function renderCardFields(card: NovaOutput["board"]["cards"][number]): string {
  if (card.subIssues) {
    return `Sub-issues ${card.subIssues.completed} of ${card.subIssues.total}`;
  }
  const role = html(card.values["Rolle"] ?? "");
  return `${role}${card.values["Ziel"] ? ` · Ziel ${html(card.values["Ziel"])}` : ""}`;
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
          `<div style="font-size:11px;color:#59636e;margin-top:3px">${renderCardFields(card)}</div></div>`,
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
      header: commentHeader(bot, "commented, answering “/nova progress”"),
    });
    await page.shoot(output.stepPlanReply, file("step-plan-reply.png"), {
      header: commentHeader(bot, "commented, answering “/nova step-plan”"),
      openDetails: 1,
    });
    await page.shoot(output.issue.body, file("issue.png"), {
      header: titleHeader(output.issue.title, output.issue.number, output.issue),
    });
    const section = output.sectionIssue;
    await page.shoot(section.body, file("section-issue.png"), {
      header: titleHeader(section.title, section.number, section),
      footer: subIssueList(section.subIssues),
    });
    await page.shoot(output.statusPull.body, file("status-pr.png"), {
      header: titleHeader(output.statusPull.title, output.statusPull.number, { state: "open" }),
    });
    await page.shoot(output.statusPull.report, file("status-report.png"), {
      header: commentHeader(output.statusPull.reportPath, "(a file in the status pull request)"),
    });
    await page.shootHtml(renderBoard(output.board), file("board.png"), { width: 1000 });
  } finally {
    await page.close();
  }
  process.stdout.write(
    `wrote ${fileURLToPath(OUT)}{progress-reply,step-plan-reply,issue,section-issue,status-pr,status-report,board}.png\n`,
  );
}

await main();
