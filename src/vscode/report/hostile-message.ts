// A short, safe description of a rejected webview message for the log: its method (if any),
// truncated, and nothing from its payload (which may be large or carry pasted secrets).
export function describeHostileMessage(msg: unknown): string {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return `a ${msg === null ? 'null' : Array.isArray(msg) ? 'array' : typeof msg}`;
  const method = (msg as { method?: unknown }).method;
  if (typeof method !== 'string') return 'an object without a method';
  return `method "${method.slice(0, 60).replace(/[^\w./-]/g, '?')}"`;
}
