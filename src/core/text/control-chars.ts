// Text from the network (a certificate's issuer, a proxy's reason phrase, a registry's error body)
// can carry terminal escapes: ESC/CSI/OSC sequences retitle the window, rewrite what is on screen or
// set the clipboard (OSC 52). C0 and C1 controls (and DEL) go, except newline and tab.

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` without C0/C1 control characters (newline and tab are kept). */
export function stripControlChars(text: string): string {
  return String(text).replace(CONTROL, '');
}

/** Every string (keys too) in a JSON-like value without control characters. */
export function stripControlCharsDeep<T>(value: T, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return stripControlChars(value) as unknown as T;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => stripControlCharsDeep(v, seen)) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[stripControlChars(k)] = stripControlCharsDeep(v, seen);
  return out as T;
}

// The CLI's own colours: SGR sequences of one or two digits (bold, dim, red … cyan, default).
const CONTROL_OR_OWN_SGR = /\x1b\[(?:[0-9]|[1-9][0-9])m|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * What a terminal may be given: control characters stripped, except, when `colour` is on, the
 * plain SGR colour sequences the CLI writes itself (no cursor moves, no OSC, no C1).
 */
export function terminalText(text: string, colour: boolean): string {
  if (!colour) return stripControlChars(text);
  return String(text).replace(CONTROL_OR_OWN_SGR, (m) => (m.length > 1 ? m : ''));
}
