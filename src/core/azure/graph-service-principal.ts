// A stored user name that is an app id (a service principal's client id) says nothing about the
// registry's role assignments, which name object ids: Microsoft Graph turns one into the other
// (`GET /v1.0/servicePrincipals(appId='…')`, with a token for Graph from the same sign-in; it needs
// Application.Read.All or Directory.Read.All). Every refusal is an answer in words, never a throw.
import type { ArmAccess } from './connection';
import { AzureAccessError } from './errors';
import { graphGet } from './graph-request';

export type ServicePrincipalLookup =
  | { found: true; objectId: string; displayName?: string; accountEnabled?: boolean }
  /** Graph says no service principal has this app id in the tenant (404 Request_ResourceNotFound). */
  | { found: false; notFound: true }
  /** Graph could not be asked or refused (no directory read, no Graph token, unreachable): why, in words. */
  | { found: false; notFound: false; why: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function graphErrorOf(body: string | null | undefined): { code?: string; message?: string } {
  try {
    const e = (JSON.parse(body ?? '') as { error?: { code?: unknown; message?: unknown } }).error;
    return { code: typeof e?.code === 'string' ? e.code : undefined, message: typeof e?.message === 'string' ? e.message.slice(0, 200) : undefined };
  } catch {
    return {};
  }
}

/** The service principal whose app id is `appId`, as Microsoft Graph knows it. */
export async function servicePrincipalByAppId(azure: ArmAccess, appId: string, signal?: AbortSignal): Promise<ServicePrincipalLookup> {
  if (!GUID.test(appId)) return { found: false, notFound: false, why: `${appId.slice(0, 60)} is not an app id` };
  let res;
  try {
    res = await graphGet(azure, `/v1.0/servicePrincipals(appId='${appId.toLowerCase()}')?$select=id,appId,displayName,accountEnabled`, { signal, timeoutMs: 10_000 });
  } catch (e) {
    if (signal?.aborted) throw new AzureAccessError('cancelled', 'Cancelled.', 'look up the service principal in Microsoft Graph');
    return { found: false, notFound: false, why: `Microsoft Graph could not be asked (${((e as Error).message ?? String(e)).slice(0, 200)})` };
  }
  if (res.status === 200) {
    let o: { id?: unknown; displayName?: unknown; accountEnabled?: unknown };
    try { o = JSON.parse(res.bodyAsText ?? '') as typeof o; } catch { return { found: false, notFound: false, why: 'Microsoft Graph answered with something that is not JSON' }; }
    if (typeof o.id !== 'string' || !GUID.test(o.id)) return { found: false, notFound: false, why: 'Microsoft Graph answered without an object id' };
    return { found: true, objectId: o.id.toLowerCase(), ...(typeof o.displayName === 'string' ? { displayName: o.displayName } : {}), ...(typeof o.accountEnabled === 'boolean' ? { accountEnabled: o.accountEnabled } : {}) };
  }
  const err = graphErrorOf(res.bodyAsText);
  if (res.status === 404) return { found: false, notFound: true };
  if (res.status === 403) return { found: false, notFound: false, why: `Microsoft Graph refused to read service principals (${err.code ?? 'Forbidden'}): the sign-in needs Application.Read.All or Directory.Read.All` };
  if (res.status === 401) return { found: false, notFound: false, why: `Microsoft Graph did not accept this sign-in's token (${err.code ?? 'Unauthorized'})` };
  return { found: false, notFound: false, why: `Microsoft Graph answered ${res.status}${err.code ? ` ${err.code}` : ''}` };
}
