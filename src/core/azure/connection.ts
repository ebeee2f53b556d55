// How core reaches ARM: the signed-in credential, the ARM endpoint and its token scope, extra CA
// certificates (the sandbox's, a corporate proxy's), and one factory per real Azure SDK client,
// each configured the way that SDK generation expects (the ACR client is TypeSpec-generated), and
// armRequest for what no SDK here covers (Resource Graph among them). Every client asks Entra for
// the same ARM scope.
import { setMaxListeners } from 'node:events';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { bearerTokenAuthenticationPolicy, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, createDefaultHttpClient, type HttpClient, type Pipeline, type PipelinePolicy, type TlsSettings } from '@azure/core-rest-pipeline';
import type { AzureContext } from '../engine/environment';
import { armScopeFor } from './clouds';
import { AzureAccessError, toAzureError } from './errors';
import { caTlsOptions } from '../net/secure-context';

export interface ArmAccess extends AzureContext {
  /** Extra trusted CA certificates (PEM) on top of Node's roots. */
  extraCaPem?: string[];
  /** Retries of transient failures (429 honours Retry-After, 5xx, network); default 3. */
  maxRetries?: number;
  /**
   * Longest wait for one retry (a 429/503 Retry-After or a backoff), default 2 s: ARM's throttling
   * asks for 30 s or more, far beyond a diagnosis's budget, so a longer Retry-After ends the call
   * at once with a `throttled` AzureAccessError instead of waiting it out.
   */
  maxRetryWaitMs?: number;
  /** Epoch ms after which the caller no longer wants an answer: no retry waits past it. */
  deadline?: number;
}

export const DEFAULT_MAX_RETRY_WAIT_MS = 2000;

/** Milliseconds a Retry-After (seconds or HTTP date) / retry-after-ms header asks for, if any. */
export function retryAfterMsOf(get: (name: string) => string | undefined | null, now = Date.now()): number | undefined {
  for (const h of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = get(h);
    if (v && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  }
  const v = get('retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long this caller may wait before one more retry (the bound, or less near its deadline). */
export function retryWaitBoundMs(azure: Pick<ArmAccess, 'maxRetryWaitMs' | 'deadline'>, now = Date.now()): number {
  const bound = azure.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  return azure.deadline !== undefined ? Math.max(0, Math.min(bound, azure.deadline - now)) : bound;
}

/** The typed error for a throttling answer whose Retry-After is longer than the caller can wait. */
export function throttledError(status: number, retryAfterMs: number | undefined, armMessage?: string): AzureAccessError {
  const secs = retryAfterMs !== undefined ? Math.ceil(retryAfterMs / 1000) : undefined;
  const what = status === 429 ? 'ARM throttled the request (429 Too Many Requests)' : `ARM asked to come back later (${status})`;
  const msg = `${what}${secs !== undefined ? `; Retry-After ${secs} s is longer than this diagnosis can wait` : ''}${armMessage ? `: ${armMessage}` : '.'}`;
  return new AzureAccessError('throttled', msg, '', status, status === 429 ? 'TooManyRequests' : undefined, secs);
}

/**
 * A per-retry policy (runs inside the SDK's retry policy) that ends a 429/503 answer whose
 * Retry-After exceeds what the caller may wait: it throws a non-RestError, which the retry policy
 * rethrows without waiting; armCall/toAzureError fill in the operation.
 */
export function boundedRetryAfterPolicy(azure: Pick<ArmAccess, 'maxRetryWaitMs' | 'deadline'>): PipelinePolicy {
  return {
    name: 'acrDoctorBoundedRetryAfter',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status === 429 || response.status === 503) {
        const ms = retryAfterMsOf((n) => response.headers.get(n));
        if (ms !== undefined && ms > retryWaitBoundMs(azure)) {
          let armMessage: string | undefined;
          try { const m = (JSON.parse(response.bodyAsText ?? '') as { error?: { message?: unknown } }).error?.message; if (typeof m === 'string') armMessage = m; } catch { /* not JSON */ }
          throw throttledError(response.status, ms, armMessage);
        }
      }
      return response;
    },
  };
}

/** Retry options for core-rest-pipeline clients: backoffs capped at the caller's bound. */
function retryOptionsOf(azure: ArmAccess) {
  const cap = Math.max(1, retryWaitBoundMs(azure));
  return { maxRetries: azure.maxRetries ?? 3, retryDelayInMs: Math.min(800, cap), maxRetryDelayInMs: cap };
}

/** Options every core-client SDK gets: bounded retries plus the Retry-After guard. */
export function boundedRetryClientOptions(azure: ArmAccess) {
  return {
    retryOptions: retryOptionsOf(azure),
    additionalPolicies: [{ policy: boundedRetryAfterPolicy(azure), position: 'perRetry' as const }],
  };
}

/** ArmAccess from a diagnosis environment (its Azure sign-in plus its extra CAs), if signed in. */
export function armAccessOf(env: { azure?: AzureContext; extraCaPem?: string[] }): ArmAccess | undefined {
  if (!env.azure) return undefined;
  return { ...env.azure, ...(env.extraCaPem?.length ? { extraCaPem: env.extraCaPem } : {}) };
}

export function armScope(azure: ArmAccess): string {
  return azure.armScope ?? armScopeFor(azure.armEndpoint, azure);
}

/** A credential that always asks for `scope`, whatever scope an SDK computes from its endpoint. */
export function scopedCredential(credential: TokenCredential, scope: string): TokenCredential {
  return {
    getToken: (_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => credential.getToken(scope, options),
  };
}

/** `tlsOptions` for any Azure SDK client (TlsSettings names only `ca`; the agent passes on the rest). */
export function tlsOptionsOf(azure: { extraCaPem?: readonly string[] }): { tlsOptions: TlsSettings } | Record<string, never> {
  const t = caTlsOptions(azure.extraCaPem);
  return t ? { tlsOptions: t } : {};
}

// One HTTP client for every ARM request (the SDK clients, armRequest) of every run in this process,
// so a run's keep-alive connections to ARM and its TLS sessions serve the next run too: a second
// diagnosis in the same extension host starts without TCP and TLS handshakes to ARM (each SDK
// generation otherwise kept its own client: a healthy diagnosis opened 12 TLS connections to ARM).
// A connection carries no identity (each request brings its own bearer token). The pool is per host
// and per trust: the client keeps one keep-alive https.Agent per `tlsOptions` object (one per CA set,
// caTlsOptions) and Node's agent one pool per host:port; a proxy's agent comes from each pipeline's
// proxy policy, as before. What a probe must see fresh never rides it (probes open their own).
let sharedArmHttpClient: HttpClient | undefined;

/** The shared ARM HTTP client (`httpClient` in any Azure SDK client's options). */
export function armHttpClient(): HttpClient {
  return (sharedArmHttpClient ??= createDefaultHttpClient());
}

// A run wraps the caller's credential (runScopedCredential); what is kept between runs for one
// principal (the registry's resource id) is keyed by the credential the run wrapped.
const wrapped = new WeakMap<TokenCredential, TokenCredential>();

/** Records that `wrapper` asks `base` for its tokens (same principal). */
export function wrapsCredential(wrapper: TokenCredential, base: TokenCredential): TokenCredential {
  wrapped.set(wrapper, wrapped.get(base) ?? base);
  return wrapper;
}

/** The credential `credential` wraps (itself if it wraps none): one principal, one key. */
export function principalKeyOf(credential: TokenCredential): TokenCredential {
  return wrapped.get(credential) ?? credential;
}

function endpoint(azure: ArmAccess): string {
  return azure.armEndpoint.replace(/\/+$/, '');
}

/** Options shared by the core-client based SDKs (subscriptions, authorization, registries). */
function coreClientOptions(azure: ArmAccess) {
  return {
    endpoint: endpoint(azure),
    credentialScopes: [armScope(azure)],
    ...boundedRetryClientOptions(azure),
    ...tlsOptionsOf(azure),
    httpClient: armHttpClient(),
  };
}

export function credentialOf(azure: ArmAccess): TokenCredential {
  return scopedCredential(azure.credential, armScope(azure));
}

export function registryClient(azure: ArmAccess, subscriptionId: string): ContainerRegistryManagementClient {
  return new ContainerRegistryManagementClient(credentialOf(azure), subscriptionId, {
    endpoint: endpoint(azure),
    credentials: { scopes: [armScope(azure)] },
    ...boundedRetryClientOptions(azure),
    ...tlsOptionsOf(azure),
    httpClient: armHttpClient(),
  });
}

export function subscriptionClient(azure: ArmAccess): SubscriptionClient {
  return new SubscriptionClient(credentialOf(azure), coreClientOptions(azure));
}

export function authorizationClient(azure: ArmAccess, subscriptionId: string): AuthorizationManagementClient {
  return new AuthorizationManagementClient(credentialOf(azure), subscriptionId, coreClientOptions(azure));
}

const preconnected = new Map<string, number>();
/** A connection opened this recently is taken to be kept still (Node drops one the server closes). */
const PRECONNECT_AGAIN_MS = 60_000;
/**
 * Connections opened ahead: right after its token a diagnosis sends ten ARM reads at once
 * (Resource Graph, the registry listing, the registry and its parts, virtual networks, the provider,
 * role assignments, diagnostic settings); each one without an idle connection pays TCP and TLS
 * (two round trips) after the token instead of beside it. 
 */
export const ARM_PRECONNECTIONS = 10;

/**
 * Opens ARM_PRECONNECTIONS connections to ARM while the caller's first token is still on its way
 * from Entra: the first ARM requests then find TCP and TLS done (two round trips: ~300 ms on a far
 * network) instead of starting them after the token. Unauthenticated HEADs of the endpoint's root
 * through the shared client and the same proxy and trust as every ARM request; their answers are
 * ignored, nothing is sent but the request line. Not again within a minute for the same endpoint and trust.
 */
export function preconnectArm(azure: ArmAccess, signal?: AbortSignal, now: () => number = Date.now): void {
  const tls = caTlsOptions(azure.extraCaPem);
  const key = `${endpoint(azure).toLowerCase()} ${azure.extraCaPem?.join('\n').length ?? 0}`;
  const at = preconnected.get(key);
  if (at !== undefined && now() - at < PRECONNECT_AGAIN_MS) return;
  preconnected.set(key, now());
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 }, ...(tls ? { tlsOptions: tls } : {}) });
  // One listener on the caller's signal for all of them (ten would trip Node's listener warning).
  const stop = new AbortController();
  setMaxListeners(ARM_PRECONNECTIONS + 2, stop.signal);
  if (signal?.aborted) return;
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let left = ARM_PRECONNECTIONS;
  const done = () => { if (--left === 0) signal?.removeEventListener('abort', onAbort); };
  // Sent together, so the keep-alive agent opens one connection for each (none is idle yet).
  for (let i = 0; i < ARM_PRECONNECTIONS; i++) {
    const request = createPipelineRequest({ url: `${endpoint(azure)}/`, method: 'HEAD', abortSignal: stop.signal, timeout: 10_000 });
    void pipeline.sendRequest(armHttpClient(), request).catch(() => { preconnected.delete(key); }).finally(done);
  }
}

const pipelines = new WeakMap<ArmAccess, Pipeline>();

/**
 * A plain ARM request (for resources no installed SDK covers: providers, virtual networks,
 * diagnostic settings) through the same Azure pipeline: bearer token, retries, proxy, TLS.
 */
export async function armRequest<T = unknown>(azure: ArmAccess, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, opts: { apiVersion: string; body?: unknown; signal?: AbortSignal; operation: string }): Promise<T> {
  const sep = path.includes('?') ? '&' : '?';
  return armSend<T>(azure, method, `${endpoint(azure)}${path}${sep}api-version=${encodeURIComponent(opts.apiVersion)}`, opts);
}

/** Pages an ARM list may take before armList stops (1000 items a page for most providers). */
export const ARM_LIST_MAX_PAGES = 20;

/**
 * Every item (`value`) of an ARM list, following `nextLink` (a large subscription's list comes in
 * pages): at most `maxPages` pages, and only links to the same ARM endpoint, which is the only
 * host the bearer token goes to. A link elsewhere is an `invalid-response` error.
 */
export async function armList(azure: ArmAccess, path: string, opts: { apiVersion: string; signal?: AbortSignal; operation: string; maxPages?: number }): Promise<unknown[]> {
  const items: unknown[] = [];
  let page = await armRequest<{ value?: unknown; nextLink?: unknown }>(azure, 'GET', path, opts);
  for (let n = 1; ; n++) {
    if (Array.isArray(page?.value)) items.push(...page.value);
    const next = typeof page?.nextLink === 'string' && page.nextLink ? page.nextLink : undefined;
    if (!next || n >= (opts.maxPages ?? ARM_LIST_MAX_PAGES)) return items;
    let url: URL;
    try { url = new URL(next); } catch { throw new AzureAccessError('invalid-response', 'ARM answered with a next-page link that is not a URL.', opts.operation); }
    if (url.origin !== new URL(endpoint(azure)).origin) {
      throw new AzureAccessError('invalid-response', `ARM's next-page link points at ${url.host}, not the ARM endpoint: not followed.`, opts.operation);
    }
    page = await armSend(azure, 'GET', url.href, opts);
  }
}

async function armSend<T>(azure: ArmAccess, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, opts: { body?: unknown; signal?: AbortSignal; operation: string }): Promise<T> {
  let pipeline = pipelines.get(azure);
  if (!pipeline) {
    pipeline = createPipelineFromOptions({ retryOptions: retryOptionsOf(azure), ...tlsOptionsOf(azure) });
    pipeline.addPolicy(boundedRetryAfterPolicy(azure), { afterPhase: 'Retry' });
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: credentialOf(azure), scopes: armScope(azure) }));
    pipelines.set(azure, pipeline);
  }
  const request = createPipelineRequest({
    url,
    method,
    headers: createHttpHeaders({ accept: 'application/json', ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}) }),
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    abortSignal: opts.signal,
  });
  let response;
  try {
    response = await pipeline.sendRequest(armHttpClient(), request);
  } catch (e) {
    throw toAzureError(e, opts.operation);
  }
  if (response.status >= 300 && response.status < 400) {
    // The pipeline follows a redirect only within the same origin (without Authorization); a
    // redirect it left unfollowed points elsewhere, where the token must not go.
    const to = response.headers.get('location');
    let host = '?';
    try { host = to ? new URL(to, url).host : '?'; } catch { /* unparsable Location */ }
    throw new AzureAccessError('invalid-response', `ARM redirected the request to ${host}: not followed, the token goes only to the ARM endpoint.`, opts.operation, response.status);
  }
  const text = response.bodyAsText ?? '';
  let body: unknown;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = undefined; }
  if (response.status >= 400) {
    const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const fake = Object.assign(new Error(typeof err?.message === 'string' ? err.message : `ARM answered ${response.status}`), {
      name: 'RestError', statusCode: response.status, code: typeof err?.code === 'string' ? err.code : undefined,
      details: { error: { code: err?.code } }, response: { headers: response.headers },
    });
    throw toAzureError(fake, opts.operation);
  }
  if (text && body === undefined) throw new AzureAccessError('invalid-response', 'ARM answered with something that is not JSON.', opts.operation, response.status);
  return body as T;
}

