// ARM's answers as the simulator builds them: JSON with ARM's headers, ARM's error bodies
// (`{"error":{"code","message"}}`), `{ value, nextLink }` paging, the request body read as ARM reads it.
import { randomUUID } from 'node:crypto';
import type { AccessTokenClaims, HttpAnswer } from './entra';

export interface ArmRequest {
  method: string;
  host: string;
  path: string;                         // decoded path, no query
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': randomUUID(), ...headers }, body,
});

export function armError(status: number, code: string, message: string, headers: Record<string, string> = {}): HttpAnswer {
  return json(status, { error: { code, message } }, { 'x-ms-failure-cause': status >= 500 ? 'service' : 'gateway', ...headers });
}

export const notFound = (type: string, name: string, rg?: string) => armError(404, 'ResourceNotFound',
  `The Resource '${type}/${name}' under resource group '${rg ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);

export function authorizationFailed(claims: AccessTokenClaims, action: string, scope: string): HttpAnswer {
  return armError(403, 'AuthorizationFailed',
    `The client '${claims.appid}' with object id '${claims.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
}

export const PAGE = 1000;

/** `{ value, nextLink }` paging by `$skipToken` (the SDKs follow nextLink). */
export function page<T>(req: ArmRequest, items: T[]): HttpAnswer {
  const skip = Math.max(0, Number(req.query.get('$skipToken') ?? req.query.get('$skiptoken') ?? 0) || 0);
  const slice = items.slice(skip, skip + PAGE);
  const body: { value: T[]; nextLink?: string } = { value: slice };
  if (skip + PAGE < items.length) {
    const q = new URLSearchParams(req.query);
    q.delete('$skiptoken');
    q.set('$skipToken', String(skip + PAGE));
    body.nextLink = `https://${req.host}${encodePath(req.path)}?${q.toString()}`;
  }
  return json(200, body);
}

function encodePath(p: string): string { return p.split('/').map((s) => encodeURIComponent(s)).join('/'); }

export function parseBody(req: ArmRequest): { ok: true; v: Record<string, unknown> } | { ok: false; a: HttpAnswer } {
  if (!req.body.trim()) return { ok: true, v: {} };
  try {
    const v = JSON.parse(req.body) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return { ok: true, v: v as Record<string, unknown> };
  } catch {
    return { ok: false, a: armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.') };
  }
}

export const isGuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
export const eq = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
