import { z } from "zod";
import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";
import type { PendingWriteBack } from "../sync/plan-sync.js";
import { parseBotPrMarker, renderBotPrMarker } from "../github/hidden-markers.js";

/** One box the write-back pull request ticks or unticks, and why. */
export interface WriteBackChange {
  action: "tick" | "untick";
  taskId: string;
  title: string;
  issueNumber: number;
  issueUrl: string | null;
  /** Who closed the issue (`closed_by`); null for a reopen, which GitHub's issue does not name. */
  actor: string | null;
}

export interface WriteBackPrBodyData {
  lang: Language;
  changes: WriteBackChange[];
  /** Tasks that get `<!-- nova: id=… -->` pinned in the same commit. */
  pinned: string[];
}

const dataSchema = z.object({
  v: z.literal(1),
  lang: z.enum(["de", "en"]),
  changes: z
    .array(
      z.object({
        action: z.enum(["tick", "untick"]),
        taskId: z.string().max(200),
        title: z.string().max(2000),
        issueNumber: z.number().int().positive(),
        issueUrl: z.string().max(2000).nullable(),
        actor: z.string().max(100).nullable(),
      }),
    )
    .max(1000),
  pinned: z.array(z.string().max(200)).max(1000),
});

/** Pinned ids listed by name in the body; more are counted. */
const LISTED_PINS = 50;

/**
 * The body of the write-back pull request, a value: header (what it is), content (each box
 * with its issue and who acted; the pinned ids), footer (what merging or closing does) and the
 * marker that `parse` reads back.
 */
export class WriteBackPrBody {
  constructor(readonly data: WriteBackPrBodyData) {}

  /** The value of a body Nova wrote, or null when the body has no (valid) write-back marker. */
  static parse(body: string | null | undefined): WriteBackPrBody | null {
    const parsed = dataSchema.safeParse(parseBotPrMarker(body, "write-back"));
    if (!parsed.success) return null;
    const { lang, changes, pinned } = parsed.data;
    return new WriteBackPrBody({ lang, changes, pinned });
  }

  /** What the pull request proposes, by task id: the sync holds these issues (docs/sync.md). */
  pending(): PendingWriteBack {
    return new Map(this.data.changes.map((change) => [change.taskId, change.action]));
  }

  toString(renderer: Renderer = readSharedRenderer()): string {
    const { lang, changes, pinned } = this.data;
    return renderer.render("write-back-pr-body", lang, {
      changes: changes.map((change) => ({
        ...change,
        tick: change.action === "tick",
        // Escaped by the template, so it shows who acted without notifying them again.
        mention: change.actor === null ? null : `@${change.actor}`,
      })),
      pinnedCount: pinned.length,
      pinnedOne: pinned.length === 1,
      pinnedListed: pinned.slice(0, LISTED_PINS),
      pinnedMore: Math.max(0, pinned.length - LISTED_PINS),
      marker: renderBotPrMarker("write-back", { v: 1, lang, changes, pinned }),
    });
  }
}
