// Secrets never leave core in clear text: tokens, passwords, basic auth, JWTs, client secrets.
// `redact` works on any string; `redactDeep` on any JSON-like value (keys that name a secret
// have their whole value hidden). Known secret values can be added per call.

export const REDACTED = '***';

const SECRET_KEY = /^(pass(word)?|pwd|secret|client_?secret|token|access_?token|refresh_?token|identity_?token|id_?token|auth|authorization|proxy-authorization|api_?key|x-ms-.*token|sig|signature|credentials?|cookie|set-cookie|registrytoken)$/i;

// A key named "credential" often says where a credential came from, not what it is: those names
// (a closed list, so no secret is ever mistaken for one) are shown; anything else stays hidden.
const CREDENTIAL_KEY = /^credentials?$/i;
const CREDENTIAL_SOURCES = new Set([
  'none', '(none)', 'anonymous', 'anonymous pull', 'explicit credentials', "docker's stored credential", 'microsoft entra sign-in',
  'docker-config', 'docker config', 'config.json', 'file', 'helper', 'credential helper', 'credsstore', 'credhelpers', 'environment',
  'service principal', 'managed identity', 'azure cli', 'az-cli', 'vs code', 'vscode', 'identity token', 'admin user', 'repository token',
]);

/** Is `value`, under key `key`, a harmless description rather than a secret? */
function harmlessUnderSecretKey(key: string, value: unknown): boolean {
  return CREDENTIAL_KEY.test(key) && typeof value === 'string' && CREDENTIAL_SOURCES.has(value.trim().toLowerCase());
}

/** A bare `Basic <b64>` is a credential when it decodes to user:password. */
function basicCredential(b64: string): boolean {
  try {
    const decoded = typeof atob === 'function' ? atob(b64) : '';
    return /^[^:\x00-\x1f]{0,256}:[^\x00-\x1f]*$/.test(decoded);
  } catch { return false; }
}

/** A bare `Bearer <x>` is a token when x is long and not a plain word (a challenge's "realm=" is not). */
function bearerToken(x: string): boolean {
  return x.length >= 16 && /[0-9._~+/=-]|[a-z][A-Z]/.test(x);
}

/** Words (and HTTP statuses) that follow "token:" or "password:" in clients' error chains; never a value worth hiding. */
const ERROR_WORD = /^(?:invalid|unauthorized|denied|expired|required|missing|failed|error|empty|none|null|undefined|incorrect|rejected|authentication|not|unexpected|unable|cannot|could|no|status|response|request|context|dial|read|get|head|post|put|server|internal|bad|service|gateway|forbidden|conflict|too|timeout|[1-5]\d\d)(?::|$)/i;

const PATTERNS: [RegExp, string | ((...m: string[]) => string)][] = [
  // JWTs (header.payload.signature, base64url)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Authorization / Proxy-Authorization header values
  // (A bare error word is not a value: containerd's "may require authorization: server message: …".)
  [/\b((?:proxy-)?authorization\s*[:=]\s*)(basic|bearer|negotiate|digest)?\s*([^\s,;"']+)/gi, (m: string, p: string, scheme: string | undefined, v: string) => (!scheme && ERROR_WORD.test(v) ? m : `${p}${scheme ? `${scheme} ` : ''}${REDACTED}`)],
  // A bare "Basic <b64>" / "Bearer <token>" (a pasted curl -H, a log line) without the header name.
  [/\b(Basic|Bearer)(\s+)([A-Za-z0-9._~+/-]+=*)/gi, (m: string, scheme: string, sp: string, v: string) =>
    (/^basic$/i.test(scheme) ? basicCredential(v) : bearerToken(v)) ? `${scheme}${sp}${REDACTED}` : m],
  // user:password@ in URLs (scheme length bounded and unanchored: `\b[a-z][a-z0-9+.-]*` was quadratic,
  // seconds on a 60 KB paste of "+C+C…")
  [/([a-z0-9+.-]{1,32}:\/\/)([^/\s:@]+):([^/\s@]+)@/gi, (_m, s: string, u: string) => `${s}${u}:${REDACTED}@`],
  // key=value and "key": "value" pairs whose key names a secret (query strings, forms, JSON, CLI flags)
  // (Not an error's own next word: "auth token: invalid username/password: unauthorized: …" is how
  // containers/image words a refusal, and hiding those words hides the fault, not a secret.)
  [/(["']?\b(?:password|passwd|pwd|client_secret|clientsecret|secret|access_token|refresh_token|identitytoken|identity_token|id_token|token|sig|api_key|apikey|auth)\b["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi, (m: string, p: string, v: string) => (ERROR_WORD.test(v) ? m : `${p}${REDACTED}`)],
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
  if (seen.has(value)) return '[circular]' as unknown as T;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, known, seen)) as unknown as T;
  // ArrayBuffer.isView, not Buffer.isBuffer: the report webview (no Node) redacts with this file too.
  if (ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' && !harmlessUnderSecretKey(k, v) ? REDACTED : redactDeep(v, known, seen);
  }
  return out as T;
}
