// The ACR token protocol, step by step, as the login checks exercise it:
//   challenge: GET /v2/ → 401 Bearer realm=https://<login>/oauth2/token,service=<login>
//   exchange:  POST /oauth2/exchange (AAD access token → ACR refresh token)
//   token:     POST /oauth2/token (refresh token → access token with a scope)
//              GET  /oauth2/token with Basic auth (admin user, service principal, repository token,
//              `--expose-token` refresh token under user 00000000-0000-0000-0000-000000000000)
// Every step reports whether it worked and, when not, the registry's own reason.
// No credential is sent before the realm is checked: only https://<login server>/… qualifies.
import { httpRequest, type HttpResponse } from '../net/http';
import type { NetOptions } from '../net/connection';
import type { KeepAlivePool } from '../net/keep-alive';
import { NetError } from '../net/errors';
import { bearerChallenge, realmIsTrusted, type BearerChallenge } from '../net/www-authenticate';
import { redact } from '../text/redact';

export type TokenStep = 'challenge' | 'exchange' | 'token';

export interface AcrNet extends NetOptions {
  loginServer: string;
  signal?: AbortSignal;
  /** Per request. */
  timeoutMs?: number;
  /** Ignore the proxy settings. */
  direct?: boolean;
  /** The run's kept connections for the exchange and token requests (never the challenge probe). */
  keepAlive?: KeepAlivePool;
}

export interface StepFailure {
  step: TokenStep;
  /** HTTP status when the registry answered. */
  status?: number;
  /** The registry's error code (UNAUTHORIZED, DENIED...) when it sent one. */
  code?: string;
  /** The registry's reason or the network error, one sentence, no secrets. */
  reason: string;
  /** Set when the request never got an HTTP answer. */
  netError?: NetError;
  /** The realm was refused (spoofed challenge): nothing was sent. */
  realmRefused?: boolean;
}

export type StepResult<T> = ({ ok: true } & T) | ({ ok: false } & StepFailure);

/** The user name `az acr login --expose-token` output must be used with. */
export const EXPOSED_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

const MAX_REASON = 300;

/** The registry's reason from an error body ({errors:[{code,message}]}, OAuth error, or text). */
export function errorReason(res: Pick<HttpResponse, 'status' | 'statusText' | 'json' | 'text'>): { code?: string; reason: string } {
  const j = res.json<Record<string, unknown>>();
  if (j && typeof j === 'object') {
    const errs = (j as { errors?: unknown }).errors;
    if (Array.isArray(errs) && errs.length && typeof errs[0] === 'object' && errs[0]) {
      const e = errs[0] as { code?: unknown; message?: unknown };
      return { code: typeof e.code === 'string' ? e.code : undefined, reason: clip(typeof e.message === 'string' ? e.message : `HTTP ${res.status}`) };
    }
    const desc = (j as { error_description?: unknown }).error_description ?? (j as { message?: unknown }).message ?? (j as { error?: unknown }).error;
    if (typeof desc === 'string') return { code: typeof (j as { error?: unknown }).error === 'string' ? String((j as { error?: unknown }).error) : undefined, reason: clip(desc) };
  }
  const text = res.text().trim();
  return { reason: clip(text && !/^</.test(text) ? text : `HTTP ${res.status} ${res.statusText}`) };
}

function clip(s: string): string {
  // A registry never echoes secrets, but a hostile one could: cut JWT-looking runs out anyway.
  return s.replace(/\s+/g, ' ').replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '<token>').slice(0, MAX_REASON);
}

/**
 * A registry (or a proxy's error page) may echo what it was sent: hide the credential this very
 * request carried, in every form it was sent in, from the reason before anyone shows it.
 */
function scrubbed<T>(r: StepResult<T>, sent: string[]): StepResult<T> {
  if (r.ok) return r;
  return { ...r, reason: redact(r.reason, sent.filter((s) => s.length >= 4)) };
}

function netFailure(step: TokenStep, e: unknown): StepFailure {
  if (e instanceof NetError) return { step, reason: `${e.phase}: ${e.message}`, netError: e };
  return { step, reason: e instanceof Error ? e.message : String(e) };
}

function req(net: AcrNet, url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<HttpResponse> {
  // The last guard: only the login server ever sees a credential.
  const v = realmIsTrusted(url, net.loginServer);
  if (!v.ok) throw new Error(`refusing to send a credential: ${v.reason}`);
  return httpRequest({
    url, method: init.method ?? 'GET', headers: init.headers, body: init.body,
    signal: net.signal, timeoutMs: net.timeoutMs ?? 5000,
    resolve: net.resolve, proxy: net.proxy, extraCaPem: net.extraCaPem, direct: net.direct, keepAlive: net.keepAlive,
  });
}

/**
 * GET /v2/ without credentials and check the realm. A probe measures a fresh connection (the
 * default); a listing that only needs the realm passes `reuse` so the token requests and pages
 * that follow ride the same connection.
 */
export async function fetchChallenge(net: AcrNet, opts: { reuse?: boolean } = {}): Promise<StepResult<{ challenge: BearerChallenge; tokenUrl: string }>> {
  let res: HttpResponse;
  try {
    res = await httpRequest({
      url: `https://${net.loginServer}/v2/`, signal: net.signal, timeoutMs: net.timeoutMs ?? 5000,
      resolve: net.resolve, proxy: net.proxy, extraCaPem: net.extraCaPem, direct: net.direct,
      ...(opts.reuse && net.keepAlive ? { keepAlive: net.keepAlive } : {}),
    });
  } catch (e) {
    return { ok: false, ...netFailure('challenge', e) };
  }
  const challenge = bearerChallenge(res.headers['www-authenticate']);
  if (!challenge) {
    const { code, reason } = errorReason(res);
    return { ok: false, step: 'challenge', status: res.status, code, reason: res.status === 401 ? 'the registry answered 401 without a Bearer realm' : reason };
  }
  const trust = realmIsTrusted(challenge.realm, net.loginServer);
  if (!trust.ok) return { ok: false, step: 'challenge', status: res.status, reason: `${trust.reason}; no credential was sent`, realmRefused: true };
  return { ok: true, challenge, tokenUrl: challenge.realm };
}

function form(fields: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) p.set(k, v);
  return p.toString();
}

/** POST /oauth2/exchange: AAD access token → ACR refresh token. */
export async function exchangeAadToken(net: AcrNet, tokenUrl: string, aadToken: string, tenant?: string): Promise<StepResult<{ refreshToken: string; status: number }>> {
  const url = new URL(tokenUrl);
  url.pathname = url.pathname.replace(/\/token$/, '/exchange');
  if (!url.pathname.endsWith('/exchange')) url.pathname = '/oauth2/exchange';
  url.search = '';
  let res: HttpResponse;
  try {
    res = await req(net, url.toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'access_token', service: net.loginServer, tenant, access_token: aadToken }),
    });
  } catch (e) {
    return { ok: false, ...netFailure('exchange', e) };
  }
  const body = res.json<{ refresh_token?: unknown }>();
  if (res.status === 200 && typeof body?.refresh_token === 'string' && body.refresh_token) {
    return { ok: true, refreshToken: body.refresh_token, status: 200 };
  }
  const { code, reason } = errorReason(res);
  return scrubbed({ ok: false, step: 'exchange', status: res.status, code, reason: res.status === 200 ? 'the answer holds no refresh_token' : reason }, [aadToken, encodeURIComponent(aadToken)]);
}

/** POST /oauth2/token: refresh token → access token for `scope`. */
export async function accessTokenFromRefresh(net: AcrNet, tokenUrl: string, refreshToken: string, scope: string): Promise<StepResult<{ accessToken: string; status: number }>> {
  let res: HttpResponse;
  try {
    res = await req(net, tokenUrl.split('?')[0], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'refresh_token', service: net.loginServer, scope, refresh_token: refreshToken }),
    });
  } catch (e) {
    return { ok: false, ...netFailure('token', e) };
  }
  return scrubbed(tokenAnswer(res), [refreshToken, encodeURIComponent(refreshToken)]);
}

/** GET /oauth2/token with Basic auth, as docker does for user name + password logins. */
export async function accessTokenWithPassword(net: AcrNet, tokenUrl: string, username: string, password: string, scope: string): Promise<StepResult<{ accessToken: string; status: number }>> {
  const url = new URL(tokenUrl);
  url.search = '';
  url.searchParams.set('service', net.loginServer);
  if (scope) url.searchParams.set('scope', scope);
  let res: HttpResponse;
  try {
    res = await req(net, url.toString(), { headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } });
  } catch (e) {
    return { ok: false, ...netFailure('token', e) };
  }
  return scrubbed(tokenAnswer(res), [password, Buffer.from(`${username}:${password}`).toString('base64'), encodeURIComponent(password)]);
}

function tokenAnswer(res: HttpResponse): StepResult<{ accessToken: string; status: number }> {
  const body = res.json<{ access_token?: unknown; token?: unknown }>();
  const t = typeof body?.access_token === 'string' ? body.access_token : typeof body?.token === 'string' ? body.token : undefined;
  if (res.status === 200 && t) return { ok: true, accessToken: t, status: 200 };
  const { code, reason } = errorReason(res);
  return { ok: false, step: 'token', status: res.status, code, reason: res.status === 200 ? 'the answer holds no access_token' : reason };
}

/** The scope a check asks for: `repository:<repo>:pull[,push]`, or the catalog when no repository is known. */
export function scopeFor(repository: string | undefined, actions: string[] = ['pull']): string {
  if (!repository) return 'registry:catalog:*';
  return `repository:${repository}:${actions.join(',')}`;
}
