// How core reaches ARM: the signed-in credential, the ARM endpoint and its token scope, extra CA
// certificates (the sandbox's, a corporate proxy's), and one factory per real Azure SDK client,
// each configured the way that SDK generation expects (the ACR client is TypeSpec-generated, the
// Resource Graph client is the older ms-rest-js one). Every client asks Entra for the same ARM scope.
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { exponentialRetryPolicy, systemErrorRetryPolicy, throttlingRetryPolicy } from '@azure/ms-rest-js';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { bearerTokenAuthenticationPolicy, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, createDefaultHttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import type { AzureContext } from '../engine/environment';
import { armScopeFor } from './clouds';
import { AzureAccessError, toAzureError } from './errors';

export interface ArmAccess extends AzureContext {
  /** Extra trusted CA certificates (PEM) on top of Node's roots. */
  extraCaPem?: string[];
  /** Retries of transient failures (429 honours Retry-After, 5xx, network); default 3. */
  maxRetries?: number;
}

/** ArmAccess from a diagnosis environment (its Azure sign-in plus its extra CAs), if signed in. */
export function armAccessOf(env: { azure?: AzureContext; extraCaPem?: string[] }): ArmAccess | undefined {
  if (!env.azure) return undefined;
  return { ...env.azure, ...(env.extraCaPem?.length ? { extraCaPem: env.extraCaPem } : {}) };
}

export function armScope(azure: ArmAccess): string {
  return azure.armScope ?? armScopeFor(azure.armEndpoint);
}

/** A credential that always asks for `scope`, whatever scope an SDK computes from its endpoint. */
export function scopedCredential(credential: TokenCredential, scope: string): TokenCredential {
  return {
    getToken: (_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => credential.getToken(scope, options),
  };
}

function ca(azure: ArmAccess): string[] | undefined {
  return azure.extraCaPem?.length ? [...tls.rootCertificates, ...azure.extraCaPem] : undefined;
}

function endpoint(azure: ArmAccess): string {
  return azure.armEndpoint.replace(/\/+$/, '');
}

/** Options shared by the core-client based SDKs (subscriptions, authorization, containerservice). */
function coreClientOptions(azure: ArmAccess) {
  const c = ca(azure);
  return {
    endpoint: endpoint(azure),
    credentialScopes: [armScope(azure)],
    retryOptions: { maxRetries: azure.maxRetries ?? 3 },
    ...(c ? { tlsOptions: { ca: c } } : {}),
  };
}

export function credentialOf(azure: ArmAccess): TokenCredential {
  return scopedCredential(azure.credential, armScope(azure));
}

export function registryClient(azure: ArmAccess, subscriptionId: string): ContainerRegistryManagementClient {
  const c = ca(azure);
  return new ContainerRegistryManagementClient(credentialOf(azure), subscriptionId, {
    endpoint: endpoint(azure),
    credentials: { scopes: [armScope(azure)] },
    retryOptions: { maxRetries: azure.maxRetries ?? 3 },
    ...(c ? { tlsOptions: { ca: c } } : {}),
  });
}

export function graphClient(azure: ArmAccess): ResourceGraphClient {
  const c = ca(azure);
  // ms-rest-js: `baseUri`; a custom https agent carries the extra CA (it then bypasses env proxies,
  // which is why it is only set when extra CAs are given).
  const retries = azure.maxRetries ?? 3;
  return new ResourceGraphClient(credentialOf(azure), {
    baseUri: endpoint(azure),
    // ms-rest-js waits 30 s between retries of a 5xx by default; use the newer SDKs' pacing
    // (throttling still honours Retry-After).
    noRetryPolicy: true,
    requestPolicyFactories: (defaults: unknown[]) => [...defaults,
      exponentialRetryPolicy(retries, 800, 400, 8000), systemErrorRetryPolicy(retries, 800, 400, 8000), throttlingRetryPolicy(retries)],
    ...(c ? { agentSettings: { http: new http.Agent(), https: new https.Agent({ ca: c }) } } : {}),
  } as ConstructorParameters<typeof ResourceGraphClient>[1]);
}

export function subscriptionClient(azure: ArmAccess): SubscriptionClient {
  return new SubscriptionClient(credentialOf(azure), coreClientOptions(azure));
}

export function authorizationClient(azure: ArmAccess, subscriptionId: string): AuthorizationManagementClient {
  return new AuthorizationManagementClient(credentialOf(azure), subscriptionId, coreClientOptions(azure));
}

export function containerServiceClient(azure: ArmAccess, subscriptionId: string): ContainerServiceClient {
  return new ContainerServiceClient(credentialOf(azure), subscriptionId, coreClientOptions(azure));
}

const pipelines = new WeakMap<ArmAccess, Pipeline>();

/**
 * A plain ARM request (for resources no installed SDK covers: providers, virtual networks,
 * diagnostic settings) through the same Azure pipeline: bearer token, retries, proxy, TLS.
 */
export async function armRequest<T = unknown>(azure: ArmAccess, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, opts: { apiVersion: string; body?: unknown; signal?: AbortSignal; operation: string }): Promise<T> {
  let pipeline = pipelines.get(azure);
  if (!pipeline) {
    const c = ca(azure);
    pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: azure.maxRetries ?? 3 }, ...(c ? { tlsOptions: { ca: c } } : {}) });
    pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: credentialOf(azure), scopes: armScope(azure) }));
    pipelines.set(azure, pipeline);
  }
  const sep = path.includes('?') ? '&' : '?';
  const request = createPipelineRequest({
    url: `${endpoint(azure)}${path}${sep}api-version=${encodeURIComponent(opts.apiVersion)}`,
    method,
    headers: createHttpHeaders({ accept: 'application/json', ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}) }),
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    abortSignal: opts.signal,
  });
  let response;
  try {
    response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  } catch (e) {
    throw toAzureError(e, opts.operation);
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

