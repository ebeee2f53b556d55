// One GET against Microsoft Graph with the sign-in's own credential, scoped to Graph (the cloud's
// graphScope) and trusting the same extra CAs as ARM: what the principal-type and app-id lookups ask.
// No retries: each caller answers a refusal in its own words, and a lookup must not hold a check.
import { bearerTokenAuthenticationPolicy, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { cloudForArmEndpoint } from './clouds';
import { armHttpClient, scopedCredential, tlsOptionsOf, type ArmAccess } from './connection';

/** `GET <graph endpoint><path>`; throws only when the request could not be sent (network, token, abort). */
export async function graphGet(azure: ArmAccess, path: string, opts: { signal?: AbortSignal; timeoutMs: number }): Promise<PipelineResponse> {
  const cloud = cloudForArmEndpoint(azure.armEndpoint, azure);
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 }, ...tlsOptionsOf(azure) });
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: scopedCredential(azure.credential, cloud.graphScope), scopes: cloud.graphScope }));
  return pipeline.sendRequest(armHttpClient(), createPipelineRequest({
    url: `${cloud.graphEndpoint}${path}`, method: 'GET',
    headers: createHttpHeaders({ accept: 'application/json' }), abortSignal: opts.signal, timeout: opts.timeoutMs,
  }));
}
