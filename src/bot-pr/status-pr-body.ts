import { z } from "zod";
import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import { parseBotPrMarker, renderBotPrMarker } from "../github/hidden-markers.js";
import { STATUS_BRANCH, statusReportPath } from "./bot-pr-names.js";

export interface StatusPrBodyData {
  lang: Language;
  /** The repository's web address, for links to the reports on the branch. */
  repoUrl: string;
  /** The reports this pull request adds or changes, newest first (`YYYY-MM-DD`). */
  reports: string[];
  /** The newest report's progress. */
  progress: { done: number; total: number; percent: number };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const dataSchema = z.object({
  v: z.literal(1),
  lang: z.enum(["de", "en"]),
  repoUrl: z.string().max(500),
  reports: z.array(isoDate).max(400),
  progress: z.object({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    percent: z.number().int().min(0).max(100),
  }),
});

/**
 * The body of the status pull request, a value: header (what it is), content (the newest
 * progress and the reports it holds), footer (what merging or closing does) and the marker
 * that `parse` reads back.
 */
export class StatusPrBody {
  constructor(readonly data: StatusPrBodyData) {}

  /** The value of a body Nova wrote, or null when the body has no (valid) status marker. */
  static parse(body: string | null | undefined): StatusPrBody | null {
    const parsed = dataSchema.safeParse(parseBotPrMarker(body, "status"));
    if (!parsed.success) return null;
    const { lang, repoUrl, reports, progress } = parsed.data;
    return new StatusPrBody({ lang, repoUrl, reports, progress });
  }

  toString(renderer: Renderer = readSharedRenderer()): string {
    const { lang, repoUrl, reports, progress } = this.data;
    return renderer.render("status-pr-body", lang, {
      latest: reports[0] ?? null,
      progress,
      reports: reports.map((date) => ({
        date,
        url: `${repoUrl}/blob/${STATUS_BRANCH}/${statusReportPath(date)}`,
      })),
      marker: renderBotPrMarker("status", { v: 1, lang, repoUrl, reports, progress }),
    });
  }
}
