import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { renderBar } from "./render-bar.js";
import { escapeHtmlText, escapeMarkdown } from "./escape-markdown.js";
import {
  formatCount,
  formatDate,
  formatNumber,
  formatPercent,
  formatWorkingDays,
} from "./format-values.js";
import { DEFAULT_LANGUAGE, isLanguage, translate, type Language } from "./i18n.js";

export const TEMPLATE_NAMES = [
  "progress",
  "step-plan",
  "summary",
  "sync-plan",
  "issue-body",
  "section-issue-body",
  "sync-check",
  "command-progress",
  "command-help",
  "command-unknown",
  "command-bad-arguments",
  "command-denied",
  "command-failed",
  "command-config-invalid",
  "command-sync",
  "command-note",
  "command-report",
  "command-rate-limited",
  "command-write-back-note",
  "status-report",
  "status-index",
  "status-pr-body",
  "write-back-pr-body",
  "write-back-closed",
  "gpu-report",
  "gpu-report-comment",
  "gpu-check-run",
  "gpu-check-evidence",
] as const;

/** A template under `templates/<lang>/<name>.hbs`. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Renderer {
  /** Renders `templates/<lang>/<name>.hbs` with `data`; the same input gives the same output. */
  render(name: TemplateName, lang: Language, data: object): string;
}

export interface RendererOptions {
  /**
   * The folder holding `<lang>/<name>.hbs`. Defaults to the repository's `templates/`, found
   * relative to this module: two levels up from both `src/render/` (tsx, jest) and
   * `lib/render/` (after `tsc`), so the build does not need to copy templates.
   */
  templatesDir?: URL;
}

const DEFAULT_TEMPLATES_DIR = new URL("../../templates/", import.meta.url);

/** The language of the current render, carried in Handlebars' `@data` so helpers can read it. */
function readLanguage(options: Handlebars.HelperOptions): Language {
  const data = options.data as { lang?: unknown } | undefined;
  const lang = data?.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/**
 * Creates a renderer with its own Handlebars instance (helpers registered here do not leak into
 * other users of the global one). Templates compile with `noEscape` (the output is Markdown, not
 * HTML: user text goes through the `md` helper instead) and `strict` (a misspelt field throws).
 * Compiled templates are cached per language and name.
 *
 * Helpers (the language comes from the render call):
 * - `{{md text}}`: escape user text for inline Markdown (see `escapeMarkdown`);
 * - `{{bar percent}}` / `{{bar percent width=10}}`: `█░` progress bar;
 * - `{{percent n}}`: `42 %` / `42%`;
 * - `{{date d}}`: `24.11.2026` / `2026-11-24`, `–` for null;
 * - `{{number n}}`: `1,5` / `1.5`;
 * - `{{days n}}`: `1,5 Arbeitstage` / `1.5 working days`;
 * - `{{join list}}` / `{{join list sep=" · " key="step"}}`: the items (or each item's `key`
 *   property) joined with `, ` (or `sep`);
 * - `{{plural n "Warnung" "Warnungen"}}`: `1 Warnung` / `2 Warnungen` (the number as the
 *   language writes it, then the singular for exactly 1 and the plural otherwise);
 * - `{{t "key" name=value}}`: a catalog text (`src/render/catalog/`); several positional parts
 *   are joined with `.` (`{{t "risk" this}}` looks up `risk.due`).
 *
 * A field named like a helper (`percent`, `number`) must be written `this.percent`: Handlebars
 * would call the helper otherwise.
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const cache = new Map<string, Handlebars.TemplateDelegate>();

  const load = (name: TemplateName, lang: Language) => {
    const key = `${lang}/${name}`;
    let template = cache.get(key);
    if (!template) {
      // Both parts are checked: the name and language may come from a command line or a comment.
      if (!TEMPLATE_NAMES.includes(name) || !isLanguage(lang)) {
        throw new Error(`Unknown template: ${key}`);
      }
      const source = readFileSync(new URL(`${key}.hbs`, templatesDir), "utf8");
      template = handlebars.compile(source, { noEscape: true, strict: true });
      cache.set(key, template);
    }
    return template;
  };

  return {
    render(name, lang, data) {
      const output = load(name, lang)(data, { data: { lang } });
      // Conditional blocks leave blank lines behind; Markdown needs at most one between blocks.
      return `${output
        .replace(/[ \t]+$/gm, "")
        .replace(/\n{3,}/g, "\n\n")
        .trim()}\n`;
    },
  };
}

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper("md", (value: unknown) => escapeMarkdown(value));
  handlebars.registerHelper("html", (value: unknown) => escapeHtmlText(value));
  handlebars.registerHelper("bar", (percent: unknown, options: Handlebars.HelperOptions) => {
    const width: unknown = options.hash?.width;
    return renderBar(
      typeof percent === "number" ? percent : 0,
      typeof width === "number" ? width : undefined,
    );
  });
  handlebars.registerHelper("percent", (value: unknown, options: Handlebars.HelperOptions) =>
    formatPercent(value, readLanguage(options)),
  );
  handlebars.registerHelper("date", (value: unknown, options: Handlebars.HelperOptions) =>
    formatDate(value, readLanguage(options)),
  );
  handlebars.registerHelper("number", (value: unknown, options: Handlebars.HelperOptions) =>
    formatNumber(value, readLanguage(options)),
  );
  handlebars.registerHelper("days", (value: unknown, options: Handlebars.HelperOptions) =>
    formatWorkingDays(value, readLanguage(options)),
  );
  handlebars.registerHelper(
    "plural",
    (count: unknown, one: unknown, other: unknown, options: Handlebars.HelperOptions) =>
      typeof count === "number"
        ? formatCount(count, String(one), String(other), readLanguage(options))
        : `${formatNumber(count, readLanguage(options))} ${String(other)}`,
  );
  handlebars.registerHelper("join", (items: unknown, options: Handlebars.HelperOptions) => {
    const hash = (options.hash ?? {}) as { sep?: unknown; key?: unknown };
    if (!Array.isArray(items)) return "";
    const key = typeof hash.key === "string" ? hash.key : undefined;
    return items
      .map((item: unknown) =>
        String(
          key !== undefined && typeof item === "object" && item !== null
            ? (item as Record<string, unknown>)[key]
            : item,
        ),
      )
      .join(typeof hash.sep === "string" ? hash.sep : ", ");
  });
  handlebars.registerHelper("t", (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    const key = args.map(String).join(".");
    return translate(readLanguage(options), key, (options.hash ?? {}) as Record<string, unknown>);
  });
}
