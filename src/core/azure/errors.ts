// One typed error for everything an ARM/Entra call can throw, so callers branch on `kind`
// instead of parsing SDK errors. Messages are redacted and never carry request dumps or headers.
import { redact } from '../text/redact';

export type AzureErrorKind =
  | 'unauthenticated'        // 401, expired/invalid token, Entra refused the credential (AADSTS…)
  | 'credential-unavailable' // no usable sign-in (no env, no az login)
  | 'forbidden'              // 403 AuthorizationFailed
  | 'not-found'              // 404 (subscription, resource group, registry)
  | 'throttled'              // 429 after the SDK's own retries
  | 'server'                 // 5xx after retries
  | 'network'                // DNS, refused, reset, timeout
  | 'tls'                    // certificate not trusted / wrong name
  | 'bad-request'            // 400/409 with an ARM error code
  | 'invalid-response'       // a 2xx body that is not what ARM sends
  | 'cancelled';

export class AzureAccessError extends Error {
  override readonly name = 'AzureAccessError';
  constructor(
    readonly kind: AzureErrorKind,
    message: string,
    /** What we were doing, e.g. 'list registries in subscription 1234…'. */
    readonly operation: string,
    readonly status?: number,
    /** ARM error code (AuthorizationFailed, ResourceNotFound…) or Entra's AADSTS code. */
    readonly code?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);
const TLS = new Set(['CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED']);

function firstLine(s: string): string {
  const line = s.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? s;
  return line.length > 600 ? `${line.slice(0, 600)}…` : line;
}

function codesIn(e: unknown, depth = 0): string[] {
  if (!e || typeof e !== 'object' || depth > 4) return [];
  const o = e as { code?: unknown; errno?: unknown; cause?: unknown; error?: unknown };
  const mine = [o.code, o.errno].filter((x): x is string => typeof x === 'string');
  return [...mine, ...codesIn(o.cause, depth + 1), ...codesIn(o.error, depth + 1)];
}

/** Turn anything an SDK threw into an AzureAccessError (an AzureAccessError passes through). */
export function toAzureError(err: unknown, operation: string, known: readonly string[] = []): AzureAccessError {
  if (err instanceof AzureAccessError) {
    // A pipeline policy does not know the operation: fill it in here.
    return err.operation ? err : new AzureAccessError(err.kind, err.message, operation, err.status, err.code, err.retryAfterSeconds);
  }
  const e = (err ?? {}) as {
    name?: unknown; message?: unknown; statusCode?: unknown; status?: unknown; code?: unknown;
    details?: { error?: { code?: unknown; message?: unknown } }; response?: { headers?: { get?(n: string): string | undefined } };
    errorResponse?: { error?: unknown; errorDescription?: unknown };
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const raw = typeof err === 'string' ? err : typeof e.message === 'string' ? e.message : String(err);
  const message = redact(firstLine(raw), known);
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  const armCode = typeof e.details?.error?.code === 'string' ? e.details.error.code : undefined;
  const aad = /\b(AADSTS\d+)\b/.exec(raw)?.[1];
  const codes = codesIn(err);
  const code = aad ?? armCode ?? codes.find((c) => !/^(REQUEST_SEND_ERROR|PARSE_ERROR)$/.test(c)) ?? codes[0];
  let retryAfter: number | undefined;
  try {
    const h = e.response?.headers?.get?.('retry-after');
    if (h && /^\d+$/.test(h)) retryAfter = Number(h);
  } catch { /* headers not readable */ }
  const make = (kind: AzureErrorKind) => new AzureAccessError(kind, message, operation, status, code, retryAfter);

  if (name === 'AbortError' || codes.includes('ABORT_ERR')) return make('cancelled');
  if (/endpoints_resolution_error/.test(raw)) {
    // MSAL could not read the tenant's OpenID configuration: Entra answered AADSTS90002 (unknown
    // tenant) or the authority host is wrong.
    return new AzureAccessError('unauthenticated', `The sign-in authority did not answer for this tenant: unknown tenant id, wrong authority host, or the authority is unreachable or its TLS certificate is not trusted. ${message}`, operation, status, 'endpoints_resolution_error');
  }
  if (name === 'CredentialUnavailableError') return make('credential-unavailable');
  if (name === 'AuthenticationError' || name === 'AuthenticationRequiredError' || aad) return make('unauthenticated');
  if (codes.some((c) => TLS.has(c)) || /self[- ]signed certificate|unable to verify the first certificate|certificate has expired|altnames/i.test(raw)) return make('tls');
  if (codes.some((c) => NETWORK.has(c))) return make('network');
  if (status === 401) return make('unauthenticated');
  if (status === 403) return make('forbidden');
  if (status === 404) return make('not-found');
  if (status === 429) {
    return new AzureAccessError('throttled', `ARM throttled the request (429 Too Many Requests${retryAfter !== undefined ? `; Retry-After ${retryAfter} s` : ''}): ${message}`, operation, status, code, retryAfter);
  }
  if (status !== undefined && status >= 500) return make('server');
  if (status !== undefined && status >= 400) return make('bad-request');
  if (codes.includes('PARSE_ERROR') || name === 'SyntaxError' || name === 'TypeError') return make('invalid-response');
  if (codes.includes('REQUEST_SEND_ERROR') || (name === 'RestError' && status === undefined)) return make('network');
  return make('invalid-response');
}

/** Run an SDK call and rethrow failures as AzureAccessError. */
export async function armCall<T>(operation: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw new AzureAccessError('cancelled', 'The operation was cancelled.', operation);
  try {
    return await fn();
  } catch (e) {
    if (signal?.aborted) throw new AzureAccessError('cancelled', 'The operation was cancelled.', operation);
    throw toAzureError(e, operation);
  }
}
