/**
 * A first pass over the raw config, before the schema sees it: it bounds the work a hostile or
 * broken file can cause (size, depth, prototype keys, values no YAML produces) and returns a
 * plain copy, so nothing the schema or later code does can reach the caller's object.
 */

/** Far above anything `.github/nova.yml` needs (its deepest key is 4 levels down). */
export const INPUT_LIMITS = {
  depth: 10,
  entries: 1_000,
  stringLength: 10_000,
  keyLength: 200,
  nodes: 20_000,
  issues: 20,
} as const;

/** Keys that reach `Object.prototype` through plain property access. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type InputPath = Array<string | number>;

export type InputIssueReason =
  | { kind: "not-a-mapping"; found: unknown }
  | { kind: "forbidden-key"; key: string }
  | { kind: "too-deep"; limit: number }
  | { kind: "too-many-entries"; count: number; limit: number }
  | { kind: "too-long"; length: number; limit: number }
  | { kind: "too-large"; limit: number }
  | { kind: "unsupported-value" };

export interface InputIssue {
  path: InputPath;
  reason: InputIssueReason;
}

export type SanitizeResult = { ok: true; value: unknown } | { ok: false; issues: InputIssue[] };

interface WalkState {
  nodes: number;
  issues: InputIssue[];
  /** Set once the file is too large: walking on would only repeat that. */
  stopped: boolean;
}

/**
 * Checks the shape of `raw` and copies it. The top level must be a mapping. A `Date` (as some
 * YAML loaders make of `2026-12-04`) becomes its `YYYY-MM-DD` text when it is a whole UTC day.
 * Never throws for plain data; a throwing getter is the caller's to catch.
 */
export function sanitizeConfigInput(raw: unknown): SanitizeResult {
  if (!isPlainObject(raw)) {
    // A mapping whose prototype is plain data: a loader that assigned a `__proto__` key.
    if (hasDataPrototype(raw)) {
      return {
        ok: false,
        issues: [{ path: ["__proto__"], reason: { kind: "forbidden-key", key: "__proto__" } }],
      };
    }
    return { ok: false, issues: [{ path: [], reason: { kind: "not-a-mapping", found: raw } }] };
  }
  const state: WalkState = { nodes: 0, issues: [], stopped: false };
  const value = copyValue(raw, [], state);
  return state.issues.length === 0 ? { ok: true, value } : { ok: false, issues: state.issues };
}

function copyValue(value: unknown, path: InputPath, state: WalkState): unknown {
  if (state.stopped || state.issues.length >= INPUT_LIMITS.issues) return undefined;
  state.nodes += 1;
  if (state.nodes > INPUT_LIMITS.nodes) {
    state.stopped = true;
    return report(state, [], { kind: "too-large", limit: INPUT_LIMITS.nodes });
  }
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "string") {
    if (value.length > INPUT_LIMITS.stringLength) {
      return report(state, path, {
        kind: "too-long",
        length: value.length,
        limit: INPUT_LIMITS.stringLength,
      });
    }
    return value;
  }
  if (value instanceof Date) return copyDate(value, path, state);
  if (path.length >= INPUT_LIMITS.depth && typeof value === "object") {
    return report(state, path, { kind: "too-deep", limit: INPUT_LIMITS.depth });
  }
  if (Array.isArray(value)) return copyArray(value, path, state);
  if (isPlainObject(value)) return copyObject(value, path, state);
  return report(state, path, { kind: "unsupported-value" });
}

function copyArray(value: readonly unknown[], path: InputPath, state: WalkState): unknown {
  if (value.length > INPUT_LIMITS.entries) {
    return report(state, path, {
      kind: "too-many-entries",
      count: value.length,
      limit: INPUT_LIMITS.entries,
    });
  }
  const copy: unknown[] = [];
  for (let index = 0; index < value.length; index += 1) {
    copy.push(copyValue(value[index], [...path, index], state));
  }
  return copy;
}

function copyObject(value: Record<string, unknown>, path: InputPath, state: WalkState): unknown {
  const keys = Object.keys(value);
  if (keys.length > INPUT_LIMITS.entries) {
    return report(state, path, {
      kind: "too-many-entries",
      count: keys.length,
      limit: INPUT_LIMITS.entries,
    });
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      report(state, [...path, key], { kind: "forbidden-key", key });
      continue;
    }
    if (key.length > INPUT_LIMITS.keyLength) {
      report(state, [...path, `${key.slice(0, 20)}…`], {
        kind: "too-long",
        length: key.length,
        limit: INPUT_LIMITS.keyLength,
      });
      continue;
    }
    copy[key] = copyValue(value[key], [...path, key], state);
  }
  return copy;
}

function copyDate(value: Date, path: InputPath, state: WalkState): unknown {
  const time = value.getTime();
  if (Number.isNaN(time)) return report(state, path, { kind: "unsupported-value" });
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function report(state: WalkState, path: InputPath, reason: InputIssueReason): undefined {
  if (state.issues.length < INPUT_LIMITS.issues) state.issues.push({ path, reason });
  return undefined;
}

/** An object whose prototype is a plain object (no class's: those own a `constructor`). */
function hasDataPrototype(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    typeof proto === "object" &&
    proto !== null &&
    proto !== Object.prototype &&
    !Object.hasOwn(proto, "constructor")
  );
}

/** A mapping as YAML or JSON makes it: no class instance, no array. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
