// Sorts what an Azure SDK call threw into the few cases the tree explains differently.
// Vscode-free (unit-tested in plain node). Messages are redacted (tokens, secrets) before they
// reach a tree row or the log.
import { redact } from '../../core/text/redact';

export type AzureErrorKind = 'signIn' | 'forbidden' | 'notFound' | 'throttled' | 'server' | 'network' | 'cancelled' | 'other';

export interface ClassifiedAzureError {
  kind: AzureErrorKind;
  status?: number;
  /** ARM/Entra error code, e.g. AuthorizationFailed, AADSTS700016. */
  code?: string;
  /** The first line of the message, trimmed to a reasonable length. */
  message: string;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CORE_KINDS: Record<string, AzureErrorKind> = {
  unauthenticated: 'signIn',
  'credential-unavailable': 'signIn',
  forbidden: 'forbidden',
  'not-found': 'notFound',
  throttled: 'throttled',
  server: 'server',
  network: 'network',
  tls: 'network',
  cancelled: 'cancelled',
  'bad-request': 'other',
  'invalid-response': 'other',
};

export function classifyAzureError(err: unknown): ClassifiedAzureError {
  const e = (err ?? {}) as {
    name?: string; message?: string; statusCode?: number; status?: number; code?: string;
    isNotSignedInError?: boolean; errorResponse?: { error?: string }; cause?: unknown;
    details?: { error?: { code?: string } };
  };
  const rawMessage = typeof err === 'string' ? err : typeof e.message === 'string' ? e.message : String(err);
  const message = redact(firstLine(rawMessage));
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'string' ? e.code : e.details?.error?.code ?? aadCode(rawMessage);

  // MSAL reports an unreachable or untrusted authority as "credential unavailable": that is a
  // network problem, not an expired sign-in.
  if (/endpoints_resolution_error|network_error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|certificate/i.test(rawMessage)) {
    return { kind: 'network', status, code, message };
  }
  // Core's AzureAccessError (src/core/azure/errors.ts) already says what happened.
  const coreKind = e.name === 'AzureAccessError' ? (err as { kind?: unknown }).kind : undefined;
  if (typeof coreKind === 'string') {
    const kind = CORE_KINDS[coreKind] ?? 'other';
    return { kind, status, code, message };
  }
  if (e.name === 'AbortError' || code === 'ABORT_ERR') return { kind: 'cancelled', status, code, message };
  if (e.isNotSignedInError || e.name === 'AuthenticationRequiredError' || e.name === 'CredentialUnavailableError' ||
      e.name === 'AuthenticationError' || status === 401 || (code && /^AADSTS/.test(code)) ||
      /expired|not signed in|sign in again|invalid_grant|interaction_required/i.test(rawMessage)) {
    return { kind: 'signIn', status, code, message };
  }
  if (status === 403 || code === 'AuthorizationFailed' || code === 'Forbidden') return { kind: 'forbidden', status, code, message };
  if (status === 404) return { kind: 'notFound', status, code, message };
  if (status === 429) return { kind: 'throttled', status, code, message };
  if (status !== undefined && status >= 500) return { kind: 'server', status, code, message };
  const netCode = code ?? causeCode(e.cause);
  if ((netCode && NETWORK_CODES.has(netCode)) || e.name === 'RestError' && status === undefined) {
    return { kind: 'network', status, code: netCode, message };
  }
  return { kind: 'other', status, code, message };
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? text;
  return line.trim().slice(0, 500);
}

function aadCode(text: string): string | undefined {
  return /\b(AADSTS\d+)\b/.exec(text)?.[1];
}

function causeCode(cause: unknown): string | undefined {
  const c = cause as { code?: unknown } | undefined;
  return typeof c?.code === 'string' ? c.code : undefined;
}
