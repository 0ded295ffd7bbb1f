/**
 * Walking the config schema: the key paths it defines (for the documentation check) and the
 * node that checks a given path (for problem messages). Works on zod 4 schema definitions.
 */
import { z } from "zod";

/** Stands for any key of a user-named mapping (`roles.*.members`). */
export const ANY_KEY = "*";

/** Wrapper kinds whose `def.innerType` is the schema that does the checking. */
const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "nonoptional",
]);

/**
 * Every layer from `schema` inwards through wrappers (optional, default, …) and pipes, outermost
 * first. A pipe stands for its input side, unless that is a bare transform (a preprocess step),
 * in which case its output side does the checking.
 */
export function listSchemaLayers(schema: z.ZodType): z.ZodType[] {
  const layers: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  while (current !== undefined && layers.length < 50) {
    layers.push(current);
    current = unwrapOnce(current);
  }
  return layers;
}

/** The innermost layer of `schema`: the object, record, array, union or scalar doing the work. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  return listSchemaLayers(schema).at(-1) ?? schema;
}

function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodPipe) {
    const input = schema.in as z.ZodType;
    return input instanceof z.ZodTransform ? (schema.out as z.ZodType) : input;
  }
  const def = schema.def as { type: string; innerType?: z.ZodType };
  return WRAPPERS.has(def.type) ? def.innerType : undefined;
}

/**
 * Every key path the schema defines, dotted, in schema order: a mapping's own path and those of
 * its keys (`sync`, `sync.closeRemoved`, …). A user-named mapping (a record) is one path; when
 * its values are mappings, their keys follow with `*` for the name (`roles.*.members`). The
 * keys of every alternative of a union are listed.
 */
export function listConfigKeys(schema: z.ZodType, prefix = ""): string[] {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      return [path, ...listConfigKeys(child, path)];
    });
  }
  if (inner instanceof z.ZodRecord) {
    const value = unwrapSchema(inner.valueType as z.ZodType);
    return value instanceof z.ZodObject ? listConfigKeys(value, `${prefix}.${ANY_KEY}`) : [];
  }
  if (inner instanceof z.ZodUnion) {
    const keys = (inner.options as z.ZodType[]).flatMap((option) => listConfigKeys(option, prefix));
    return [...new Set(keys)];
  }
  return [];
}

/**
 * The schema node that checks the value at `path` (object keys, record keys, array indexes),
 * or undefined when the schema has no such place. With `recordKey`, the last segment is a key
 * of a record and the answer is the schema of the record's keys.
 */
export function findSchemaAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  options: { recordKey?: boolean } = {},
): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    const next = findChild(unwrapSchema(current), segment, last && options.recordKey === true);
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

function findChild(
  inner: z.ZodType,
  segment: PropertyKey,
  wantRecordKey: boolean,
): z.ZodType | undefined {
  if (inner instanceof z.ZodObject && typeof segment === "string") {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, segment) ? shape[segment] : undefined;
  }
  if (inner instanceof z.ZodRecord) {
    return (wantRecordKey ? inner.keyType : inner.valueType) as z.ZodType;
  }
  if (inner instanceof z.ZodArray && typeof segment === "number") {
    return inner.element as z.ZodType;
  }
  if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) {
      const child = findChild(unwrapSchema(option), segment, wantRecordKey);
      if (child !== undefined) return child;
    }
  }
  return undefined;
}
