// One Entra token per scope per run. Several checks (net.arm, login.registry, login.aks, the
// sign-in and blob checks) ask the same credential for the same ARM token at the same moment;
// MSAL's cache only helps once a token is in, so each concurrent caller went to Entra itself
// (measured: three token requests and three metadata fetches per healthy run). This wrapper
// shares the first request and its token with every caller of the run.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { untilAborted } from './context';

/** A token closer than this to its expiry is fetched again rather than handed out. */
const MIN_VALIDITY_MS = 60_000;

/**
 * `credential` with getToken shared per (scopes, tenant, claims) for one run. The shared
 * request runs with `runSignal` (the run's budget / cancel), so one caller's deadline does not
 * fail the others; each caller still stops waiting at its own abortSignal. Failures are not
 * kept: the next caller asks again.
 */
export function runScopedCredential(credential: TokenCredential, runSignal: AbortSignal): TokenCredential {
  const shared = new Map<string, Promise<AccessToken | null>>();
  const request = (key: string, scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
    const p = credential.getToken(scopes, { ...options, abortSignal: runSignal });
    shared.set(key, p);
    p.catch(() => { if (shared.get(key) === p) shared.delete(key); });
    return p;
  };
  // A caller that gives up gets what the SDK itself throws on abort (name AbortError), as before.
  const wait = <T>(p: Promise<T>, options?: GetTokenOptions): Promise<T> => {
    const signal = options?.abortSignal;
    if (!signal) return p;
    return untilAborted(p, signal).catch((e: unknown) => {
      if (!signal.aborted) throw e;
      throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    });
  };
  const getToken = async (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
    // Not keyed by enableCae: the SDK clients ask with it, the sign-in checks without, and either
    // token is good for the same audience (a CAE claims challenge comes back with `claims`, keyed).
    const key = JSON.stringify([[scopes].flat().sort(), options?.tenantId ?? null, options?.claims ?? null]);
    const kept = shared.get(key);
    if (!kept) return wait(request(key, scopes, options), options);
    // Callers waiting on the same request share its answer, failures included.
    const t = await wait(kept, options);
    // A token kept from earlier in the run may have aged past the margin (long --timeout runs).
    if (!t || t.expiresOnTimestamp - Date.now() >= MIN_VALIDITY_MS) return t;
    return wait(shared.get(key) !== kept ? shared.get(key) ?? request(key, scopes, options) : request(key, scopes, options), options);
  };
  return { getToken };
}
