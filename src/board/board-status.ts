import { escapeMarkdown } from "../render/escape-markdown.js";
import { say, type Language } from "../render/i18n.js";

/** What one board run did, in counts a person reads. */
export interface BoardSummary {
  fieldsCreated: string[];
  /** `Feld: Option` for each option added. */
  optionsAdded: string[];
  itemsAdded: number;
  itemsArchived: number;
  itemsUnarchived: number;
  /** Values Nova set because they differed. */
  valuesWritten: number;
  /** Values put back after GitHub replaced a field's options. */
  valuesRestored: number;
  /** Task items that needed no write. */
  unchanged: number;
  /** Fields whose name another field type uses (`Bereich (TEXT)`): left alone. */
  conflicts: string[];
  /** Mutations GitHub refused, with its message. */
  failed: string[];
  /** Writes left for a follow-up run. */
  remaining: number;
  /** Mutation requests and mutations sent. */
  mutationRequests: number;
  mutations: number;
}

/** Where the board stands after a run; the problems are what `/nova help` and the check run show. */
export type BoardStatus =
  | { kind: "off" }
  /** The sync reports these itself; the board waits for a valid config and checklist. */
  | { kind: "skipped"; reason: "invalid-config" | "checklist-missing" | "checklist-invalid" }
  | { kind: "user-owned"; owner: string }
  | { kind: "owner-not-found"; owner: string }
  | { kind: "project-not-found"; owner: string; number?: number; title?: string }
  | { kind: "project-closed"; owner: string; title: string; url: string }
  | { kind: "forbidden"; owner: string; message: string }
  | { kind: "failed"; message: string; transient: boolean }
  | {
      kind: "synced" | "dry-run";
      title: string;
      url: string;
      /** Nova created the project in this run. */
      created: boolean;
      summary: BoardSummary;
    };

/** The statuses a person has to act on: the configuration names a board Nova cannot use. */
const PROBLEM_KINDS = [
  "user-owned",
  "owner-not-found",
  "project-not-found",
  "project-closed",
  "forbidden",
] as const;

export type BoardProblem = Extract<BoardStatus, { kind: (typeof PROBLEM_KINDS)[number] }>;

export function isBoardProblem(status: BoardStatus): status is BoardProblem {
  return (PROBLEM_KINDS as readonly string[]).includes(status.kind);
}

/** The name of the check run a problem leaves on the pushed commit. */
export const BOARD_CHECK_NAME = "Nova: Projekt-Board";

/** A one-line title for the board's check run or a log line. */
export function renderBoardTitle(status: BoardStatus, lang: Language): string {
  switch (status.kind) {
    case "user-owned":
      return say(lang, "board.title.userOwned");
    case "owner-not-found":
      return say(lang, "board.title.ownerNotFound");
    case "project-not-found":
      return say(lang, "board.title.projectNotFound");
    case "project-closed":
      return say(lang, "board.title.projectClosed");
    case "forbidden":
      return say(lang, "board.title.forbidden");
    case "failed":
      return say(lang, "board.title.failed");
    default:
      return say(lang, "board.title.other");
  }
}

/**
 * What Nova says about the board, as Markdown: for a problem, what is wrong and what to do; for a
 * run, what it changed. `/nova help` shows it; so do the board's check run and the log.
 */
export function renderBoardStatus(status: BoardStatus, lang: Language): string {
  const config = "`.github/nova.yml`";
  switch (status.kind) {
    case "off":
      return say(lang, "board.off", { config });
    case "skipped":
      return say(lang, "board.skipped");
    case "user-owned":
      return say(lang, "board.userOwned", { owner: status.owner, config });
    case "owner-not-found":
      return say(lang, "board.ownerNotFound", { owner: status.owner, config });
    case "project-not-found": {
      const which =
        status.number !== undefined
          ? say(lang, "board.projectNumber", { number: status.number })
          : say(lang, "board.projectTitle", { title: escapeMarkdown(status.title ?? "") });
      const hint =
        status.number !== undefined
          ? say(lang, "board.numberHint", { owner: status.owner, number: status.number })
          : say(lang, "board.createHint");
      return say(lang, "board.projectNotFound", { owner: status.owner, which, hint });
    }
    case "project-closed":
      return say(lang, "board.projectClosed", {
        title: escapeMarkdown(status.title),
        url: status.url,
        config,
      });
    case "forbidden":
      return say(lang, "board.forbidden", {
        owner: status.owner,
        message: escapeMarkdown(status.message),
      });
    case "failed":
      return say(lang, "board.failed", {
        message: escapeMarkdown(status.message),
        retry: say(lang, status.transient ? "board.retrySoon" : "board.retryLater"),
      });
    case "synced":
    case "dry-run":
      return renderRun(status, lang);
  }
}

function renderRun(
  status: Extract<BoardStatus, { kind: "synced" | "dry-run" }>,
  lang: Language,
): string {
  const { summary } = status;
  const link = `[${escapeMarkdown(status.title)}](${status.url})`;
  const parts: string[] = [];
  const count = (
    value: number,
    key:
      | "board.run.itemsAdded"
      | "board.run.valuesWritten"
      | "board.run.itemsArchived"
      | "board.run.itemsUnarchived"
      | "board.run.remaining",
  ) => {
    if (value > 0) parts.push(say(lang, key, { count: value }));
  };
  if (status.created) parts.push(say(lang, "board.run.created"));
  if (summary.fieldsCreated.length) {
    parts.push(say(lang, "board.run.fieldsCreated", { fields: summary.fieldsCreated.join(", ") }));
  }
  if (summary.optionsAdded.length) {
    parts.push(
      say(lang, "board.run.optionsAdded", {
        options: summary.optionsAdded.map(escapeMarkdown).join(", "),
      }),
    );
  }
  count(summary.itemsAdded, "board.run.itemsAdded");
  count(summary.valuesWritten, "board.run.valuesWritten");
  count(summary.itemsArchived, "board.run.itemsArchived");
  count(summary.itemsUnarchived, "board.run.itemsUnarchived");
  count(summary.remaining, "board.run.remaining");
  const lines = [
    parts.length === 0
      ? say(lang, "board.run.upToDate", { link, unchanged: summary.unchanged })
      : say(lang, status.kind === "dry-run" ? "board.run.changedPreview" : "board.run.changed", {
          link,
          changes: parts.join(", "),
        }),
  ];
  if (summary.conflicts.length) {
    lines.push(
      say(lang, "board.run.conflicts", {
        fields: summary.conflicts.map(escapeMarkdown).join(", "),
      }),
    );
  }
  if (summary.failed.length) {
    lines.push(
      say(lang, "board.run.failed", { failures: summary.failed.map(escapeMarkdown).join("; ") }),
    );
  }
  return lines.join("\n\n");
}
