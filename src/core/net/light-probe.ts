// The tree's "health at a glance": DNS, TCP, TLS and an anonymous `GET /v2/` (its challenge), no
// credentials ever sent. Distinct from a diagnosis: it says whether the registry answers, not why
// a login or pull fails.
import type { NetOptions } from './connection';
import { NetError } from './errors';
import { httpRequest } from './http';
import { bearerChallenge, realmIsTrusted } from './www-authenticate';

export type LightHealth = 'reachable' | 'refused' | 'unreachable';

export interface LightProbeResult {
  health: LightHealth;
  /** When it was probed (ms since the epoch). */
  at: number;
  /** The phase that decided and what it saw, short, in English (for the log). */
  detail: string;
}

const PROBE_TIMEOUT_MS = 5_000;

export async function lightProbe(loginServer: string, opts: NetOptions & { signal?: AbortSignal; timeoutMs?: number; now?: () => number; /** Tests: a loopback port instead of 443. */ port?: number } = {}): Promise<LightProbeResult> {
  const now = opts.now ?? Date.now;
  try {
    const res = await httpRequest({
      url: `https://${loginServer}${opts.port ? `:${opts.port}` : ''}/v2/`, method: 'GET', headers: {}, signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? PROBE_TIMEOUT_MS, maxBodyBytes: 4096,
      resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem,
    });
    return { ...verdictOfAnswer(loginServer, res.status, res.headers['www-authenticate']), at: now() };
  } catch (err) {
    return { ...verdictOfError(err), at: now() };
  }
}

/** 200 (anonymous) or 401 with a challenge from the login server itself: it answers as a registry. */
export function verdictOfAnswer(loginServer: string, status: number, wwwAuthenticate: string | string[] | undefined): Omit<LightProbeResult, 'at'> {
  if (status === 200) return { health: 'reachable', detail: 'GET /v2/ answered 200' };
  if (status === 401) {
    const challenge = bearerChallenge(wwwAuthenticate);
    if (challenge && realmIsTrusted(challenge.realm, loginServer).ok) return { health: 'reachable', detail: 'GET /v2/ answered 401 with the registry\'s challenge' };
    return { health: 'refused', detail: 'GET /v2/ answered 401 without a challenge from the login server' };
  }
  return { health: 'refused', detail: `GET /v2/ answered ${status}` };
}

/** Nothing answers (no name, no route, no answer in time) vs. something answers no (port, proxy, TLS). */
export function verdictOfError(err: unknown): Omit<LightProbeResult, 'at'> {
  if (!(err instanceof NetError)) return { health: 'unreachable', detail: String(err instanceof Error ? err.message : err).slice(0, 200) };
  const detail = `${err.phase}: ${err.kind}${err.code ? ` (${err.code})` : ''}`;
  switch (err.kind) {
    case 'refused': case 'proxy-refused': case 'tls-untrusted': case 'tls-name': case 'tls-other': case 'protocol':
      return { health: 'refused', detail };
    default:
      return { health: 'unreachable', detail };
  }
}
