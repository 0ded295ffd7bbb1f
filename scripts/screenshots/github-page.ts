import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { chromium, type Browser } from "playwright-core";

/**
 * Markdown rendered as GitHub shows it, photographed in headless Chromium: GFM (micromark with
 * the GFM extensions, raw HTML such as `<details>` kept), GitHub's stylesheet
 * (github-markdown-css, light theme) and Mermaid from node_modules (the version the tests parse
 * with) drawn at the width of a comment on github.com.
 */

/** Width of a comment's or issue body's text column on github.com (desktop, 1280 px window). */
export const GITHUB_COMMENT_WIDTH = 760;

/** Debian's chromium, with the flags a headless run on a shared machine needs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const require = createRequire(import.meta.url);
const readAsset = (name: string) => readFileSync(require.resolve(name), "utf8");

/** GFM to HTML as GitHub does it, HTML blocks (`<details>`) included. */
export function renderGfmHtml(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

export interface ShootOptions {
  /** Open every `<details>` before the picture (a reader's click). */
  openDetails?: boolean | number;
  /** Content width in CSS pixels; default {@link GITHUB_COMMENT_WIDTH}. */
  width?: number;
  /** A frame drawn around the content, e.g. a comment header: HTML placed before it. */
  header?: string;
  /** HTML placed after the content inside the frame (an issue's sub-issue list). */
  footer?: string;
}

export interface GitHubPage {
  /** Renders `markdown` and writes a PNG of it to `file`. */
  shoot(markdown: string, file: string, options?: ShootOptions): Promise<void>;
  /** The same for ready HTML inside the Markdown body (a board view). */
  shootHtml(html: string, file: string, options?: ShootOptions): Promise<void>;
  close(): Promise<void>;
}

const PAGE_CSS = `
body { margin: 0; background: #fff; }
#frame { display: inline-block; padding: 8px; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
  font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: #59636e; }
.comment-header b { color: #1f2328; }
.markdown-body { padding: 16px; box-sizing: content-box; }
.markdown-body .mermaid-chart { overflow: auto; }
`;

/**
 * Runs in the page: opens the first `openDetails` `<details>` (a reader's click, before Mermaid
 * draws: a chart in a closed `<details>` has no width), then draws every ```` ```mermaid ````
 * block at its container's width, as GitHub's viewer does.
 */
const DRAW_PAGE = `async (openDetails) => {
  for (const details of [...document.querySelectorAll("details")].slice(0, openDetails)) {
    details.open = true;
  }
  mermaid.initialize({ startOnLoad: false, theme: "default", securityLevel: "strict" });
  const blocks = [...document.querySelectorAll("pre > code.language-mermaid")];
  for (const [index, code] of blocks.entries()) {
    const holder = document.createElement("div");
    holder.className = "mermaid-chart";
    code.parentElement.replaceWith(holder);
    const { svg } = await mermaid.render("chart" + index, code.textContent, holder);
    holder.innerHTML = svg;
  }
}`;

export async function openGitHubPage(): Promise<GitHubPage> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const css = readAsset("github-markdown-css/github-markdown-light.css");
  const mermaidJs = readAsset("mermaid/dist/mermaid.min.js");

  async function shootHtml(html: string, file: string, options: ShootOptions = {}) {
    const width = options.width ?? GITHUB_COMMENT_WIDTH;
    const page = await browser.newPage({ viewport: { width: width + 80, height: 600 } });
    try {
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style><style>${PAGE_CSS}</style></head>` +
          `<body><div id="frame"><div class="comment">${options.header ?? ""}` +
          `<article class="markdown-body" style="width:${width}px">${html}</article>${options.footer ?? ""}</div></div></body></html>`,
      );
      await page.addScriptTag({ content: mermaidJs });
      // In the page (plain JavaScript: this file is compiled without DOM types).
      const openDetails = options.openDetails === true ? 1000 : Number(options.openDetails ?? 0);
      await page.evaluate(`(${DRAW_PAGE})(${openDetails})`);
      await page.locator("#frame").screenshot({ path: file });
    } finally {
      await page.close();
    }
  }

  return {
    shoot: (markdown, file, options) => shootHtml(renderGfmHtml(markdown), file, options),
    shootHtml,
    close: () => browser.close(),
  };
}
