// Secrets never leave core in clear text: tokens, passwords, basic auth, JWTs, client secrets.
// `redact` works on any string; `redactDeep` on any JSON-like value (keys that name a secret
// have their whole value hidden). Known secret values can be added per call.

export const REDACTED = '***';

const SECRET_KEY = /^(pass(word)?|pwd|secret|client_?secret|token|access_?token|refresh_?token|identity_?token|id_?token|auth|authorization|proxy-authorization|api_?key|x-ms-.*token|sig|signature|credentials?|cookie|set-cookie|registrytoken)$/i;

const PATTERNS: [RegExp, string | ((...m: string[]) => string)][] = [
  // JWTs (header.payload.signature, base64url)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Authorization / Proxy-Authorization header values
  [/\b((?:proxy-)?authorization\s*[:=]\s*)(basic|bearer|negotiate|digest)?\s*[^\s,;"']+/gi, (_m, p: string, scheme?: string) => `${p}${scheme ? `${scheme} ` : ''}${REDACTED}`],
  // user:password@ in URLs (scheme length bounded and unanchored: `\b[a-z][a-z0-9+.-]*` was quadratic,
  // seconds on a 60 KB paste of "+C+C…")
  [/([a-z0-9+.-]{1,32}:\/\/)([^/\s:@]+):([^/\s@]+)@/gi, (_m, s: string, u: string) => `${s}${u}:${REDACTED}@`],
  // key=value and "key": "value" pairs whose key names a secret (query strings, forms, JSON, CLI flags)
  [/(["']?\b(?:password|passwd|pwd|client_secret|clientsecret|secret|access_token|refresh_token|identitytoken|identity_token|id_token|token|sig|api_key|apikey|auth)\b["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi, (_m, p: string) => `${p}${REDACTED}`],
  // -p / --password / --password-stdin style CLI arguments
  [/((?:^|\s)(?:-p|--password|--client-secret|--secret)(?:\s+|=))(?!-)(\S+)/g, (_m, p: string) => `${p}${REDACTED}`],
  // Azure SAS / storage keys (AccountKey=..., SharedAccessSignature=...)
  [/\b(AccountKey|SharedAccessKey|SharedAccessSignature)=([^;\s]+)/g, (_m, k: string) => `${k}=${REDACTED}`],
];

/** Redact secrets in a string; `known` are exact secret values to hide wherever they appear. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = String(text);
  for (const k of known) {
    if (k && k.length >= 4) out = out.split(k).join(REDACTED);
  }
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep as (substring: string, ...args: string[]) => string);
  return out;
}

/** Redact every string in a JSON-like value; values under secret-named keys are hidden whole. */
export function redactDeep<T>(value: T, known: readonly string[] = [], seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return redact(value, known) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value as object)) return '[circular]' as unknown as T;
  seen.add(value as object);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, known, seen)) as unknown as T;
  if (Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? REDACTED : redactDeep(v, known, seen);
  }
  return out as T;
}
