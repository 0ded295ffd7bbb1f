import type { MetaComment, TaskMeta } from "./types.js";
import { TASK_ID_PATTERN } from "./slugify.js";
import { isIsoDate } from "./iso-date.js";

/** Metadata keys Nova understands in `<!-- nova: … -->`. Others are kept but warned about. */
export const KNOWN_META_KEYS = ["id", "after", "role", "estimate", "due", "owner"] as const;

const COMMENT_OPEN = "<!--";
const COMMENT_CLOSE = "-->";
const PREFIX = "nova:";

/** A problem with one metadata entry, for lint. */
export interface MetaProblem {
  kind: "malformed" | "unknown-key";
  /** The key, or the offending part when it is not `key=value`. */
  key: string;
  value?: string;
  /** Which rule the value broke (an i18n key suffix). */
  rule?: "id" | "after" | "estimate" | "due" | "owner" | "empty" | "syntax";
}

/** True when an inline HTML node is a Nova metadata comment (`<!-- nova: … -->`). */
export function isMetaComment(html: string): boolean {
  const trimmed = html.trim();
  if (!trimmed.startsWith(COMMENT_OPEN) || !trimmed.endsWith(COMMENT_CLOSE)) return false;
  // Only the prefix is lowercased, not the whole comment (no character lowercases into `nova:`).
  const body = trimmed.slice(COMMENT_OPEN.length).trimStart();
  return body.slice(0, PREFIX.length).toLowerCase() === PREFIX;
}

/**
 * Splits the body of a `<!-- nova: k=v; k=v -->` comment into entries, keeping each entry's
 * offset inside the raw comment so a write-back edit can replace just one value.
 */
export function splitMetaComment(raw: string): {
  entries: Array<{ key: string; value: string; valueStart: number; valueEnd: number }>;
  malformed: string[];
  /** Offset in `raw` just after `nova:` and the whitespace that follows it. */
  bodyStart: number;
} {
  const afterOpen = raw.indexOf(COMMENT_OPEN) + COMMENT_OPEN.length;
  const prefixAt = findPrefix(raw, afterOpen);
  let bodyStart = prefixAt + PREFIX.length;
  while (bodyStart < raw.length && isSpace(raw.charCodeAt(bodyStart))) bodyStart++;
  const bodyEnd = raw.lastIndexOf(COMMENT_CLOSE);
  const entries: Array<{ key: string; value: string; valueStart: number; valueEnd: number }> = [];
  const malformed: string[] = [];
  // Parts end at each `;` before `-->` and at `-->` itself; `indexOf` jumps between them. Each
  // part is read by offsets (trimmed by scanning), so a part costs its key and value strings
  // only: this runs for every task of a plan.
  for (let partStart = bodyStart; partStart <= bodyEnd;) {
    const semicolon = raw.indexOf(";", partStart);
    const partEnd = semicolon >= 0 && semicolon < bodyEnd ? semicolon : bodyEnd;
    let from = partStart;
    let to = partEnd;
    while (from < to && isSpace(raw.charCodeAt(from))) from++;
    while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
    if (from < to) {
      const eq = raw.indexOf("=", partStart);
      let keyEnd = eq;
      while (keyEnd > from && isSpace(raw.charCodeAt(keyEnd - 1))) keyEnd--;
      if (eq < 0 || eq >= partEnd || keyEnd <= from) {
        malformed.push(raw.slice(from, to));
      } else {
        // An empty value starts at the part's end, as `valueStart + leading blanks` always did.
        let valueStart = eq + 1;
        while (valueStart < partEnd && isSpace(raw.charCodeAt(valueStart))) valueStart++;
        const value = valueStart < to ? raw.slice(valueStart, to) : "";
        entries.push({
          key: raw.slice(from, keyEnd).toLowerCase(),
          value,
          valueStart,
          valueEnd: valueStart + value.length,
        });
      }
    }
    partStart = partEnd + 1;
  }
  return { entries, malformed, bodyStart };
}

/**
 * Where `nova:` starts, in any case, at or after `from`; -1 when it is not there. Compared a
 * character at a time, not on a lowercased copy of the comment.
 */
function findPrefix(raw: string, from: number): number {
  for (let at = raw.indexOf(":", from); at >= 0; at = raw.indexOf(":", at + 1)) {
    const start = at - 4;
    if (start >= from && raw.slice(start, at).toLowerCase() === "nova") return start;
  }
  return -1;
}

/**
 * What `String.prototype.trim` strips (`\s`: ECMAScript white space and line terminators), as a
 * char-code test so trimming by offsets agrees with `trim()`.
 */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Records a malformed value; a function, not a closure created for every entry of every task. */
function reportMalformed(
  problems: MetaProblem[],
  key: string,
  value: string,
  rule: MetaProblem["rule"],
): void {
  problems.push({ kind: "malformed", key, value, rule });
}

/** Parses an estimate such as `2d`, `1,5d`, `4h` (8 h a day), `1w` (5 days) or `3` (days). */
export function parseEstimateDays(value: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)?)\s*([dhwt]?)$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const amount = Number(match[1].replace(",", "."));
  const unit = (match[2] ?? "").toLowerCase();
  // "t" is the German "Tag"; a bare number means days.
  const days = unit === "h" ? amount / 8 : unit === "w" ? amount * 5 : amount;
  return days > 0 && Number.isFinite(days) ? days : undefined;
}

const OWNER_PATTERN = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * Validates the entries of a metadata comment. Invalid values are left out of the result and
 * reported as problems; the task itself is never dropped.
 */
export function parseTaskMeta(comment: Pick<MetaComment, "entries" | "malformed"> | null): {
  meta: TaskMeta;
  problems: MetaProblem[];
} {
  const meta: TaskMeta = { after: [] };
  const problems: MetaProblem[] = [];
  if (!comment) return { meta, problems };
  for (const part of comment.malformed)
    problems.push({ kind: "malformed", key: part, rule: "syntax" });
  for (const { key, value } of comment.entries) {
    if (value === "" && (KNOWN_META_KEYS as readonly string[]).includes(key)) {
      reportMalformed(problems, key, value, "empty");
      continue;
    }
    switch (key) {
      case "id":
        if (TASK_ID_PATTERN.test(value)) meta.id = value;
        else reportMalformed(problems, key, value, "id");
        break;
      case "after": {
        // Most tasks name one dependency: one valid id is the whole list.
        if (TASK_ID_PATTERN.test(value)) {
          meta.after = [value];
          break;
        }
        const ids = value
          .split(/[\s,]+/)
          .map((id) => id.trim())
          .filter((id) => id !== "");
        const invalid = ids.filter((id) => !TASK_ID_PATTERN.test(id));
        if (invalid.length > 0) reportMalformed(problems, key, value, "after");
        meta.after = ids.filter((id) => TASK_ID_PATTERN.test(id));
        break;
      }
      case "role":
        meta.role = value;
        break;
      case "estimate": {
        const days = parseEstimateDays(value);
        if (days === undefined) reportMalformed(problems, key, value, "estimate");
        else meta.estimateDays = days;
        break;
      }
      case "due":
        if (isIsoDate(value)) meta.due = value;
        else reportMalformed(problems, key, value, "due");
        break;
      case "owner":
        if (OWNER_PATTERN.test(value)) meta.owner = value.replace(/^@/, "");
        else reportMalformed(problems, key, value, "owner");
        break;
      default:
        problems.push({ kind: "unknown-key", key, value });
    }
  }
  return { meta, problems };
}
