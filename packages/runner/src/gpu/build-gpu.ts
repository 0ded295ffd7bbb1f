import { parseSmiBoolean, parseSmiNumber, parseSmiValue } from "../parse/parse-smi-value.js";
import type { Gpu } from "@nova/protocol";
import { KPI_FIELDS, type KpiField, type KpiName, type TreeSource } from "./kpi-fields.js";

/** Reads one raw value of one GPU by CSV field name or tree path; undefined when not there. */
export type RawLookup = (path: string) => string | undefined;

type Resolved = { kind: "value"; value: Gpu[KpiName] } | { kind: "absent" } | { kind: "error" };

/**
 * Builds a GPU's KPIs from raw values. `sources` picks, per field, where to look: the CSV
 * column name, or the text/XML paths. Whatever the driver does not report is null and named
 * in `unsupported`; an NVML error (`[Unknown Error]`) is null and named in `errors`.
 */
export function buildGpu(
  identity: { index: number; name: string },
  lookup: RawLookup,
  sources: (field: KpiField) => readonly TreeSource[],
): Gpu {
  const gpu: Record<string, unknown> = { index: identity.index, name: identity.name };
  const unsupported: string[] = [];
  const errors: string[] = [];
  for (const field of KPI_FIELDS) {
    const resolved = resolve(field, sources(field), lookup);
    gpu[field.kpi] = resolved.kind === "value" ? resolved.value : null;
    if (resolved.kind === "absent") unsupported.push(field.kpi);
    if (resolved.kind === "error") errors.push(field.kpi);
  }
  return { ...(gpu as Omit<Gpu, "unsupported" | "errors">), unsupported, errors };
}

function resolve(field: KpiField, sources: readonly TreeSource[], lookup: RawLookup): Resolved {
  for (const source of sources) {
    if (typeof source === "string") {
      const raw = lookup(source);
      if (raw === undefined) continue;
      return convert(field, raw);
    }
    const parts = source.sum.map(lookup).filter((raw): raw is string => raw !== undefined);
    if (parts.length === 0) continue;
    const converted = parts.map((raw) => convert(field, raw));
    if (converted.some((part) => part.kind === "error")) return { kind: "error" };
    const numbers = converted.flatMap((part) =>
      part.kind === "value" && typeof part.value === "number" ? [part.value] : [],
    );
    if (numbers.length === 0) return { kind: "absent" };
    return { kind: "value", value: numbers.reduce((total, n) => total + n, 0) };
  }
  return { kind: "absent" };
}

function convert(field: KpiField, raw: string): Resolved {
  const value = parseSmiValue(raw);
  if (value.kind === "absent") return { kind: "absent" };
  if (value.kind === "error") return { kind: "error" };
  switch (field.kind) {
    case "text":
      return { kind: "value", value: value.text };
    case "boolean": {
      const flag = parseSmiBoolean(value.text);
      return flag === null ? { kind: "absent" } : { kind: "value", value: flag };
    }
    case "number":
    case "integer": {
      const number = parseSmiNumber(value.text);
      if (number === null) return { kind: "absent" };
      return { kind: "value", value: field.kind === "integer" ? Math.round(number) : number };
    }
  }
}
