/**
 * Every hidden marker Nova writes into GitHub bodies and files, read and written in one place.
 *
 * A marker is an HTML comment `<!-- nova:<kind> key=value … -->`: GitHub does not show it, and
 * it carries identity and state (which task an issue belongs to, which command a reply answers,
 * what a bot pull request proposes, …).
 *
 * The one rule: Nova writes its markers as the last thing in a body, so a marker counts only in
 * that trailing block of hidden comments. A marker anywhere else, in inline code, a quote, a
 * task description or a person's edit above the footer, is text, never identity: a description
 * quoting `<!-- nova:task id=b-aufgabe -->` cannot make its issue task B's. Callers must still
 * check that Nova wrote the body (the author); this module only says where a marker may stand.
 */

/** The kinds of marker Nova writes. */
export type MarkerKind =
  "task" | "section" | "synced" | "reply" | "bot-pr" | "gpu-report" | "status-report";

/** One marker: its kind and fields, in the order written. */
export interface HiddenMarker {
  kind: string;
  fields: Record<string, string>;
}

const FIELD = /^([A-Za-z]+)=([^\s]*)$/;
const KIND = /^nova:([a-z][a-z-]*)$/;

/**
 * `<!-- nova:<kind> k=v … -->`. Values must not contain spaces or `--` (callers percent-encode
 * free text), so a marker can never end early or hide another.
 */
export function renderHiddenMarker(
  kind: MarkerKind,
  fields: ReadonlyArray<readonly [string, string]>,
): string {
  for (const [key, value] of fields) {
    if (!/^[A-Za-z]+$/.test(key) || /\s|--|>/.test(value)) {
      throw new Error(`marker field ${key} cannot be written as is`);
    }
  }
  const rendered = fields.map(([key, value]) => ` ${key}=${value}`).join("");
  return `<!-- nova:${kind}${rendered} -->`;
}

/** Parses the inside of one comment (`nova:kind k=v …`), or null when it is not Nova's. */
function parseComment(inside: string): HiddenMarker | null {
  const [head, ...parts] = inside.trim().split(/\s+/);
  const kind = KIND.exec(head ?? "")?.[1];
  if (kind === undefined) return null;
  const fields: Record<string, string> = {};
  for (const part of parts) {
    const match = FIELD.exec(part);
    if (!match) return null;
    fields[match[1]!] = match[2]!;
  }
  return { kind, fields };
}

/**
 * The markers of a body's trailing block, in order: the HTML comments at its very end,
 * separated only by whitespace. Stops at the first thing that is not a Nova marker.
 */
export function parseTrailingMarkers(body: string | null | undefined): HiddenMarker[] {
  const markers: HiddenMarker[] = [];
  let rest = (body ?? "").trimEnd();
  while (rest.endsWith("-->")) {
    const start = rest.lastIndexOf("<!--");
    if (start < 0) break;
    const marker = parseComment(rest.slice(start + 4, rest.length - 3));
    if (marker === null) break;
    markers.unshift(marker);
    rest = rest.slice(0, start).trimEnd();
  }
  return markers;
}

/** The fields of the last `kind` marker in the trailing block, or null. */
export function parseHiddenMarker(
  body: string | null | undefined,
  kind: MarkerKind,
): Record<string, string> | null {
  return (
    parseTrailingMarkers(body)
      .filter((marker) => marker.kind === kind)
      .at(-1)?.fields ?? null
  );
}

/**
 * Replaces the trailing block's `kind` marker with `marker`, or appends `marker` when the block
 * has none; anything above the block (a quoted marker included) stays as it is.
 */
export function replaceHiddenMarker(body: string, kind: MarkerKind, marker: string): string {
  const trimmed = body.trimEnd();
  const trailing = parseTrailingMarkers(trimmed);
  if (!trailing.some((entry) => entry.kind === kind)) return `${body}\n${marker}`;
  // Walk the block from the end again, replacing the last marker of that kind.
  let end = trimmed.length;
  for (let index = trailing.length - 1; index >= 0; index--) {
    const start = trimmed.lastIndexOf("<!--", end - 1);
    if (trailing[index]!.kind === kind) {
      return `${trimmed.slice(0, start)}${marker}${trimmed.slice(end)}${body.slice(trimmed.length)}`;
    }
    end = trimmed.slice(0, start).trimEnd().length;
  }
  return `${body}\n${marker}`;
}

/** Percent-encoded JSON with `-` encoded too, so it never contains `--` or `-->`. */
function encodeData(data: unknown): string {
  return encodeURIComponent(JSON.stringify(data)).replace(/-/g, "%2D");
}

function decodeData(value: string | undefined): unknown {
  if (value === undefined || !/^[A-Za-z0-9%_.!~*'()]*$/.test(value)) return undefined;
  try {
    return JSON.parse(decodeURIComponent(value)) as unknown;
  } catch {
    return undefined;
  }
}

// --- task: which task an issue belongs to -----------------------------------------------------
// Identity lives here, never in titles: the sync finds a task's issue by this marker alone.

const TASK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `<!-- nova:task id=<id> -->`. */
export function renderTaskMarker(taskId: string): string {
  return renderHiddenMarker("task", [["id", taskId]]);
}

/** The task id of a bot-written body, or null. Callers must also check the author. */
export function parseTaskMarker(body: string | null | undefined): string | null {
  const id = parseHiddenMarker(body, "task")?.id;
  return id !== undefined && TASK_ID.test(id) ? id : null;
}

// --- section: which checklist section an issue stands for --------------------------------------

/**
 * `<!-- nova:section id=<slug> tasks=<digest> -->`. The digest of the section's task ids in plan
 * order changes the body when the order changes, which is what makes the sync read the
 * section's sub-issue list (and only then).
 */
export function renderSectionMarker(slug: string, taskIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of taskIds.join(",")) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return renderHiddenMarker("section", [
    ["id", slug],
    ["tasks", hash.toString(16).padStart(8, "0")],
  ]);
}

/** The section slug of a bot-written section issue's body, or null. Callers must check the author. */
export function parseSectionMarker(body: string | null | undefined): string | null {
  const id = parseHiddenMarker(body, "section")?.id;
  return id !== undefined && TASK_ID.test(id) ? id : null;
}

// --- synced: the checkbox state Nova last synced into an issue ---------------------------------
// It lets a later run tell "the checklist changed" (follow it) from "a person closed or reopened
// the issue" (keep it and propose a write-back).

export interface SyncedState {
  checked: boolean;
  /** The task was removed from the checklist and its issue closed as not planned. */
  removed: boolean;
}

/** `<!-- nova:synced checked=<0|1>[ removed=1] -->`. */
export function renderSyncedMarker(state: SyncedState): string {
  return renderHiddenMarker("synced", [
    ["checked", state.checked ? "1" : "0"],
    ...(state.removed ? ([["removed", "1"]] as const) : []),
  ]);
}

/** The checkbox state Nova last synced into a body, or null for bodies without one. */
export function parseSyncedMarker(body: string | null | undefined): SyncedState | null {
  const fields = parseHiddenMarker(body, "synced");
  if (fields === null || (fields.checked !== "0" && fields.checked !== "1")) return null;
  return { checked: fields.checked === "1", removed: fields.removed === "1" };
}

/** Replaces (or appends) the sync-state marker of a body. */
export function writeSyncedMarker(body: string, state: SyncedState): string {
  return replaceHiddenMarker(body, "synced", renderSyncedMarker(state));
}

// --- reply: which commands of a comment a reply answers ----------------------------------------
// Before posting, Nova looks for a reply of its own with this marker, so a redelivered webhook
// does not answer twice; a marker quoted in a reply's text is not one (it is not trailing).

/** `<!-- nova:reply comment=<id> command=<n> -->` for command `command` (1-based). */
export function renderReplyMarker(commentId: number, command: number): string {
  return renderHiddenMarker("reply", [
    ["comment", String(commentId)],
    ["command", String(command)],
  ]);
}

/** The commands (1-based) of `commentId` that a bot-written reply answers. */
export function parseReplyMarkers(body: string, commentId: number): number[] {
  return parseTrailingMarkers(body)
    .filter((marker) => marker.kind === "reply")
    .filter((marker) => /^\d+$/.test(marker.fields.comment ?? ""))
    .filter((marker) => Number(marker.fields.comment) === commentId)
    .flatMap((marker) =>
      /^\d+$/.test(marker.fields.command ?? "") ? [Number(marker.fields.command)] : [],
    );
}

// --- bot-pr: what a bot pull request proposes --------------------------------------------------
// The body's footer: its kind and the value it shows, as percent-encoded JSON. A body value's
// `parse()` reads only this, so edits to the visible text cannot change what Nova believes the
// pull request proposes (and Nova rewrites such edits).

export type BotPrKind = "status" | "write-back";

/** `<!-- nova:bot-pr kind=… data=… -->` for a value. */
export function renderBotPrMarker(kind: BotPrKind, data: unknown): string {
  return renderHiddenMarker("bot-pr", [
    ["kind", kind],
    ["data", encodeData(data)],
  ]);
}

/** The decoded data of a body's marker of `kind`, or undefined when there is none or it is broken. */
export function parseBotPrMarker(body: string | null | undefined, kind: BotPrKind): unknown {
  const fields = parseHiddenMarker(body, "bot-pr");
  if (fields === null || fields.kind !== kind) return undefined;
  return decodeData(fields.data);
}

// --- gpu-report: the state of a runner report comment ------------------------------------------

/** `<!-- nova:gpu-report data=… -->`. */
export function renderGpuReportMarker(data: unknown): string {
  return renderHiddenMarker("gpu-report", [["data", encodeData(data)]]);
}

/** The decoded data of a report comment's marker, or undefined. */
export function parseGpuReportMarker(body: string | null | undefined): unknown {
  return decodeData(parseHiddenMarker(body, "gpu-report")?.data);
}

// --- status-report: the digest a report file was written with ----------------------------------

/** `<!-- nova:status-report date=YYYY-MM-DD digest=<hex> -->`. */
export function renderStatusReportMarker(date: string, digest: string): string {
  return renderHiddenMarker("status-report", [
    ["date", date],
    ["digest", digest],
  ]);
}

/** The digest of a report file Nova wrote, or null. */
export function parseStatusReportDigest(text: string | null | undefined): string | null {
  const fields = parseHiddenMarker(text, "status-report");
  return fields !== null &&
    /^\d{4}-\d{2}-\d{2}$/.test(fields.date ?? "") &&
    /^[0-9a-f]+$/.test(fields.digest ?? "")
    ? fields.digest!
    : null;
}
