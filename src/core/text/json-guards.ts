// Reading untrusted JSON (ARM, Resource Graph, Log Analytics, registry answers): each guard returns
// the value when it has the expected shape and a harmless empty value otherwise, never throws.

export type JsonObject = Record<string, unknown>;

/** A non-empty string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** A string with something besides white space, trimmed, else undefined. */
export function trimmedStr(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A string of at most `max` characters (empty included), else undefined. */
export function shortStr(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length <= max ? v : undefined;
}

/** An array, else an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A plain object (not an array), else an empty one. */
export function rec(v: unknown): JsonObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
}
