// The Microsoft Graph reads ACR Doctor makes: `GET /v1.0/directoryObjects/{id}`, to learn a
// role assignment's principal type, and `GET /v1.0/servicePrincipals(appId='…')` (Application.Read.All
// or Directory.Read.All), to turn a stored app id into the object id role assignments name. As Graph: a token for https://graph.microsoft.com, and the
// application permission Directory.Read.All (or User.Read.All + GroupMember.Read.All… here just
// Directory.Read.All) on the calling service principal, else 403 Authorization_RequestDenied.
import type { IncomingHttpHeaders } from 'node:http';
import { verifyAccessToken, type HttpAnswer } from './entra';
import { findPrincipalByObjectId, type ArmState } from './state';
import { principalTypeOf } from './users';

export const GRAPH_AUDIENCES = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'];

export function isGraphPath(path: string): boolean {
  return /^\/v1\.0\//i.test(path);
}

const graphError = (status: number, code: string, message: string): HttpAnswer => ({
  status, headers: { 'content-type': 'application/json' }, body: { error: { code, message, innerError: { date: new Date().toISOString() } } },
});

export function handleGraph(state: ArmState, method: string, path: string, headers: IncomingHttpHeaders, now: Date): HttpAnswer {
  const auth = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
  const v = auth ? verifyAccessToken(state, auth[1], { audiences: GRAPH_AUDIENCES, now }) : undefined;
  if (!v || !v.ok) return graphError(401, 'InvalidAuthenticationToken', v && !v.ok ? v.message : 'Access token is empty.');
  const caller = findPrincipalByObjectId(state, v.claims.oid);
  const sp = /^\/v1\.0\/servicePrincipals\(appId='([^']*)'\)$/i.exec(path);
  if (sp && method.toUpperCase() === 'GET') {
    // Reading service principals takes Application.Read.All (or Directory.Read.All) as an application permission.
    if (!caller?.graphAppRoles?.some((r) => r === 'Directory.Read.All' || r === 'Application.Read.All')) return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    const appId = decodeURIComponent(sp[1]);
    const hit = state.servicePrincipals.find((p) => p.appId.toLowerCase() === appId.toLowerCase() && p.tenantId.toLowerCase() === String(v.claims.tid).toLowerCase());
    if (!hit) return graphError(404, 'Request_ResourceNotFound', `Resource '${appId}' does not exist or one of its queried reference-property objects are not present.`);
    return {
      status: 200, headers: { 'content-type': 'application/json' },
      body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity', id: hit.objectId, appId: hit.appId, displayName: hit.displayName, accountEnabled: hit.accountEnabled, servicePrincipalType: hit.kind === 'managedIdentity' ? 'ManagedIdentity' : 'Application' },
    };
  }
  const m = /^\/v1\.0\/directoryObjects\/([^/]+)$/i.exec(path);
  if (!m || method.toUpperCase() !== 'GET') return graphError(400, 'Request_BadRequest', `Unsupported request: ${method} ${path}.`);
  if (!caller?.graphAppRoles?.includes('Directory.Read.All')) return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  const id = m[1];
  const type = principalTypeOf(state, id);
  if (!type) return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  const odataType = type === 'User' ? '#microsoft.graph.user' : type === 'Group' ? '#microsoft.graph.group' : '#microsoft.graph.servicePrincipal';
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity', '@odata.type': odataType, id } };
}
